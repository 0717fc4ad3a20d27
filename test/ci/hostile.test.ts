/**
 * Hostile input, safe output: collection text that tries to end a comment, string or template
 * (`*\/`, backticks, `${`, quotes, backslashes, newlines, U+2028/U+2029, `</script>`), very long
 * text, reserved words and prototype keys. Every generated file must parse, declare exactly
 * what the IR calls for at its top level, and compile under strict.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runGenerate } from "../../generator/cli/commands.js";
import { runPipeline, type GeneratedCollection } from "../../generator/pipeline.js";
import { bufferedIo, readTree, removeDir, tempDir } from "./helpers.js";
import { tsFiles, typeErrors } from "./ts-check.js";
import { verifyDeclarations } from "../../generator/emit/verify.js";

const EVIL = [
  "*/ alert(1) /*",
  "`${process.exit(1)}`",
  "${globalThis}",
  "\"'); throw 1; //",
  "back\\slash\\",
  "line\nbreak\r\nand\rcr",
  "sep\u2028para\u2029end",
  "</script><script>alert(1)</script>",
  "__proto__",
  "constructor",
  "delete",
  "class",
  "default",
  "prototype",
];
const LONG = `${"very long text */ ".repeat(400)}end`;

function evilObject(depth = 0): Record<string, unknown> {
  const obj: Record<string, unknown> = {};
  EVIL.forEach((k, i) => {
    obj[k] = depth < 1 && i % 3 === 0 ? evilObject(depth + 1) : EVIL[(i + 3) % EVIL.length];
  });
  obj.long = LONG;
  obj.list = [EVIL[0], 1, null, { [EVIL[1]!]: EVIL[2] }];
  return obj;
}

function hostileCollection() {
  const body = JSON.stringify(evilObject()).replace('"__proto__":', '"__proto__" :');
  const item = (name: string, i: number) => ({
    name,
    request: {
      method: i % 2 ? "POST" : "GET",
      description: `${EVIL.join(" ")} ${LONG}`,
      header: EVIL.map((e, j) => ({ key: `X-${j}-${e}`.replace(/[^\x21-\x7e]/g, "_"), value: e, description: e })),
      body: i % 2 ? { mode: "raw", raw: body, options: { raw: { language: "json" } } } : undefined,
      url: {
        raw: `{{baseUrl}}/things/:${i === 0 ? "__proto__" : "constructor"}?${EVIL.map((e, j) => `q${j}=${encodeURIComponent(e)}`).join("&")}`,
        host: ["{{baseUrl}}"],
        path: ["things", `:${i === 0 ? "__proto__" : "constructor"}`],
        query: EVIL.map((e) => ({ key: e, value: e, description: e })),
        variable: [{ key: i === 0 ? "__proto__" : "constructor", value: EVIL[1], description: EVIL[0] }],
      },
    },
    response: [
      { name: `${name} ok`, code: 200, header: [{ key: "Content-Type", value: "application/json" }, { key: "X-Evil", value: EVIL[7] }], body },
      { name: EVIL[5], code: 400, header: [{ key: "Content-Type", value: "text/plain" }], body: EVIL.join("\n") },
    ],
  });
  return {
    info: { name: EVIL.join(" "), description: LONG, schema: "https://schema.getpostman.com/json/collection/v2.1.0/collection.json" },
    variable: [
      { key: "baseUrl", value: "https://example.com" },
      ...EVIL.map((e) => ({ key: e, value: e, description: e })),
    ],
    item: [
      { name: EVIL[0], description: EVIL[1], item: EVIL.map((e, i) => item(e, i)) },
      { name: "constructor", item: [item("__proto__", 2), item(LONG, 3), item("toString", 4), item("hasOwnProperty", 5)] },
    ],
  };
}

describe("hostile collection", () => {
  let dir: string;
  let generated: GeneratedCollection;
  let files: Map<string, string>;

  beforeAll(() => {
    dir = tempDir("hostile");
    writeFileSync(join(dir, "hostile.json"), JSON.stringify(hostileCollection()));
    [generated] = runPipeline({ inputs: ["hostile.json"], cwd: dir }) as [GeneratedCollection];
    const io = bufferedIo();
    expect(runGenerate({ cwd: dir, inputs: ["hostile.json"], out: "out", io, quiet: true })).toBe(0);
    files = readTree(join(dir, "out/hostile"));
  }, 120_000);
  afterAll(() => removeDir(dir));

  it("generates what the pipeline produced, one module pair per request", () => {
    expect(generated.ir.operations.length).toBe(EVIL.length + 4);
    for (const [path, content] of generated.files) expect(files.get(path), path).toBe(content);
  });

  it("every file declares exactly the names the IR calls for, and nothing else", () => {
    expect(verifyDeclarations(generated.files, generated.ir, generated.types)).toEqual([]);
  });

  it("no line or paragraph separator reaches the output, ", () => {
    for (const [path, content] of files) {
      if (path.startsWith("runtime/")) continue;
      expect(/[\u2028\u2029]/.test(content), path).toBe(false);
    }
  });

  it("compiles under strict", () => {
    expect(typeErrors(tsFiles(join(dir, "out/hostile")))).toEqual([]);
  }, 120_000);
});
