/**
 * Objects whose keys are data, not field names, become `Record<string, T>`.
 *
 * An object is a map when (checked in this order):
 * 1. it has no keys in any sample (`{}`: nothing is known about its fields), or
 * 2. every key looks like data: a number, UUID, date, long hex id, email, URL, media type, or
 *    words separated by spaces (`"Status code is 200"`: field names do not contain spaces), or
 * 3. all values have one shape and the keys do not repeat: at least 4 distinct keys and fewer
 *    than half of them appear in every observed object (e.g. `{"C": 10}` then `{"Go": 5, "Rust": 1}`), or
 * 4. all values have one shape and there are at least 30 distinct keys (a dictionary, not a record), or
 * 5. its keys are numbered the way example generators write a map's entries (`key_0`, `key_1`;
 *    `additionalProp1`), or
 * 6. it is the value of a property named for HTTP headers (`headers`, `captureHeaders`,
 *    `response_headers`) and every key is a header field name (`Content-Type`, `accept`,
 *    `X-Request-Id`: words joined by hyphens): header names are data, whichever a sample shows.
 */
import type { JsonValue } from "./contract.js";
import { ExactNumber } from "./contract.js";

type JsonObject = { [key: string]: JsonValue };

const DATA_KEY = [
  /^-?[0-9]+(?:\.[0-9]+)?$/,
  /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/,
  /^[0-9]{4}-[0-9]{2}-[0-9]{2}/,
  /^(?=.*[0-9])[0-9a-fA-F]{12,}$/,
  /^[^@\s]+@[^@\s]+\.[A-Za-z]+$/,
  /^https?:\/\//,
  /^[a-z]+\/[a-z0-9.+-]+$/,
  /\S\s+\S/,
];

export function isDataKey(key: string): boolean {
  return DATA_KEY.some((pattern) => pattern.test(key));
}

function jsonKind(value: JsonValue): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  if (value instanceof ExactNumber) return "number";
  return typeof value === "number" ? "number" : typeof value;
}

/** Whether all non-null values share one JSON kind and, for objects, mostly the same keys. */
function homogeneous(values: JsonValue[]): boolean {
  let kind: string | undefined;
  let common: Set<string> | undefined;
  const all = new Set<string>();
  for (let i = 0; i < values.length; i++) {
    const value = values[i]!;
    const k = jsonKind(value);
    if (k === "null") continue;
    if (kind === undefined) kind = k;
    else if (kind !== k) return false;
    if (k === "object") {
      const keys = Object.keys(value as JsonObject);
      for (const key of keys) all.add(key);
      common = common === undefined ? new Set(keys) : new Set(keys.filter((key) => common!.has(key)));
    }
  }
  if (kind === undefined) return false;
  if (kind === "object") return common !== undefined && common.size > 0 && common.size * 2 >= all.size;
  return true;
}

/** A property whose value holds HTTP headers by name: `headers`, `requestHeaders`, `response_headers` (not `subheaders`). */
const HEADERS_PROPERTY = /^(?:headers|Headers|HEADERS)$|[_-](?:headers|HEADERS)$|[a-z0-9]Headers$/;
/** An HTTP field name as APIs write them: letters and digits, words joined by single hyphens. */
const HEADER_NAME = /^[A-Za-z][A-Za-z0-9]*(?:-[A-Za-z0-9]+)*$/;

/** `key`: the name of the property the objects are the value of, when they are one. */
export function isMap(objects: readonly JsonObject[], key?: string): boolean {
  const counts = new Map<string, number>();
  const values: JsonValue[] = [];
  for (let i = 0; i < objects.length; i++) {
    const object = objects[i]!;
    const keys = Object.keys(object);
    for (let k = 0; k < keys.length; k++) {
      const key = keys[k]!;
      counts.set(key, (counts.get(key) ?? 0) + 1);
      values.push(object[key]!);
    }
  }
  if (counts.size === 0) return true;
  const keys = [...counts.keys()];
  if (keys.every(isDataKey) || numberedStem(keys)) return true;
  if (key !== undefined && HEADERS_PROPERTY.test(key) && keys.every((name) => HEADER_NAME.test(name))) return true;
  if (!homogeneous(values)) return false;
  const inEvery = keys.filter((key) => counts.get(key) === objects.length).length;
  if (objects.length >= 2 && keys.length >= 4 && inEvery * 2 < keys.length) return true;
  return keys.length >= 30;
}

/**
 * Keys the way example generators write a map's entries: `key_0`, `key_1` (openapi-to-postmanv2),
 * `additionalProp1` (Swagger UI). Other numbered names (`address1`, `address2`) are left alone:
 * records have them too.
 */
function numberedStem(keys: readonly string[]): boolean {
  return keys.every(isGeneratedEntryKey);
}

/**
 * A key an example generator wrote for an entry of `additionalProperties` (`key_0`,
 * `additionalProp1`). Beside named fields (`{"detail": "x", "key_0": 1}`) such keys stand for the
 * other keys the object may have, not for fields of its own (see `mergeObject`).
 */
export function isGeneratedEntryKey(key: string): boolean {
  return /^(?:key|additionalProp(?:erty)?|property|prop)[-_]?[0-9]+$/i.test(key);
}
