/**
 * pmgen's own JSON parser.
 *
 * Why not `JSON.parse`: it rounds integers beyond 2^53 (ids in Twitter/GitHub payloads) and its
 * error messages do not always say where the problem is. This parser keeps such numbers as
 * `ExactNumber` digits and reports `line:column`. It is iterative (an explicit stack of open
 * containers), so 100 000 levels of nesting cannot overflow the call stack.
 */
import { ExactNumber, type JsonValue, type ParseResult } from "./contract.js";

class JsonSyntaxError extends Error {}

type Frame =
  | { kind: "array"; value: JsonValue[] }
  | { kind: "object"; value: { [key: string]: JsonValue }; key: string };

const NUMBER = /-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/y;
const INTEGER_TEXT = /^-?[0-9]+$/;

/** A number the native parser has rounded: an integer beyond 2^53 or an overflow to Infinity. */
function isRounded(value: number): boolean {
  return !Number.isSafeInteger(value) && (Number.isInteger(value) || !Number.isFinite(value));
}

/**
 * Whether a parsed value holds a rounded number. A walk over the result (iterative: the native
 * parser accepts deeper nesting than a recursive walk could follow) is about 3x faster than
 * asking the same of a reviver, which takes the native parser off its fast path.
 */
function holdsRoundedNumber(root: unknown): boolean {
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const value = stack.pop();
    if (typeof value === "number") {
      if (isRounded(value)) return true;
    } else if (Array.isArray(value)) {
      for (const item of value) stack.push(item);
    } else if (value !== null && typeof value === "object") {
      for (const key in value) stack.push((value as Record<string, unknown>)[key]);
    }
  }
  return false;
}

export function parseJson(text: string): ParseResult {
  // Most samples hold no number a double cannot represent: the native parser reads them about
  // 3x faster with the same result (own `__proto__` keys, last duplicate wins). A sample with
  // such a number, or with an error, takes this parser for its exact numbers and its messages.
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  try {
    const value = JSON.parse(body) as JsonValue;
    if (!holdsRoundedNumber(value)) return { ok: true, value };
  } catch {
    // fall through to the parser that explains the error (or survives the nesting)
  }
  return parseJsonExact(text);
}

/** The exact parser alone (what `parseJson` falls back to). */
export function parseJsonExact(text: string): ParseResult {
  try {
    return { ok: true, value: new Parser(text).parse() };
  } catch (error) {
    if (error instanceof JsonSyntaxError) return { ok: false, message: error.message };
    throw error;
  }
}

/** Sets a property even when the key is `__proto__` (plain assignment would change the prototype). */
export function setOwn(target: { [key: string]: JsonValue }, key: string, value: JsonValue): void {
  if (key === "__proto__") {
    Object.defineProperty(target, key, { value, writable: true, enumerable: true, configurable: true });
  } else {
    target[key] = value;
  }
}

class Parser {
  private pos = 0;

  constructor(private readonly text: string) {
    // A byte-order mark is not JSON, but editors add it and it carries no meaning.
    if (text.charCodeAt(0) === 0xfeff) this.pos = 1;
  }

  parse(): JsonValue {
    const stack: Frame[] = [];
    this.skipWhitespace();
    for (;;) {
      // Read one value; containers that are not empty push a frame and loop to read their first member.
      let value: JsonValue;
      const code = this.text.charCodeAt(this.pos);
      if (code === 0x7b /* { */) {
        this.pos++;
        this.skipWhitespace();
        if (this.text.charCodeAt(this.pos) === 0x7d /* } */) {
          this.pos++;
          value = {};
        } else {
          stack.push({ kind: "object", value: {}, key: this.readKey() });
          continue;
        }
      } else if (code === 0x5b /* [ */) {
        this.pos++;
        this.skipWhitespace();
        if (this.text.charCodeAt(this.pos) === 0x5d /* ] */) {
          this.pos++;
          value = [];
        } else {
          stack.push({ kind: "array", value: [] });
          continue;
        }
      } else {
        value = this.readScalar();
      }

      // Attach the finished value to its container; close containers as long as they end here.
      for (;;) {
        const top = stack[stack.length - 1];
        if (top === undefined) {
          this.skipWhitespace();
          if (this.pos < this.text.length) this.fail("Unexpected text after the JSON value");
          return value;
        }
        if (top.kind === "array") top.value.push(value);
        else setOwn(top.value, top.key, value);
        this.skipWhitespace();
        const next = this.text.charCodeAt(this.pos);
        if (next === 0x2c /* , */) {
          this.pos++;
          this.skipWhitespace();
          if (top.kind === "object") top.key = this.readKey();
          break;
        }
        if ((top.kind === "array" && next === 0x5d) || (top.kind === "object" && next === 0x7d)) {
          this.pos++;
          stack.pop();
          value = top.value;
          continue;
        }
        this.fail(top.kind === "array" ? "Expected ',' or ']'" : "Expected ',' or '}'");
      }
      this.skipWhitespace();
    }
  }

  /** Reads `"key" :` and leaves the position at the start of the member's value. */
  private readKey(): string {
    if (this.text.charCodeAt(this.pos) !== 0x22) this.fail("Expected a double-quoted property name");
    const key = this.readString();
    this.skipWhitespace();
    if (this.text.charCodeAt(this.pos) !== 0x3a /* : */) this.fail("Expected ':' after a property name");
    this.pos++;
    this.skipWhitespace();
    return key;
  }

  private readScalar(): JsonValue {
    const code = this.text.charCodeAt(this.pos);
    if (code === 0x22) return this.readString();
    if (code === 0x2d || (code >= 0x30 && code <= 0x39)) return this.readNumber();
    if (this.text.startsWith("true", this.pos)) {
      this.pos += 4;
      return true;
    }
    if (this.text.startsWith("false", this.pos)) {
      this.pos += 5;
      return false;
    }
    if (this.text.startsWith("null", this.pos)) {
      this.pos += 4;
      return null;
    }
    this.fail(this.pos >= this.text.length ? "Unexpected end of JSON input" : "Expected a JSON value");
  }

  private readNumber(): JsonValue {
    NUMBER.lastIndex = this.pos;
    const match = NUMBER.exec(this.text);
    if (match === null) this.fail("Invalid number");
    const raw = match[0];
    this.pos += raw.length;
    const value = Number(raw);
    // Keep the digits when a double cannot represent the number exactly.
    if (!Number.isFinite(value)) return new ExactNumber(raw);
    if (INTEGER_TEXT.test(raw) && !Number.isSafeInteger(value)) return new ExactNumber(raw);
    return value;
  }

  private readString(): string {
    const text = this.text;
    let pos = this.pos + 1;
    let chunkStart = pos;
    let out = "";
    for (;;) {
      if (pos >= text.length) {
        this.pos = pos;
        this.fail("Unterminated string");
      }
      const code = text.charCodeAt(pos);
      if (code === 0x22) {
        out += text.slice(chunkStart, pos);
        this.pos = pos + 1;
        return out;
      }
      if (code < 0x20) {
        this.pos = pos;
        this.fail("Control character in string (escape it as \\u00XX)");
      }
      if (code !== 0x5c) {
        pos++;
        continue;
      }
      out += text.slice(chunkStart, pos);
      const escape = text[pos + 1];
      switch (escape) {
        case '"':
          out += '"';
          break;
        case "\\":
          out += "\\";
          break;
        case "/":
          out += "/";
          break;
        case "b":
          out += "\b";
          break;
        case "f":
          out += "\f";
          break;
        case "n":
          out += "\n";
          break;
        case "r":
          out += "\r";
          break;
        case "t":
          out += "\t";
          break;
        case "u": {
          const hex = text.slice(pos + 2, pos + 6);
          if (!/^[0-9a-fA-F]{4}$/.test(hex)) {
            this.pos = pos;
            this.fail("Invalid \\u escape");
          }
          out += String.fromCharCode(parseInt(hex, 16));
          pos += 4;
          break;
        }
        default:
          this.pos = pos;
          this.fail("Invalid escape in string");
      }
      pos += 2;
      chunkStart = pos;
    }
  }

  private skipWhitespace(): void {
    const text = this.text;
    let pos = this.pos;
    for (;;) {
      const code = text.charCodeAt(pos);
      if (code === 0x20 || code === 0x0a || code === 0x0d || code === 0x09) pos++;
      else break;
    }
    this.pos = pos;
  }

  private fail(what: string): never {
    let line = 1;
    let lineStart = 0;
    for (let i = 0; i < this.pos && i < this.text.length; i++) {
      if (this.text.charCodeAt(i) === 0x0a) {
        line++;
        lineStart = i + 1;
      }
    }
    const column = this.pos - lineStart + 1;
    const found =
      this.pos >= this.text.length ? "end of input" : `${JSON.stringify(this.text.slice(this.pos, this.pos + 12))}`;
    throw new JsonSyntaxError(`${what} at line ${line} column ${column} (offset ${this.pos}), found ${found}`);
  }
}
