import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ExactNumber } from "../../generator/infer/contract.js";
import { parseJson } from "../../generator/infer/index.js";
import { parseJsonExact } from "../../generator/infer/parse-json.js";
import { FIXTURES } from "../support.js";

function ok(text: string) {
  const result = parseJson(text);
  if (!result.ok) throw new Error(result.message);
  return result.value;
}

describe("parseJson", () => {
  it("parses what JSON.parse parses, to the same values", () => {
    const text = '{"a":[1,-2.5,3e2,true,false,null,"x\\n\\u00e9\\"\\\\\\/"],"b":{},"c":[],"d":{"e":[[]]}}';
    expect(ok(text)).toEqual(JSON.parse(text));
    expect(ok("  42 ")).toBe(42);
    expect(ok('"\\ud83d\\ude00"')).toBe("😀");
  });

  it("keeps integers beyond 2^53 as their digits", () => {
    const value = ok('{"id": 1234567890123456789012, "small": 9007199254740991, "neg": -9007199254740993}') as Record<string, unknown>;
    expect(value.id).toBeInstanceOf(ExactNumber);
    expect((value.id as ExactNumber).raw).toBe("1234567890123456789012");
    expect(value.small).toBe(9007199254740991);
    expect((value.neg as ExactNumber).raw).toBe("-9007199254740993");
  });

  it("keeps numbers a double cannot hold as digits", () => {
    expect((ok("1e400") as ExactNumber).raw).toBe("1e400");
  });

  it("reports the line and column of an error", () => {
    const result = parseJson('{\n  "a": 1,\n  "b": }');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(/line 3 column 8/);
  });

  it.each([
    ["", /end of input/],
    ["{", /property name/],
    ["[1,]", /JSON value/],
    ['{"a":1,}', /property name/],
    ['"abc', /Unterminated string/],
    ['"a\tb"', /Control character/],
    ["01", /after the JSON value/],
    ["{} {}", /after the JSON value/],
    ['"\\x"', /Invalid escape/],
    ["NaN", /JSON value/],
    ["tru", /JSON value/],
  ])("rejects %j", (text, message) => {
    const result = parseJson(text);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(message);
  });

  it("parses 100 000 levels of nesting without overflowing the stack", () => {
    const depth = 100_000;
    let value = ok("[".repeat(depth) + "]".repeat(depth));
    let levels = 0;
    while (Array.isArray(value) && value.length > 0) {
      value = value[0]!;
      levels++;
    }
    expect(levels).toBe(depth - 1);
    expect(ok('{"a":'.repeat(5000) + "1" + "}".repeat(5000))).toBeTypeOf("object");
  });

  it("stores __proto__ as an own property, not as the prototype", () => {
    const value = ok('{"__proto__": {"polluted": true}, "constructor": 1}') as Record<string, unknown>;
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
    expect(Object.keys(value)).toEqual(["__proto__", "constructor"]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("accepts a byte-order mark and keeps the last of duplicate keys", () => {
    expect(ok('\ufeff{"a":1,"a":2}')).toEqual({ a: 2 });
  });
});

describe("parseJson's native fast path", () => {
  /** Every raw body and saved response body of the shared test collections. */
  function sampleTexts(): string[] {
    const texts: string[] = [];
    const walk = (items: unknown[]) => {
      for (const item of items as { item?: unknown[]; request?: { body?: { raw?: unknown } }; response?: { body?: unknown }[] }[]) {
        if (Array.isArray(item.item)) walk(item.item);
        if (typeof item.request?.body?.raw === "string") texts.push(item.request.body.raw);
        for (const response of item.response ?? []) if (typeof response.body === "string") texts.push(response.body);
      }
    };
    for (const file of readdirSync(FIXTURES).filter((f) => f.endsWith(".json"))) walk((JSON.parse(readFileSync(join(FIXTURES, file), "utf8")) as { item: unknown[] }).item);
    return texts;
  }

  it("gives exactly what the exact parser gives on every sample of the test collections", () => {
    const texts = sampleTexts();
    expect(texts.length).toBeGreaterThan(3000);
    for (const text of texts) expect(parseJson(text)).toStrictEqual(parseJsonExact(text));
  });

  it("falls back to exact numbers inside otherwise plain documents", () => {
    const value = ok('{"a":[1,{"b":12345678901234567890}],"c":1e999}') as { a: [number, { b: ExactNumber }]; c: ExactNumber };
    expect(value.a[1].b.raw).toBe("12345678901234567890");
    expect(value.c.raw).toBe("1e999");
  });
});
