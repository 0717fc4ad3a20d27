/**
 * Structural checks on the raw JSON before anything reads it. A file that is not a collection is
 * an error. A collection damaged in part, which Postman itself opens, is read without the parts
 * pmgen cannot use: each loss (an item without a URL, a header that is not text, an example
 * with a broken status) is dropped with one warning naming the item and what was lost, and
 * every other operation is generated as usual.
 */
import { PmgenError, type DiagnosticSink, type SourceLocation } from "../base/diagnostics.js";

export type SchemaVersion = "2.0" | "2.1";

export interface ValidatedCollection {
  version: SchemaVersion;
  /** The collection without the parts that were dropped (the input itself when nothing was). */
  json: Record<string, unknown>;
  /** The file each kept item came from, by its index path in `json` ("0/2/1"), when not the collection file. */
  itemFiles: Map<string, string>;
}

type RawNode = Record<string, unknown>;

export function validateCollectionJson(
  json: unknown,
  file: string,
  itemFile: (indexPath: string) => string | undefined,
  sink: DiagnosticSink,
): ValidatedCollection {
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
  const itemFiles = new Map<string, string>();
  const cleaner = new Cleaner(sink);
  const variable = cleaner.keyValues(json.variable, "variable", { file }, "variable");
  const item = cleaner.items(json.item, [], "", "", file, itemFile, itemFiles);
  if (!cleaner.changed) return { version, json, itemFiles };
  const cleaned: RawNode = { ...json, item };
  if (variable !== undefined) cleaned.variable = variable;
  return { version, json: cleaned, itemFiles };
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

/** A part of a request that could not be read, and what its loss costs. */
class Damage extends Error {}

/**
 * Walks the item tree and returns cleaned copies of what it had to change; `changed` says
 * whether anything was dropped (most collections come back as they were).
 */
class Cleaner {
  changed = false;
  constructor(private readonly sink: DiagnosticSink) {}

  items(
    items: unknown[],
    path: string[],
    oldPrefix: string,
    newPrefix: string,
    file: string,
    itemFile: (indexPath: string) => string | undefined,
    itemFiles: Map<string, string>,
  ): unknown[] {
    const kept: unknown[] = [];
    items.forEach((item, index) => {
      const oldPath = `${oldPrefix}${index}`;
      const newPath = `${newPrefix}${kept.length}`;
      const where = itemFile(oldPath) ?? file;
      if (!isObject(item)) {
        this.drop(`item #${index + 1} is not an object; skipped`, { file: where, itemPath: path.join(" / ") || undefined });
        return;
      }
      const name = typeof item.name === "string" && item.name.trim() ? item.name : undefined;
      const itemPath = [...path, name ?? `#${index + 1}`];
      const source = { file: where, itemPath: itemPath.join(" / ") };
      if (!name) this.sink.note("item has no name; named by its position", source);
      if (Array.isArray(item.item)) {
        const children = this.items(item.item, itemPath, `${oldPath}/`, `${newPath}/`, file, itemFile, itemFiles);
        if (where !== file) itemFiles.set(newPath, where);
        kept.push(children === item.item ? item : { ...item, item: children });
        return;
      }
      const cleaned = this.item(item, source);
      if (cleaned === undefined) return;
      if (where !== file) itemFiles.set(newPath, where);
      kept.push(cleaned);
    });
    return kept.length === items.length && kept.every((item, i) => item === items[i]) ? items : kept;
  }

  /** The item as pmgen can read it, or undefined when it is not an HTTP request it can send. */
  private item(item: RawNode, source: SourceLocation): RawNode | undefined {
    if (item.request === undefined || item.request === null) {
      this.drop("item has no request (and no sub-items): not an HTTP request; skipped", source);
      return undefined;
    }
    if (typeof item.request !== "string" && !isObject(item.request)) {
      this.drop('"request" is neither an object nor a URL string; the item is skipped', source);
      return undefined;
    }
    const missing = missingUrl(item.request);
    if (missing !== undefined) {
      this.drop(`${missing}: not an HTTP request; skipped`, source);
      return undefined;
    }
    let request: unknown;
    try {
      request = this.request(item.request, "request", source);
    } catch (error) {
      if (!(error instanceof Damage)) throw error;
      this.drop(`${error.message}; the item is skipped`, source);
      return undefined;
    }
    let response = item.response;
    if (response !== undefined && response !== null && !Array.isArray(response)) {
      this.drop('"response" is not a list of saved examples; they are left out', source);
      response = undefined;
    } else if (Array.isArray(response)) {
      const list: unknown[] = response;
      const examples = list.flatMap((example, i) => {
        const kept = this.example(example, `response[${i}]`, source);
        return kept === undefined ? [] : [kept];
      });
      if (examples.length !== list.length || examples.some((example, i) => example !== list[i])) response = examples;
    }
    if (request === item.request && response === item.response) return item;
    const copy: RawNode = { ...item, request };
    if (response === undefined) delete copy.response;
    else copy.response = response;
    return copy;
  }

  /**
   * The parts of a request pmgen reads, checked against the v2.0/v2.1 schema's types. A URL it
   * cannot read throws `Damage` (the item is lost); a header, parameter or body it cannot read
   * is dropped with a warning and the rest of the request is kept.
   */
  private request(request: unknown, path: string, source: SourceLocation): unknown {
    if (typeof request === "string") return request;
    if (!isObject(request)) throw new Damage(`${path}: expected an object or a URL string`);
    let copy: RawNode | undefined;
    const set = (key: string, value: unknown) => {
      copy ??= { ...request };
      if (value === undefined) delete copy[key];
      else copy[key] = value;
    };
    if (request.method !== undefined && request.method !== null && typeof request.method !== "string") {
      throw new Damage(`${path}.method: expected a string`);
    }
    const url = request.url;
    if (url !== undefined && url !== null && typeof url !== "string") {
      if (!isObject(url)) throw new Damage(`${path}.url: expected a string or an object`);
      if (url.raw !== undefined && url.raw !== null && typeof url.raw !== "string") throw new Damage(`${path}.url.raw: expected a string`);
      for (const part of ["host", "path"] as const) {
        const value = url[part];
        if (value !== undefined && typeof value !== "string" && !(Array.isArray(value) && value.every(isSegment))) {
          throw new Damage(`${path}.url.${part}: expected a string or an array of strings`);
        }
      }
      const query = this.keyValues(url.query, `${path}.url.query`, source, "query parameter", true);
      const variable = this.keyValues(url.variable, `${path}.url.variable`, source, "path variable");
      if (query !== undefined || variable !== undefined) {
        const cleanedUrl: RawNode = { ...url };
        if (query !== undefined) cleanedUrl.query = query;
        if (variable !== undefined) cleanedUrl.variable = variable;
        set("url", cleanedUrl);
      }
    }
    if (typeof request.header !== "string") {
      const header = this.keyValues(request.header, `${path}.header`, source, "header");
      if (header !== undefined) set("header", header);
    }
    const bodyProblem = this.bodyProblem(request.body, `${path}.body`);
    if (bodyProblem !== undefined) {
      this.drop(`${bodyProblem}; the request body is left out`, source);
      set("body", undefined);
    }
    if (request.auth !== undefined && request.auth !== null && !isObject(request.auth)) {
      this.drop(`${path}.auth: expected an object; the request's own auth is left out (it inherits its folder's)`, source);
      set("auth", undefined);
    }
    return copy ?? request;
  }

  private bodyProblem(body: unknown, at: string): string | undefined {
    if (body === undefined || body === null) return undefined;
    if (!isObject(body)) return `${at}: expected an object`;
    if (body.mode !== undefined && body.mode !== null && typeof body.mode !== "string") return `${at}.mode: expected a string`;
    if (body.raw !== undefined && body.raw !== null && typeof body.raw !== "string") return `${at}.raw: expected a string`;
    for (const list of ["urlencoded", "formdata"] as const) {
      const problem = keyValueProblem(body[list], `${at}.${list}`, false);
      if (problem !== undefined) return problem;
    }
    if (body.graphql !== undefined && body.graphql !== null && !isObject(body.graphql)) return `${at}.graphql: expected an object`;
    return undefined;
  }

  /** A saved example as pmgen can read it, or undefined when it is left out (with a warning). */
  private example(response: unknown, path: string, source: SourceLocation): unknown {
    const problem = exampleProblem(response, path);
    if (problem !== undefined) {
      this.drop(`${problem}; the example is left out`, source);
      return undefined;
    }
    const example = response as RawNode;
    const original = example.originalRequest;
    if (original === undefined || original === null) return example;
    try {
      const request = this.request(original, `${path}.originalRequest`, source);
      return request === original ? example : { ...example, originalRequest: request };
    } catch (error) {
      if (!(error instanceof Damage)) throw error;
      // The example's request only adds samples; its response is still worth keeping.
      this.drop(`${error.message}; the example's request is left out`, source);
      const { originalRequest: _dropped, ...rest } = example;
      return rest;
    }
  }

  /**
   * A `[{ key, value }]` list without the entries pmgen cannot read (undefined when all are
   * fine). Keys and values are text; numbers and booleans are read as text.
   */
  keyValues(list: unknown, at: string, source: SourceLocation, what: string, nullKeys = false): unknown[] | undefined {
    if (list === undefined || list === null) return undefined;
    if (!Array.isArray(list)) {
      this.drop(`${at}: expected a list; every ${what} there is left out`, source);
      return [];
    }
    let kept: unknown[] | undefined;
    list.forEach((entry, i) => {
      const problem = entryProblem(entry, `${at}[${i}]`, nullKeys, at.endsWith("formdata"));
      if (problem === undefined) {
        kept?.push(entry);
        return;
      }
      kept ??= list.slice(0, i);
      // A disabled entry without a key is an empty row of Postman's table: nothing is lost.
      if (isObject(entry) && entry.disabled && (entry.key === undefined || entry.key === null || entry.key === "")) {
        this.changed = true;
        this.sink.note(`${problem} (a disabled entry without a key); ignored`, source);
      } else {
        this.drop(`${problem}; the ${what} is left out`, source);
      }
    });
    return kept;
  }

  private drop(message: string, source: SourceLocation): void {
    this.changed = true;
    this.sink.warn(message, source);
  }
}

/** Why a request is not an HTTP request pmgen can call: no URL at all, or `about:blank`. */
function missingUrl(request: unknown): string | undefined {
  if (typeof request === "string") return request.trim() === "" ? "request URL is empty" : blankPage(request);
  const url = (request as RawNode).url;
  if (url === undefined || url === null) return "request has no URL";
  if (typeof url === "string") return url.trim() === "" ? "request URL is empty" : blankPage(url);
  if (!isObject(url)) return undefined;
  const raw = typeof url.raw === "string" ? url.raw.trim() : "";
  const parts = [url.host, url.path].some((part) => part !== undefined && part !== null && part !== "" && !(Array.isArray(part) && part.length === 0));
  if (!raw && !parts) return "request URL is empty";
  return raw ? blankPage(raw) : undefined;
}

function blankPage(url: string): string | undefined {
  return /^\s*about:/i.test(url) ? `request URL is ${url.trim()}` : undefined;
}

function exampleProblem(response: unknown, path: string): string | undefined {
  if (!isObject(response)) return `${path}: expected an object (a saved example)`;
  for (const key of ["name", "status", "body"] as const) {
    const value = response[key];
    if (value !== undefined && value !== null && typeof value !== "string") return `${path}.${key}: expected a string`;
  }
  const code = response.code;
  if (code !== undefined && code !== null && typeof code !== "number") return `${path}.code: expected a number`;
  if (typeof response.header !== "string") return keyValueProblem(response.header, `${path}.header`, false);
  return undefined;
}

function keyValueProblem(list: unknown, at: string, nullKeys: boolean): string | undefined {
  if (list === undefined || list === null) return undefined;
  if (!Array.isArray(list)) return `${at}: expected an array`;
  for (let i = 0; i < list.length; i++) {
    const problem = entryProblem(list[i], `${at}[${i}]`, nullKeys, at.endsWith("formdata"));
    if (problem !== undefined) return problem;
  }
  return undefined;
}

function entryProblem(entry: unknown, at: string, nullKeys: boolean, listValues: boolean): string | undefined {
  if (!isObject(entry)) return `${at}: expected an object with key and value`;
  const key = entry.key;
  if (!(typeof key === "string" || ((key === null || key === undefined) && nullKeys) || isScalar(key))) return `${at}.key: expected a string`;
  const value = entry.value;
  if (!(value === undefined || value === null || isScalar(value) || (listValues && Array.isArray(value)))) return `${at}.value: expected a string`;
  return undefined;
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
