/** The bundling step (generator/cli/bundle.ts): its plugins change when work happens, never results. */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { build } from "esbuild";
import { afterAll, describe, expect, it } from "vitest";
import stringWidth from "string-width";
import { lazyStringWidth, lazyYargsShim } from "../../generator/cli/bundle.js";
import { ROOT, tempDir } from "../support.js";

const work = tempDir("bundle");
afterAll(() => work.remove());

const SAMPLES = ["", "pmgen generate", "\u001b[31mred\u001b[39m", "日本語のテキスト", "👩‍👩‍👧‍👦 family", "1️⃣ keycap", "e\u0301", "한국어", "\u200b zero width", "ｶﾀｶﾅ and ﾞ"];

async function bundleStringWidth(entry: string): Promise<(text: string) => number> {
  const outfile = join(work.path, `${entry.replace(/\W/g, "_")}.mjs`);
  await build({ entryPoints: [entry], bundle: true, platform: "node", format: "esm", target: "node20", outfile, plugins: [lazyStringWidth], logLevel: "silent", absWorkingDir: ROOT });
  return ((await import(pathToFileURL(outfile).href)) as { default: (text: string) => number }).default;
}

describe("lazyStringWidth", () => {
  it("measures what string-width measures (each copy yargs bundles)", async () => {
    for (const entry of ["string-width", "./node_modules/cliui/node_modules/string-width/index.js"]) {
      const lazy = await bundleStringWidth(entry);
      const original = entry === "string-width" ? stringWidth : ((await import(pathToFileURL(join(ROOT, entry)).href)) as { default: (text: string) => number }).default;
      for (const sample of SAMPLES) expect(lazy(sample), `${entry}: ${JSON.stringify(sample)}`).toBe(original(sample));
    }
  });

  it("fails the build when a string-width no longer builds its segmenter as expected", async () => {
    const fake = join(work.path, "node_modules/string-width");
    mkdirSync(fake, { recursive: true });
    writeFileSync(join(fake, "index.js"), "export default (text) => text.length;\n");
    const entry = join(fake, "index.js");
    await expect(build({ entryPoints: [entry], bundle: true, write: false, plugins: [lazyStringWidth], logLevel: "silent" })).rejects.toThrow(
      /no `new Intl.Segmenter\(\)` to defer/,
    );
  });
});

describe("lazyYargsShim", () => {
  const shimPath = join(ROOT, "node_modules/yargs/lib/platform-shims/esm.mjs");
  interface Shim {
    assert: { notStrictEqual(a: unknown, b: unknown, message?: string): void; strictEqual(a: unknown, b: unknown, message?: string): void };
    process: { stdColumns: number | null };
  }

  it("gives yargs the checks assert makes, and reads the terminal width when asked", async () => {
    const outfile = join(work.path, "yargs-shim.mjs");
    await build({ entryPoints: [shimPath], bundle: true, platform: "node", format: "esm", target: "node20", outfile, plugins: [lazyYargsShim], logLevel: "silent", absWorkingDir: ROOT });
    const lazy = ((await import(pathToFileURL(outfile).href)) as { default: Shim }).default;
    const original = ((await import(pathToFileURL(shimPath).href)) as { default: Shim }).default;
    const cases: [unknown, unknown][] = [[1, 1], [1, 2], [NaN, NaN], [0, -0], ["a", "a"], [undefined, null], [true, undefined]];
    const outcome = (check: () => void) => {
      try {
        check();
        return "passes";
      } catch {
        return "throws";
      }
    };
    for (const [a, b] of cases) {
      for (const name of ["notStrictEqual", "strictEqual"] as const) {
        expect(outcome(() => lazy.assert[name](a, b)), `${name}(${String(a)}, ${String(b)})`).toBe(outcome(() => original.assert[name](a, b)));
      }
    }
    expect(() => lazy.assert.strictEqual(1, 2, "the message")).toThrow("the message");
    expect(Object.getOwnPropertyDescriptor(lazy.process, "stdColumns")?.get).toBeTypeOf("function");
    expect(lazy.process.stdColumns).toBe(original.process.stdColumns);
    expect(readFileSync(outfile, "utf8")).not.toMatch(/require\("assert"\)|from "assert"/);
  });

  it("fails the build when the shim no longer reads as expected", async () => {
    const fake = join(work.path, "node_modules/yargs/lib/platform-shims");
    mkdirSync(fake, { recursive: true });
    writeFileSync(join(fake, "esm.mjs"), "import { strictEqual } from 'node:assert'\nexport default { assert: { strictEqual } };\n");
    await expect(build({ entryPoints: [join(fake, "esm.mjs")], bundle: true, write: false, platform: "node", plugins: [lazyYargsShim], logLevel: "silent" })).rejects.toThrow(
      /no `import \{ notStrictEqual, strictEqual \} from 'assert'` to replace/,
    );
  });
});
