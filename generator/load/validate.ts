/**
 * Structural checks on the raw JSON before the SDK sees it: the SDK accepts almost anything and
 * fills gaps silently, so problems are caught here where the file and item path are known.
 */
import { PmgenError, type DiagnosticSink } from "../diagnostics.js";
import type { SourceLocation } from "../model/ir.js";

export type SchemaVersion = "2.0" | "2.1";

export function validateCollectionJson(
  json: unknown,
  file: string,
  itemFile: (indexPath: string) => string | undefined,
  sink: DiagnosticSink,
): SchemaVersion {
  if (!isObject(json)) throw new PmgenError("not a Postman collection: the file holds no JSON object", { file });
  if (Array.isArray(json.requests) && !("item" in json)) {
    throw new PmgenError("Postman collection format v1 is not supported: re-export it as v2.1", { file });
  }
  if (!isObject(json.info)) {
    const hint = "request" in json ? " (this looks like a single item: put it in a folder with a collection.json)" : "";
    throw new PmgenError(`not a Postman collection: missing the "info" object${hint}`, { file });
  }
  if (!Array.isArray(json.item)) throw new PmgenError('not a Postman collection: "item" must be an array', { file });
  const version = schemaVersion(json.info.schema, file);
  keyValueList(json.variable, "variable", (at, expected) => {
    throw new PmgenError(`${at}: expected ${expected}`, { file });
  }, false);
  walkItems(json.item, [], "", file, itemFile, sink);
  return version;
}

function schemaVersion(schema: unknown, file: string): SchemaVersion {
  if (schema === undefined) return "2.1";
  if (typeof schema !== "string") throw new PmgenError('"info.schema" must be a string', { file });
  const match = /\/v(\d+)\.(\d+)\.\d+\//.exec(schema);
  if (!match) return "2.1";
  const version = `${match[1]}.${match[2]}`;
  if (version === "2.0" || version === "2.1") return version;
  throw new PmgenError(`unsupported collection schema v${version}: pmgen reads v2.0 and v2.1`, { file });
}

function walkItems(
  items: unknown[],
  path: string[],
  prefix: string,
  file: string,
  itemFile: (indexPath: string) => string | undefined,
  sink: DiagnosticSink,
): void {
  items.forEach((item, index) => {
    const indexPath = `${prefix}${index}`;
    const where = itemFile(indexPath) ?? file;
    if (!isObject(item)) {
      throw new PmgenError(`item #${index + 1} is not an object`, { file: where, itemPath: path.join(" / ") || undefined });
    }
    const name = typeof item.name === "string" && item.name.trim() ? item.name : undefined;
    const itemPath = [...path, name ?? `#${index + 1}`];
    const source = { file: where, itemPath: itemPath.join(" / ") };
    if (!name) sink.warn("item has no name; named by its position", source);
    if (Array.isArray(item.item)) {
      walkItems(item.item, itemPath, `${indexPath}/`, file, itemFile, sink);
      return;
    }
    if (item.request === undefined || item.request === null) {
      throw new PmgenError("item has no request (and no sub-items)", source);
    }
    if (typeof item.request !== "string" && !isObject(item.request)) {
      throw new PmgenError('"request" must be an object or a URL string', source);
    }
    if (isObject(item.request) && item.request.url === undefined) {
      throw new PmgenError("request has no url", source);
    }
    checkRequest(item.request, "request", source);
    if (item.response !== undefined && !Array.isArray(item.response)) {
      throw new PmgenError('"response" must be an array of saved examples', source);
    }
    (item.response as unknown[] | undefined)?.forEach((response, i) => checkResponse(response, `response[${i}]`, source));
  });
}

/**
 * The parts of a request pmgen reads, checked against the v2.0/v2.1 schema's types so a wrong
 * type is reported with its JSON path instead of surfacing later as a crash.
 */
function checkRequest(request: unknown, path: string, source: SourceLocation): void {
  if (typeof request === "string") return;
  const fail = (at: string, expected: string) => {
    throw new PmgenError(`${path}${at}: expected ${expected}`, source);
  };
  if (!isObject(request)) return fail("", "an object or a URL string");
  optional(request.method, "string", ".method", fail);
  const url = request.url;
  if (url !== undefined && url !== null && typeof url !== "string") {
    if (!isObject(url)) return fail(".url", "a string or an object");
    optional(url.raw, "string", ".url.raw", fail);
    for (const part of ["host", "path"] as const) {
      const value = url[part];
      if (value !== undefined && typeof value !== "string" && !(Array.isArray(value) && value.every(isSegment))) {
        fail(`.url.${part}`, "a string or an array of strings");
      }
    }
    keyValueList(url.query, ".url.query", fail, true);
    keyValueList(url.variable, ".url.variable", fail, false);
  }
  if (typeof request.header !== "string") keyValueList(request.header, ".header", fail, false);
  const body = request.body;
  if (body !== undefined && body !== null) {
    if (!isObject(body)) return fail(".body", "an object");
    optional(body.mode, "string", ".body.mode", fail);
    optional(body.raw, "string", ".body.raw", fail);
    keyValueList(body.urlencoded, ".body.urlencoded", fail, false);
    keyValueList(body.formdata, ".body.formdata", fail, false);
    if (body.graphql !== undefined && body.graphql !== null && !isObject(body.graphql)) fail(".body.graphql", "an object");
  }
  if (request.auth !== undefined && request.auth !== null && !isObject(request.auth)) fail(".auth", "an object");
}

function checkResponse(response: unknown, path: string, source: SourceLocation): void {
  const fail = (at: string, expected: string) => {
    throw new PmgenError(`${path}${at}: expected ${expected}`, source);
  };
  if (!isObject(response)) return fail("", "an object (a saved example)");
  optional(response.name, "string", ".name", fail);
  optional(response.status, "string", ".status", fail);
  optional(response.body, "string", ".body", fail);
  if (response.code !== undefined && response.code !== null && typeof response.code !== "number") fail(".code", "a number");
  if (typeof response.header !== "string") keyValueList(response.header, ".header", fail, false);
  if (response.originalRequest !== undefined && response.originalRequest !== null) {
    checkRequest(response.originalRequest, `${path}.originalRequest`, source);
  }
}

type Fail = (at: string, expected: string) => void;

function optional(value: unknown, type: "string", at: string, fail: Fail): void {
  if (value !== undefined && value !== null && typeof value !== type) fail(at, `a ${type}`);
}

/** `[{ key, value, ... }]`: keys and values are text (numbers and booleans are read as text). */
function keyValueList(list: unknown, at: string, fail: Fail, nullKeys: boolean): void {
  if (list === undefined || list === null) return;
  if (!Array.isArray(list)) return fail(at, "an array");
  list.forEach((entry, i) => {
    if (!isObject(entry)) return fail(`${at}[${i}]`, "an object with key and value");
    const key = entry.key;
    if (!(typeof key === "string" || ((key === null || key === undefined) && nullKeys) || isScalar(key))) fail(`${at}[${i}].key`, "a string");
    const value = entry.value;
    if (!(value === undefined || value === null || isScalar(value) || (at.endsWith("formdata") && Array.isArray(value)))) {
      fail(`${at}[${i}].value`, "a string");
    }
  });
}

function isScalar(value: unknown): boolean {
  return typeof value === "string" || typeof value === "number" || typeof value === "boolean";
}

function isSegment(value: unknown): boolean {
  return typeof value === "string" || (isObject(value) && typeof value.value === "string");
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
