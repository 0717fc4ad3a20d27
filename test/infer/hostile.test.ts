/** Sample data we do not control must never break the generated code or the generator. */
import { describe, expect, it } from "vitest";
// inferTypes here renders the graph (see helpers.ts)
import ts from "typescript";
import { jsDoc, stringLiteral } from "../../generator/emit/ts/index.js";
import { inferTypes, interfacesOf, jsonRequest, moduleOf, typecheck } from "./helpers.js";

const HOSTILE_KEYS = [
  "__proto__",
  "constructor",
  "class",
  "",
  "😀",
  "a b",
  "x-rate-limit",
  "*/ export const pwned = 1; /*",
  "\u2028line\u2029separator",
  "back`tick${injection}",
  "</script><script>alert(1)</script>",
  '"; const x = "',
  "\\",
  "new\nline",
  "123",
  "toString",
  "hasOwnProperty",
];

describe("hostile keys and values", () => {
  it("round-trips every key exactly and nothing escapes a literal or a comment", () => {
    const sample: Record<string, unknown> = {};
    for (const key of HOSTILE_KEYS) Object.defineProperty(sample, key, { value: `*/ ${key} /* \u2028`, enumerable: true });
    const text = JSON.stringify(sample);
    const result = inferTypes([jsonRequest("op:response:200", "OpResponse200", [text, text])]);
    const source = moduleOf(result);
    expect(typecheck(source)).toEqual([]);
    // The compiler sees exactly one interface with exactly the sample's keys.
    // (JavaScript objects list integer-like keys first, so the order is the parsed object's.)
    expect(interfacesOf(source)).toEqual(new Map([["OpResponse200", Object.keys(sample)]]));
    expect(source).not.toContain("\u2028");
    expect(source).not.toContain("\u2029");
    const schema = result.declarations[0]!.schema as { properties: object };
    expect(Object.keys(schema.properties)).toEqual(Object.keys(sample));
    expect(Object.getPrototypeOf(schema.properties)).toBe(Object.prototype);
  });

  it("literal types hold any text exactly (stringLiteral) and comments cannot be closed (jsDoc)", () => {
    const evil = ["a*/b", "c`${d}", "</script>", "\u2028\u2029", '"\\', "\u0000", "\ud800"];
    const source = evil.map((text, i) => `${jsDoc([text])}export const v${i} = ${stringLiteral(text)};\n`).join("");
    expect(typecheck(source)).toEqual([]);
    const file = ts.createSourceFile("x.ts", source, ts.ScriptTarget.ES2022, true);
    const values = file.statements.map((statement) => {
      const declaration = (statement as ts.VariableStatement).declarationList.declarations[0]!;
      return (declaration.initializer as ts.StringLiteral).text;
    });
    expect(values).toEqual(evil);
    expect(source).not.toMatch(/[\u2028\u2029]/);
  });

  it("examples in JSDoc are escaped", () => {
    const text = JSON.stringify({ a: "x */ const y = 1; /*", b: "\u2028 */" });
    const source = moduleOf(inferTypes([jsonRequest("op:response:200", "OpResponse200", [text])]));
    expect(typecheck(source)).toEqual([]);
    expect(interfacesOf(source)).toEqual(new Map([["OpResponse200", ["a", "b"]]]));
  });

  it("nested objects under reserved or odd keys get valid, non-reserved names", () => {
    const text = JSON.stringify({ date: { d: 1 }, record: { r: 1 }, promise: { p: 1 }, "": { e: 1 }, "😀": { f: 1 }, "1st": { g: 1 } });
    const result = inferTypes([jsonRequest("op:response:200", "OpResponse200", [text])]);
    const names = result.declarations.map((d) => d.name);
    for (const forbidden of ["Date", "Record", "Promise", "Array"]) expect(names).not.toContain(forbidden);
    expect(names).toEqual(expect.arrayContaining(["OpResponse200Date", "OpResponse200Record", "OpResponse200Promise"]));
    expect(typecheck(moduleOf(result))).toEqual([]);
  });
});

describe("hostile structure", () => {
  it("types 1000 levels of object nesting without overflowing the stack", () => {
    const depth = 1000;
    const text = '{"child":'.repeat(depth) + '{"leaf": 1}' + "}".repeat(depth);
    const result = inferTypes([jsonRequest("op:response:200", "OpResponse200", [text])]);
    expect(result.diagnostics).toEqual([]);
    // Every level is the same property name with a different shape: one named type per level.
    expect(result.declarations).toHaveLength(depth + 1);
    expect(result.declarations.find((d) => d.tsSource.includes("leaf: number;"))).toBeDefined();
  });

  it("types 1000 levels of array nesting", () => {
    const depth = 1000;
    const result = inferTypes([jsonRequest("op:response:200", "OpResponse200", ["[".repeat(depth) + "1" + "]".repeat(depth)])]);
    expect(result.roots["op:response:200"]!.tsType).toBe("number" + "[]".repeat(depth));
  });

  it("degrades to unknown with a warning beyond the depth limit", () => {
    const depth = 3000;
    const result = inferTypes([jsonRequest("op:response:200", "OpResponse200", ["[".repeat(depth) + "1" + "]".repeat(depth)])]);
    expect(result.roots["op:response:200"]!.tsType).toMatch(/^unknown(\[\])+$/);
    expect(result.diagnostics).toHaveLength(1);
    expect(result.diagnostics[0]!.message).toMatch(/deeper than \d+ levels/);
  });

  it("heterogeneous arrays become unions of their element types", () => {
    const result = inferTypes([jsonRequest("op:response:200", "OpResponse200", ['[1, "a", null, true, {"k": 1}, [2]]'])]);
    expect(result.roots["op:response:200"]!.tsType).toBe("(OpResponse200Item | number[] | string | number | boolean | null)[]");
  });

  it("large samples stay fast enough to run on every generate", () => {
    const items = Array.from({ length: 20_000 }, (_, i) => ({ id: i, name: `n${i}`, tags: ["a"], meta: { at: "2024-01-01T00:00:00Z" } }));
    const result = inferTypes([jsonRequest("op:response:200", "OpResponse200", [JSON.stringify(items)])]);
    expect(result.roots["op:response:200"]!.tsType).toBe("OpResponse200Item[]");
  });
});
