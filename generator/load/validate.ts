/**
 * Structural checks on the raw JSON before the SDK sees it: the SDK accepts almost anything and
 * fills gaps silently, so problems are caught here where the file and item path are known.
 */
import { PmgenError, type DiagnosticSink } from "../diagnostics.js";

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
    if (item.response !== undefined && !Array.isArray(item.response)) {
      throw new PmgenError('"response" must be an array of saved examples', source);
    }
  });
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
