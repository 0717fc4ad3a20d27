/**
 * Postman's OpenAPI importer writes a type placeholder where the spec has no example: `"<long>"`
 * for an int64, `"<dateTime>"` for a date-time string, `"<boolean>"`. Every collection imported
 * from an OpenAPI file looks like this by default. Such a string states a type; it is not a
 * value (so never a default to send, nor an example). Inference reads them as type evidence
 * (`infer/type-placeholders.ts`).
 */

/** The string formats a placeholder can state (JSON Schema format names). */
export type PlaceholderFormat = "date-time" | "date" | "uuid" | "uri" | "email";

export type TypePlaceholder =
  | { readonly kind: "string"; readonly format?: PlaceholderFormat }
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
