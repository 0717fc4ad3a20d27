/**
 * Every shared collection (copied into test/fixtures/collections) generates without error, and
 * all of the output compiles with `tsc --noEmit` under `strict`.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { inferCollection, outputFiles, runPipeline } from "../../generator/pipeline.js";
import { render, type Rendered } from "../infer/helpers.js";
import { FIXTURES, OCI_FOLDER, ROOT, tempDir } from "../support.js";

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

describe("response header values", () => {
  it("left untyped by generate, change no other type or name (they stay reserved)", () => {
    for (const { ir, types } of runPipeline({ inputs: [FIXTURES, OCI_FOLDER], cwd: ROOT })) {
      const all = render(inferCollection(ir));
      const inferred = render(types);
      const headerKey = (key: string) => /:response:\d+:header:/.test(key);
      expect(Object.keys(all.roots).some(headerKey), ir.title).toBe(ir.operations.some((op) => op.responses.some((r) => r.headers.length > 0)));
      expect(Object.keys(inferred.roots).some(headerKey), ir.title).toBe(false);
      const plain = (result: Rendered, keep: (key: string) => boolean) => ({
        declarations: result.declarations.map(({ name, tsSource, refs }) => ({ name, tsSource, refs })),
        roots: Object.entries(result.roots).filter(([key]) => keep(key)).map(([key, root]) => [key, root.tsType, root.refs]),
      });
      expect(plain(inferred, () => true)).toEqual(plain(all, (key) => !headerKey(key)));
    }
  });
});

/** The code without comments and string literals, where the word `any` could legitimately appear. */
function stripComments(code: string): string {
  return code
    .replace(/"(?:[^"\\\n]|\\.)*"/g, '""')
    .replace(/\/\*[\s\S]*?\*\//g, "")
    .replace(/\/\/.*$/gm, "");
}
