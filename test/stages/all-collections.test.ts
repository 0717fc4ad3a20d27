/**
 * Every collection of the corpus generates, and all of the output compiles with `tsc --noEmit`
 * under `strict` with `forceConsistentCasingInFileNames` (no two emitted paths may differ only in
 * letter case), with no `any`: the test collections, the permissively licensed corpus copies in
 * test/fixtures/corpus, and the rest of ../shared/collections when it is present.
 */
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, writeFileSync } from "node:fs";
import { GENERATED_CLIENT_TSCONFIG, writeFiles } from "../ci/ts-check.js";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { inferCollection, outputFiles, runPipeline } from "../../generator/pipeline.js";
import { render, type Rendered } from "../infer/helpers.js";
import { CORPUS, FIXTURES, OCI_FOLDER, ROOT, SHARED_EXTRAS, tempDir } from "../support.js";

const out = tempDir("all");
afterAll(() => out.remove());

/** The shared corpus's collections that are not already among the copies. */
function sharedOnly(): string[] {
  if (!existsSync(SHARED_EXTRAS)) return [];
  const copied = new Set([...readdirSync(FIXTURES), ...readdirSync(CORPUS)]);
  return readdirSync(SHARED_EXTRAS)
    .filter((name) => name.endsWith(".postman_collection.json") && !copied.has(name))
    .map((name) => join(SHARED_EXTRAS, name));
}

describe("every corpus collection", () => {
  const collections = runPipeline({ inputs: [FIXTURES, CORPUS, OCI_FOLDER, ...sharedOnly()], cwd: ROOT });

  it("generates, each with operations and no `any`", () => {
    expect(collections.length).toBeGreaterThanOrEqual(32);
    for (const c of collections) {
      expect(c.ir.operations.length, c.source.name).toBeGreaterThan(0);
      for (const [path, content] of c.files) {
        if (!path.startsWith("runtime/")) expect(/\bany\b/.test(stripComments(content)), `${c.source.name}/${path}`).toBe(false);
      }
    }
  });

  it("writes no two paths that differ only in letter case", () => {
    const seen = new Map<string, string>();
    for (const path of outputFiles(collections).keys()) {
      const other = seen.get(path.toLowerCase());
      expect(other, `${path} and ${other}`).toBeUndefined();
      seen.set(path.toLowerCase(), path);
    }
  });

  it("compiles under strict", () => {
    writeFiles(outputFiles(collections), out.path);
    writeFileSync(join(out.path, "tsconfig.json"), JSON.stringify({ compilerOptions: GENERATED_CLIENT_TSCONFIG, include: ["**/*.ts"] }));
    let output = "";
    try {
      execFileSync(process.execPath, ["--max-old-space-size=4096", join(ROOT, "node_modules/typescript/bin/tsc"), "-p", out.path], { encoding: "utf8", maxBuffer: 64 << 20 });
    } catch (error) {
      output = String((error as { stdout?: string }).stdout ?? error);
    }
    expect(output.split("\n").slice(0, 20).join("\n")).toBe("");
  }, 400_000);
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
