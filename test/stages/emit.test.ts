/** Emit details: fixtures keep exact numbers and hostile keys; bad bodies fall back soundly. */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runPipeline } from "../../generator/pipeline.js";
import { tsLiteral } from "../../generator/emit/ts/values.js";
import { commentSafe, jsDoc, propertyKey, stringLiteral, typeMemberKey } from "../../generator/emit/ts/text.js";
import { ExactNumber } from "../../generator/infer/contract.js";
import { tempDir } from "../support.js";
import { typeErrors, writeFiles } from "../ci/ts-check.js";

const dir = tempDir("emit");
afterAll(() => dir.remove());

describe("ts-text", () => {
  it("keeps collection text inside string literals", () => {
    const nasty = 'a"b\\c`${d}\n\u2028\u2029</script>';
    const literal = stringLiteral(nasty);
    expect(literal).toBe('"a\\"b\\\\c`${d}\\n\\u2028\\u2029\\u003c/script>"');
    expect(Function(`return ${literal}`)()).toBe(nasty);
  });

  it("quotes every character so the literal reads back as the text, with no raw line separator or `<`", () => {
    for (let code = 0; code <= 0xffff; code++) {
      const text = `a${String.fromCharCode(code)}b`;
      const literal = stringLiteral(text);
      if (JSON.parse(literal) !== text || /[\u2028\u2029<]/.test(literal)) throw new Error(`U+${code.toString(16)}: ${literal}`);
    }
    expect(stringLiteral("plain text")).toBe('"plain text"');
    expect(stringLiteral("\ud83d\ude00 \ud83d")).toBe('"\ud83d\ude00 \\ud83d"');
  });

  it("keeps collection text inside comments", () => {
    for (const unsafe of ["a\r\nb", "a\u0085b", "a */ b", "a\u0007b", "a \nb", "a\t"]) expect(commentSafe(unsafe)).not.toBe(unsafe);
    expect(commentSafe("a\r\nb\u2029c \t\nd\u0001")).toBe("a\nb\nc\nd");
    expect(commentSafe("nothing to change here")).toBe("nothing to change here");
    expect(commentSafe("end */ here\u2028next")).toBe("end *\\/ here\nnext");
    expect(jsDoc(["a */ b"])).toBe("/** a *\\/ b */\n");
  });

  it("quotes keys that are not identifier names and never writes a bare __proto__", () => {
    expect(propertyKey("id")).toBe("id");
    expect(propertyKey("content-type")).toBe('"content-type"');
    // Reserved words are identifier names: valid bare keys in object literals and types.
    expect(propertyKey("class")).toBe("class");
    expect(propertyKey("__proto__")).toBe('["__proto__"]');
    expect(typeMemberKey("__proto__")).toBe('"__proto__"');
    const value = Function(`return ${tsLiteral(JSON.parse('{"__proto__": {"polluted": true}}'))}`)();
    expect(Object.keys(value)).toEqual(["__proto__"]);
    expect(({} as { polluted?: boolean }).polluted).toBeUndefined();
  });

  it("writes numbers beyond 2^53 with their exact digits", () => {
    expect(tsLiteral({ id: new ExactNumber("12345678901234567890") })).toBe("{ id: 12345678901234567890 }");
  });
});

describe("generated fixtures and fallbacks", () => {
  const file = join(dir.path, "odd.postman_collection.json");
  writeFileSync(
    file,
    JSON.stringify({
      info: { name: "Odd", schema: "https://schema.getpostman.com/json/collection/v2.1.0/collection.json" },
      item: [
        {
          name: "Get big",
          request: { method: "GET", url: "https://api.example.com/big" },
          response: [
            { name: "OK", code: 200, header: [{ key: "Content-Type", value: "application/json" }], body: '{"id": 12345678901234567890, "__proto__": {"x": 1}, "class": "a"}' },
            { name: "Broken", code: 500, header: [{ key: "Content-Type", value: "application/json" }], body: "{ not json" },
          ],
        },
      ],
    }),
  );
  const [result] = runPipeline({ inputs: [file], cwd: dir.path });
  const fixtures = result!.files.get("fixtures/getBig.ts")!;

  it("keeps big integers exact in fixtures and warns", () => {
    expect(fixtures).toContain("id: 12345678901234567890,");
    expect(result!.diagnostics.some((d) => /2\^53/.test(d.message))).toBe(true);
  });

  it("types a body that is not JSON soundly and warns naming the item", () => {
    const warning = result!.diagnostics.find((d) => /JSON/.test(d.message) && d.source.itemPath === "Get big");
    expect(warning?.source.file).toBe("odd.postman_collection.json");
    expect(result!.files.get("operations/getBig.ts")).toMatch(/ApiResponse<500, string,/);
    expect(fixtures).toContain('body: "{ not json"');
  });

  it("compiles under strict", () => {
    expect(typeErrors(writeFiles(result!.files, join(dir.path, "out")))).toEqual([]);
  });
});

describe("what a client carries", () => {
  const root = new URL("../..", import.meta.url).pathname;
  const [oci, echo] = runPipeline({ inputs: ["collections/oci-core-services", "test/fixtures/collections/postman-echo.postman_collection.json"], cwd: root });
  const runtimeOf = (files: Map<string, string>) => [...files.keys()].filter((path) => path.startsWith("runtime/")).sort();

  it("holds only the runtime modules its collection needs: an OCI client has no OAuth 1, SigV4, digest, basic or bearer code", () => {
    const modules = runtimeOf(oci!.files);
    expect(modules.filter((path) => path.startsWith("runtime/auth/"))).toEqual([
      "runtime/auth/credentials.ts",
      "runtime/auth/custom.ts",
      "runtime/auth/index.ts",
      "runtime/auth/oci-key.ts",
      "runtime/auth/oci.ts",
      "runtime/auth/scheme.ts",
    ]);
    expect(modules).not.toContain("runtime/auth/form.ts");
    expect(oci!.files.get("index.ts")).toContain('import { ociAuth as ociAuthScheme } from "./runtime/auth/oci.js";');
    // postman-echo uses basic, digest, OAuth 1 and hawk (left to `sign`): their schemes, and digest's MD5.
    const echoModules = runtimeOf(echo!.files);
    for (const module of ["auth/basic.ts", "auth/digest.ts", "auth/oauth1.ts", "crypto/md5.ts"]) expect(echoModules).toContain(`runtime/${module}`);
    expect(echoModules).not.toContain("runtime/auth/oci.ts");
  });

  it("returns each operation's result type without a cast", () => {
    for (const [path, content] of [...oci!.files, ...echo!.files]) {
      if (!path.startsWith("operations/")) continue;
      expect(content, path).toMatch(/return client\.send<\w+Result>\(\w+Spec, params, options\);/);
      expect(content, path).not.toMatch(/\bas Promise</);
    }
  });
});
