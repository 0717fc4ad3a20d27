/**
 * The request URL: base (or `config.baseUrl`), path with `:name` parameters, query in spec order.
 * Collection text is encoded as Postman encodes it; caller values strictly (see encoding.ts).
 */
import { percentEncode, encodePathSegment, PATH_SET, QUERY_KEY_SET, QUERY_VALUE_SET } from "./encoding.js";
import { MissingParameterError, RuntimeError } from "./errors.js";
import type { OperationParams, OperationSpec } from "./spec.js";
import { resolveTemplate, type VariableScope } from "./variables.js";

type QueryValue = NonNullable<OperationParams["query"]>[string];

export function buildUrl(
  spec: OperationSpec,
  params: OperationParams | undefined,
  scope: VariableScope,
  baseUrl: string | undefined,
): string {
  const overridden = spec.overridableBase && baseUrl !== undefined;
  const base = withScheme(resolveTemplate(overridden ? baseUrl : spec.base, scope).trim());
  const path = buildPath(spec, params, scope);
  const query = buildQuery(spec, params, scope);
  // The collection's own URL is sent as Postman joins it (`{{host}}/` then `/path` keeps both
  // slashes); a base the caller gives is joined to the path with one.
  const text = (overridden ? joinBaseAndPath(base, path) : base + path) + (query ? `?${query}` : "");
  try {
    return new URL(text).href;
  } catch (cause) {
    throw new RuntimeError(`Operation "${spec.id}": "${text}" is not a valid URL`, { cause });
  }
}

/** Postman sends a URL without a scheme over http. */
function withScheme(base: string): string {
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(base) ? base : `http://${base}`;
}

function joinBaseAndPath(base: string, path: string): string {
  if (!path) return base;
  const trimmed = base.replace(/\/+$/, "");
  return path.startsWith("/") ? trimmed + path : `${trimmed}/${path}`;
}

function buildPath(spec: OperationSpec, params: OperationParams | undefined, scope: VariableScope): string {
  return spec.path
    .split("/")
    .map((segment) => {
      const variable = pathVariable(segment);
      if (variable !== undefined) {
        const value = params?.path?.[variable.name];
        if (value === undefined) throw new MissingParameterError("path", variable.name, spec.id);
        return encodePathSegment(String(value)) + percentEncode(resolveTemplate(variable.suffix, scope), PATH_SET);
      }
      return percentEncode(resolveTemplate(segment, scope), PATH_SET);
    })
    .join("/");
}

/**
 * A Postman path variable: a segment starting with `:` names it up to the first `.`, and the
 * rest of the segment stays (`:Sid.json` is `Sid` then `.json`), as Postman substitutes it.
 */
export function pathVariable(segment: string): { name: string; suffix: string } | undefined {
  if (!segment.startsWith(":")) return undefined;
  const dot = segment.indexOf(".");
  const name = segment.slice(1, dot === -1 ? undefined : dot);
  return name === "" ? undefined : { name, suffix: dot === -1 ? "" : segment.slice(dot) };
}

function buildQuery(spec: OperationSpec, params: OperationParams | undefined, scope: VariableScope): string {
  const parts: string[] = [];
  const given = params?.query ?? {};
  const declared = new Set<string>();
  // A caller value for a static parameter replaces the collection's value.
  for (const param of spec.query) {
    const value = Object.prototype.hasOwnProperty.call(given, param.key) ? given[param.key] : undefined;
    // A key the collection repeats (`tag=a&tag=b`) takes the caller's value (or list) once.
    const first = !declared.has(param.key);
    declared.add(param.key);
    // `null` leaves out a parameter the collection would send.
    if (value === null) continue;
    // The collection's own value (a static one, or a caller's default) is written as Postman writes it.
    const collectionValue = param.kind === "static" ? param.value : param.default;
    if (value === undefined && (param.kind === "static" || param.default !== undefined)) {
      const key = percentEncode(resolveTemplate(param.key, scope), QUERY_KEY_SET);
      // A static param without a value is written as a bare key (`?flag`), as in Postman.
      parts.push(
        collectionValue === undefined
          ? key
          : `${key}=${percentEncode(resolveTemplate(collectionValue, scope), QUERY_VALUE_SET)}`,
      );
      continue;
    }
    if (value === undefined) {
      if (param.required) throw new MissingParameterError("query", param.key, spec.id);
      continue;
    }
    if (first) parts.push(...callerPairs(param.key, value));
  }
  // Parameters the collection does not document are still sent, after the documented ones.
  for (const [key, value] of Object.entries(given)) {
    if (!declared.has(key) && value !== undefined && value !== null) parts.push(...callerPairs(key, value));
  }
  return parts.join("&");
}

function callerPairs(key: string, value: NonNullable<QueryValue>): string[] {
  const values = Array.isArray(value) ? value : [value];
  const encodedKey = percentEncode(key, QUERY_KEY_SET, true);
  return values.map((item) => `${encodedKey}=${percentEncode(String(item), QUERY_VALUE_SET, true)}`);
}

/** Adds `key=value` to a built URL without re-encoding the parameters already there. */
export function appendQueryParam(url: string, key: string, value: string): string {
  const hash = url.indexOf("#");
  const [head, fragment] = hash === -1 ? [url, ""] : [url.slice(0, hash), url.slice(hash)];
  const pair = `${percentEncode(key, QUERY_KEY_SET, true)}=${percentEncode(value, QUERY_VALUE_SET, true)}`;
  const separator = !head.includes("?") ? "?" : head.endsWith("?") || head.endsWith("&") ? "" : "&";
  return `${head}${separator}${pair}${fragment}`;
}
