/**
 * Postman's OpenAPI importer writes a type placeholder where the spec has no example: `"<long>"`
 * for an int64, `"<dateTime>"` for a date-time string, `"<boolean>"`. Every collection imported
 * from an OpenAPI file looks like this by default. Such a string is evidence of a type (stated
 * by the spec itself, so a format it names is a constraint), never a value: it is not an
 * example, and fixtures built from such a body hold a typed stand-in instead (`0`, `true`,
 * `"1970-01-01T00:00:00Z"`), so they still satisfy their types.
 */
import { ExactNumber, type JsonValue } from "./contract.js";
import type { StringFormat } from "./graph.js";

export type TypePlaceholder =
  | { readonly kind: "string"; readonly format?: StringFormat }
  | { readonly kind: "integer" | "number" | "boolean" | "object" };

const STRING: TypePlaceholder = { kind: "string" };

/** The importer's names (its type or format words), lower-cased. */
const PLACEHOLDERS: ReadonlyMap<string, TypePlaceholder> = new Map<string, TypePlaceholder>([
  ["string", STRING],
  ["byte", STRING],
  ["binary", STRING],
  ["password", STRING],
  ["integer", { kind: "integer" }],
  ["int32", { kind: "integer" }],
  ["int64", { kind: "integer" }],
  ["long", { kind: "integer" }],
  ["number", { kind: "number" }],
  ["float", { kind: "number" }],
  ["double", { kind: "number" }],
  ["boolean", { kind: "boolean" }],
  ["object", { kind: "object" }],
  ["datetime", { kind: "string", format: "date-time" }],
  ["date-time", { kind: "string", format: "date-time" }],
  ["date", { kind: "string", format: "date" }],
  ["uuid", { kind: "string", format: "uuid" }],
  ["email", { kind: "string", format: "email" }],
  ["uri", { kind: "string", format: "uri" }],
  ["url", { kind: "string", format: "uri" }],
]);

/** The type a string states when it is one of the importer's placeholders (`<long>`, `<dateTime>`). */
export function typePlaceholder(text: string): TypePlaceholder | undefined {
  if (text.length < 5 || text.length > 11 || text.charCodeAt(0) !== 0x3c || text.charCodeAt(text.length - 1) !== 0x3e) return undefined;
  return PLACEHOLDERS.get(text.slice(1, -1).toLowerCase());
}

export function isTypePlaceholder(text: string): boolean {
  return typePlaceholder(text) !== undefined;
}

const STAND_INS: Record<StringFormat, string> = {
  "date-time": "1970-01-01T00:00:00Z",
  date: "1970-01-01",
  uuid: "00000000-0000-0000-0000-000000000000",
  email: "user@example.com",
  uri: "https://example.com/",
};

/** A value of the placeholder's type, for fixtures and examples. */
export function standIn(placeholder: TypePlaceholder): JsonValue {
  switch (placeholder.kind) {
    case "string":
      return placeholder.format === undefined ? "string" : STAND_INS[placeholder.format];
    case "integer":
    case "number":
      return 0;
    case "boolean":
      return true;
    case "object":
      return {};
  }
}

/**
 * `value` with every type placeholder replaced by its stand-in; the same object when it holds
 * none (parsed samples are shared between requests and must not change).
 */
export function withStandIns(value: JsonValue): JsonValue {
  if (typeof value === "string") {
    const placeholder = typePlaceholder(value);
    return placeholder === undefined ? value : standIn(placeholder);
  }
  if (value === null || typeof value !== "object" || value instanceof ExactNumber) return value;
  if (Array.isArray(value)) {
    let copy: JsonValue[] | undefined;
    for (let i = 0; i < value.length; i++) {
      const item = withStandIns(value[i]!);
      if (item !== value[i]) (copy ??= value.slice())[i] = item;
    }
    return copy ?? value;
  }
  let copy: { [key: string]: JsonValue } | undefined;
  for (const key of Object.keys(value)) {
    const item = withStandIns(value[key]!);
    if (item !== value[key]) {
      copy ??= copyObject(value);
      Object.defineProperty(copy, key, { value: item, writable: true, enumerable: true, configurable: true });
    }
  }
  return copy ?? value;
}

/** An own copy of an object, `__proto__` keys included. */
function copyObject(value: { [key: string]: JsonValue }): { [key: string]: JsonValue } {
  const copy: { [key: string]: JsonValue } = {};
  for (const key of Object.keys(value)) Object.defineProperty(copy, key, { value: value[key], writable: true, enumerable: true, configurable: true });
  return copy;
}
