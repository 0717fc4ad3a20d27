/**
 * The one TypeScript printer: type expressions print with the language's precedence wherever
 * they are combined, and generated code built from them compiles (a fixture list of a union
 * type is `satisfies (A | B)[]`).
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { arrayOf, declaredNames, declaredRef, indexed, keyword, literal, objectType, printType, ref, unionOf } from "../../generator/emit/ts/index.js";
import { runPipeline } from "../../generator/pipeline.js";
import { typeErrors, writeFiles } from "../ci/ts-check.js";
import { tempDir } from "../support.js";

const dir = tempDir("printer");
afterAll(() => dir.remove());

describe("printType", () => {
  const a = declaredRef("A");
  const b = declaredRef("B");

  it("parenthesizes a union under an array or an indexed access, and nothing else", () => {
    expect(printType(arrayOf(unionOf([a, b])))).toBe("(A | B)[]");
    expect(printType(arrayOf(arrayOf(unionOf([a, keyword("null")]))))).toBe("(A | null)[][]");
    expect(printType(arrayOf(unionOf([arrayOf(unionOf([a, b])), literal("x")])))).toBe('((A | B)[] | "x")[]');
    expect(printType(indexed(unionOf([a, b]), "body"))).toBe('(A | B)["body"]');
    expect(printType(arrayOf(a))).toBe("A[]");
    expect(printType(ref("Record", keyword("string"), unionOf([a, b])))).toBe("Record<string, A | B>");
    expect(printType(objectType([{ key: "x", type: unionOf([a, b]), optional: true }]))).toBe("{ x?: A | B }");
  });

  it("flattens unions, drops repeats, and gives `never` for none", () => {
    expect(printType(unionOf([a, unionOf([b, a]), keyword("null")]))).toBe("A | B | null");
    expect(printType(unionOf([]))).toBe("never");
    expect(unionOf([a])).toBe(a);
  });

  it("lists the collection's own types a type mentions", () => {
    expect([...declaredNames(arrayOf(unionOf([a, ref("Record", keyword("string"), b), ref("Blob")])))]).toEqual(["A", "B"]);
  });

  it("quotes keys and escapes literals", () => {
    expect(printType(objectType([{ key: "content-type", type: literal('a"b') }]))).toBe('{ "content-type": "a\\"b" }');
  });
});

describe("generated code combining types", () => {
  it("compiles where a list of samples has a union type", () => {
    const file = join(dir.path, "tokens.postman_collection.json");
    const token = (body: object) => ({ mode: "raw", raw: JSON.stringify(body), options: { raw: { language: "json" } } });
    writeFileSync(
      file,
      JSON.stringify({
        info: { name: "Tokens" },
        item: [
          {
            name: "Generate tokens",
            request: { method: "POST", url: "https://api.example.com/oauth2/tokens", body: token({ type: "authorization_code", code: "abc" }) },
            response: [
              { name: "refresh", code: 200, originalRequest: { method: "POST", url: "https://api.example.com/oauth2/tokens", body: token({ type: "refresh_token", refresh_token: "r" }) }, header: [{ key: "Content-Type", value: "application/json" }], body: '{"access_token": "x"}' },
            ],
          },
        ],
      }),
    );
    const [result] = runPipeline({ inputs: [file], cwd: dir.path });
    const fixtures = result!.files.get("fixtures/generateTokens.ts")!;
    expect(fixtures).toMatch(/\] satisfies \([A-Za-z]+ \| [A-Za-z]+\)\[\];/);
    expect(typeErrors(writeFiles(result!.files, join(dir.path, "out")))).toEqual([]);
  });
});
