/** The bundling step (generator/cli/bundle.ts): its plugin changes when work happens, never results. */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { build } from "esbuild";
import { afterAll, describe, expect, it } from "vitest";
import stringWidth from "string-width";
import { lazyStringWidth } from "../../generator/cli/bundle.js";
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
