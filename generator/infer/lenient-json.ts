/**
 * Second chance for bodies that are not strict JSON but are clearly meant as JSON, as Postman
 * collections often hold: `{{variable}}` placeholders as values, trailing commas, `//` and
 * `/* *\/` comments. Strings are left alone. A placeholder carries no type evidence: it becomes
 * a marker string that `sample-to-shape` skips, so the key counts as present but its type comes
 * from the other samples only.
 */
import { ExactNumber, type JsonValue, type ParseResult } from "./contract.js";
import { parseJson } from "./parse-json.js";

/** The marker a `{{var}}` placeholder becomes; NUL cannot appear unescaped in JSON text. */
export const PLACEHOLDER_PREFIX = "\u0000pmgen-placeholder:";

export interface LenientResult {
  parse: ParseResult;
  /** What was repaired, for the warning ("trailing comma", "comment"); placeholders are not listed. */
  repairs: string[];
  placeholders: boolean;
}

export function isPlaceholder(value: string): boolean {
  return value.startsWith(PLACEHOLDER_PREFIX);
}

export function parseLenient(text: string): LenientResult {
  let out = "";
  const repairs = new Set<string>();
  let placeholders = false;
  let i = 0;
  while (i < text.length) {
    const ch = text[i]!;
    if (ch === '"') {
      // Copy a string literal verbatim, escapes included.
      let j = i + 1;
      while (j < text.length && text[j] !== '"') j += text[j] === "\\" ? 2 : 1;
      out += text.slice(i, j + 1);
      i = j + 1;
    } else if (ch === "/" && text[i + 1] === "/") {
      const end = text.indexOf("\n", i);
      i = end === -1 ? text.length : end;
      repairs.add("comment");
    } else if (ch === "/" && text[i + 1] === "*") {
      const end = text.indexOf("*/", i + 2);
      i = end === -1 ? text.length : end + 2;
      repairs.add("comment");
    } else if (ch === "{" && text[i + 1] === "{") {
      const end = text.indexOf("}}", i + 2);
      if (end === -1) {
        out += ch;
        i++;
        continue;
      }
      out += JSON.stringify(PLACEHOLDER_PREFIX + text.slice(i + 2, end));
      placeholders = true;
      i = end + 2;
    } else if (ch === ",") {
      let j = i + 1;
      while (j < text.length && /\s/.test(text[j]!)) j++;
      if (text[j] === "}" || text[j] === "]") repairs.add("trailing comma");
      else out += ch;
      i++;
    } else {
      out += ch;
      i++;
    }
  }
  return { parse: parseJson(out), repairs: [...repairs].sort(), placeholders };
}

/** Whether a parsed value holds a placeholder anywhere (iteratively: values may be deep). */
export function containsPlaceholder(value: JsonValue): boolean {
  const stack: JsonValue[] = [value];
  while (stack.length > 0) {
    const next = stack.pop()!;
    if (typeof next === "string") {
      if (isPlaceholder(next)) return true;
    } else if (Array.isArray(next)) {
      for (const item of next) stack.push(item);
    } else if (next !== null && typeof next === "object" && !(next instanceof ExactNumber)) {
      for (const key of Object.keys(next)) stack.push((next as { [key: string]: JsonValue })[key]!);
    }
  }
  return false;
}
