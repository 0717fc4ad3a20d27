/**
 * Every shared collection (copied into test/fixtures/collections) generates without error, and
 * all of the output compiles with `tsc --noEmit` under `strict`.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { outputFiles, runPipeline } from "../../generator/pipeline.js";
import { FIXTURES, ROOT, tempDir } from "../support.js";

const out = tempDir("all");
afterAll(() => out.remove());

describe("every shared collection", () => {
  const collections = runPipeline({ inputs: [FIXTURES], cwd: ROOT });

  it("generates, each with operations and no `any`", () => {
    expect(collections.map((c) => c.source.name)).toHaveLength(12);
    for (const c of collections) {
      expect(c.ir.operations.length, c.source.name).toBeGreaterThan(0);
      for (const [path, content] of c.files) {
        if (!path.startsWith("runtime/")) expect(/\bany\b/.test(stripComments(content)), `${c.source.name}/${path}`).toBe(false);
      }
    }
  });

  it("compiles under strict", () => {
    for (const [path, content] of outputFiles(collections)) {
      const target = join(out.path, path);
      mkdirSync(join(target, ".."), { recursive: true });
      writeFileSync(target, content);
    }
    writeFileSync(
      join(out.path, "tsconfig.json"),
      JSON.stringify({
        compilerOptions: {
          target: "ES2022",
          module: "NodeNext",
          moduleResolution: "NodeNext",
          lib: ["ES2022", "DOM", "DOM.Iterable"],
          types: [],
          strict: true,
          noEmit: true,
          skipLibCheck: true,
          verbatimModuleSyntax: true,
          isolatedModules: true,
        },
        include: ["**/*.ts"],
      }),
    );
    let output = "";
    try {
      execFileSync(process.execPath, [join(ROOT, "node_modules/typescript/bin/tsc"), "-p", out.path], { encoding: "utf8", maxBuffer: 64 << 20 });
    } catch (error) {
      output = String((error as { stdout?: string }).stdout ?? error);
    }
    expect(output.split("\n").slice(0, 20).join("\n")).toBe("");
  }, 240_000);
});

/** The code without comments and string literals, where the word `any` could legitimately appear. */
function stripComments(code: string): string {
  return code
    .replace(/"(?:[^"\\\n]|\\.)*"/g, '""')
    .replace(/\/\*[\s\S]*?\*\//g, "")
    .replace(/\/\/.*$/gm, "");
}
