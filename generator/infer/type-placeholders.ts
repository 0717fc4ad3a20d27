/**
 * OpenAPI-import placeholders (`"<long>"`, see `model/type-placeholders.ts`) are evidence of a
 * type, stated by the spec itself (so a format one names is a constraint), never a value: they
 * are not examples, and fixtures built from such a body hold a typed stand-in instead (`0`,
 * `true`, `"1970-01-01T00:00:00Z"`), so they still satisfy their types.
 */
import { ExactNumber, type JsonValue } from "./contract.js";
import { typePlaceholder, type PlaceholderFormat, type TypePlaceholder } from "../model/type-placeholders.js";

export { typePlaceholder, type TypePlaceholder };

const STAND_INS: Record<PlaceholderFormat, string> = {
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
