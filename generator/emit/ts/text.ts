/**
 * The only ways collection text enters generated code: as a string literal, a property key or
 * a comment. Each is escaped so no input (`*\/`, quotes, backslashes, backticks, `${`, line
 * or paragraph separators, `</script>`) can end the literal or comment it sits in.
 */
import { memoizeText } from "../../base/memoize.js";

const UNSAFE_IN_JSON = /[\u2028\u2029<]/;
const UNSAFE_IN_JSON_ALL = /[\u2028\u2029<]/g;

/** Characters a string literal escapes: quotes, backslashes, controls, surrogates (lone ones), U+2028/2029, `<`. */
const NEEDS_ESCAPE = /["\\\u0000-\u001f\u007f-\u009f\u2028\u2029<\ud800-\udfff]/;

/** A double-quoted TypeScript string literal. JSON escaping plus U+2028/2029 and `<`. */
export function stringLiteral(text: string): string {
  // Most strings are plain: quoted as they are, which is what JSON.stringify would give.
  if (!NEEDS_ESCAPE.test(text)) return `"${text}"`;
  const json = JSON.stringify(text);
  return UNSAFE_IN_JSON.test(json) ? json.replace(UNSAFE_IN_JSON_ALL, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`) : json;
}

/**
 * A property name: bare when it is an identifier name (reserved words are fine there: `default`,
 * `private`), quoted otherwise. Memoized: fixtures repeat the same few hundred keys across
 * thousands of objects.
 */
export const propertyKey = memoizeText((key) => {
  if (key === "__proto__") return `["__proto__"]`;
  return IDENTIFIER_NAME.test(key) || (/^(?:0|[1-9][0-9]*)$/.test(key) && Number(key) < Number.MAX_SAFE_INTEGER) ? key : stringLiteral(key);
});

const IDENTIFIER_NAME = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/**
 * A member name in an interface or type literal. As `propertyKey`, but `__proto__` is an
 * ordinary quoted name there (only an object literal gives it prototype semantics).
 */
export function typeMemberKey(key: string): string {
  return key === "__proto__" ? stringLiteral(key) : propertyKey(key);
}

/** Anything `commentSafe` would change: a line break other than `\n`, `*\/`, a control character, trailing blanks. */
const COMMENT_UNSAFE = /\r|[\u2028\u2029\u0085]|\*\/|[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]|[ \t]$/m;

/** Text made safe for a `/** ... *\/` block: no terminator, one line per line. */
export function commentSafe(text: string): string {
  // Most text needs nothing: one search instead of four replacements.
  if (!COMMENT_UNSAFE.test(text)) return text;
  return text
    .replace(/\r\n?|[\u2028\u2029\u0085]/g, "\n")
    .replace(/\*\//g, "*\\/")
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, "")
    .replace(/[ \t]+$/gm, "");
}

/** A JSDoc block from lines of text (each already free of comment terminators is not assumed). */
export function jsDoc(lines: readonly string[], indent = ""): string {
  const body = commentSafe(lines.join("\n")).replace(/^\n+|\n+$/g, "").split("\n");
  if (body.length === 1 && body[0] === "") return "";
  if (body.length === 1) return `${indent}/** ${body[0]} */\n`;
  return `${indent}/**\n${body.map((l) => (l ? `${indent} * ${l}` : `${indent} *`)).join("\n")}\n${indent} */\n`;
}
