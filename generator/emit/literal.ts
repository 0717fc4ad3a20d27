/** JSON values (with exact big numbers) as TypeScript literals for fixtures and examples. */
import { ExactNumber, type JsonValue } from "../infer/contract.js";
import { propertyKey, stringLiteral } from "./ts-text.js";

/** Deeper than this, values are written on one line so output size stays linear in nesting. */
const MAX_PRETTY_DEPTH = 24;

export function tsLiteral(value: JsonValue, indent = "", depth = 0): string {
  if (value === null) return "null";
  if (value instanceof ExactNumber) return value.raw;
  switch (typeof value) {
    case "string":
      return stringLiteral(value);
    case "number":
      return Object.is(value, -0) ? "-0" : String(value);
    case "boolean":
      return String(value);
  }
  const pretty = depth < MAX_PRETTY_DEPTH;
  const inner = pretty ? `${indent}  ` : "";
  const open = pretty ? `\n${inner}` : "";
  const close = pretty ? `\n${indent}` : "";
  const sep = pretty ? `,\n${inner}` : ", ";
  if (Array.isArray(value)) {
    if (value.length === 0) return "[]";
    return `[${open}${value.map((v) => tsLiteral(v, inner, depth + 1)).join(sep)}${pretty ? "," : ""}${close}]`;
  }
  const entries = Object.entries(value);
  if (entries.length === 0) return "{}";
  const parts = entries.map(([k, v]) => `${propertyKey(k)}: ${tsLiteral(v, inner, depth + 1)}`);
  // Small flat records (a header spec, a query param) read best on one line.
  const flat = entries.every(([, v]) => v === null || typeof v !== "object" || v instanceof ExactNumber || (Array.isArray(v) && v.length === 0));
  if (pretty && flat && entries.length <= 8) {
    const line = `{ ${parts.join(", ")} }`;
    if (line.length + indent.length <= 100) return line;
  }
  return `{${open}${parts.join(sep)}${pretty ? "," : ""}${close}}`;
}
