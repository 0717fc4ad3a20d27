/** JSON values (with exact big numbers) as TypeScript literals for fixtures and examples. */
import { ExactNumber, type JsonValue } from "../../infer/contract.js";
import { propertyKey, stringLiteral } from "./text.js";

/** Deeper than this, values are written on one line so output size stays linear in nesting. */
const MAX_PRETTY_DEPTH = 24;

export function tsLiteral(value: JsonValue, indent = "", depth = 0): string {
  const out: string[] = [];
  writeLiteral(value, indent, depth, out);
  return out.join("");
}

/** Appends the literal to `out`: fixtures are megabytes of literals, built without a string per level. */
function writeLiteral(value: JsonValue, indent: string, depth: number, out: string[]): void {
  if (value === null || typeof value !== "object" || value instanceof ExactNumber) {
    out.push(flatLiteral(value));
    return;
  }
  const pretty = depth < MAX_PRETTY_DEPTH;
  const inner = pretty ? `${indent}  ` : "";
  const open = pretty ? `\n${inner}` : "";
  const close = pretty ? `\n${indent}` : "";
  const sep = pretty ? `,\n${inner}` : ", ";
  if (Array.isArray(value)) {
    if (value.length === 0) {
      out.push("[]");
      return;
    }
    out.push("[", open);
    for (let i = 0; i < value.length; i++) {
      if (i > 0) out.push(sep);
      writeLiteral(value[i]!, inner, depth + 1, out);
    }
    out.push(pretty ? "," : "", close, "]");
    return;
  }
  const keys = Object.keys(value);
  if (keys.length === 0) {
    out.push("{}");
    return;
  }
  // Small flat records (a header spec, a query param) read best on one line.
  if (pretty && keys.length <= 8 && keys.every((key) => isFlat(value[key]!))) {
    let line = "{ ";
    for (let i = 0; i < keys.length; i++) line += `${i > 0 ? ", " : ""}${propertyKey(keys[i]!)}: ${flatLiteral(value[keys[i]!]!)}`;
    line += " }";
    if (line.length + indent.length <= 100) {
      out.push(line);
      return;
    }
  }
  out.push("{", open);
  for (let i = 0; i < keys.length; i++) {
    if (i > 0) out.push(sep);
    out.push(propertyKey(keys[i]!), ": ");
    writeLiteral(value[keys[i]!]!, inner, depth + 1, out);
  }
  out.push(pretty ? "," : "", close, "}");
}

/** The literal of a value `isFlat` accepts, as `writeLiteral` writes it. */
function flatLiteral(value: JsonValue): string {
  if (value === null) return "null";
  if (value instanceof ExactNumber) return value.raw;
  switch (typeof value) {
    case "string":
      return stringLiteral(value);
    case "number":
      return Object.is(value, -0) ? "-0" : String(value);
    case "boolean":
      return String(value);
    default:
      // The one object `isFlat` accepts.
      if (Array.isArray(value) && value.length === 0) return "[]";
      throw new Error("flatLiteral: not a flat value");
  }
}

/** A value written on one line whatever its depth: a scalar or an empty array. */
function isFlat(value: JsonValue): boolean {
  return value === null || typeof value !== "object" || value instanceof ExactNumber || (Array.isArray(value) && value.length === 0);
}
