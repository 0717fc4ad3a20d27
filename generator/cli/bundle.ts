/**
 * Build step (`npm run build`): bundles the CLI and the write helper with esbuild into
 * `dist/pmgen.cjs` (the `bin`) and `dist/write-worker.mjs`, so start-up does not resolve and load
 * about a hundred files. Run as `node dist/generator/cli/bundle.js`.
 *
 * The CLI bundle is CommonJS: Node loads it without its ES module loader, which for an ES module
 * entry also loads `fs/promises`, `readline` and the stream modules (64 internal modules loaded
 * by an up-to-date run, 44 with CommonJS): github-v3 up to date, 12 interleaved runs, median
 * 484 -> 461 ms. Its modules' `import.meta.url` is the bundle's own URL, as it was in the ES
 * module bundle.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { build, type Plugin } from "esbuild";

/**
 * yargs lays out help with `string-width` (three copies, through cliui and wrap-ansi), whose
 * modules build an `Intl.Segmenter` and a `\p{RGI_Emoji}` expression as they load: about 17 ms
 * of every run's start-up (V8 builds the emoji set, ICU loads its break rules), for text pmgen
 * only measures when it prints help. The plugin makes both wait for their first use. It fails
 * the build if a `string-width` no longer reads as expected, rather than bundle it unchanged.
 */
export const lazyStringWidth: Plugin = {
  name: "lazy-string-width",
  setup(build) {
    build.onLoad({ filter: /[\\/]string-width[\\/]index\.js$/ }, (args) => {
      const source = readFileSync(args.path, "utf8");
      if (!source.includes("new Intl.Segmenter()")) {
        throw new Error(`${args.path}: no \`new Intl.Segmenter()\` to defer; update generator/cli/bundle.ts`);
      }
      const lazy = source
        .replaceAll("new Intl.Segmenter()", () => "lazySegmenter()")
        .replaceAll(String.raw`/^\p{RGI_Emoji}$/v`, () => String.raw`lazyRegExp("^\\p{RGI_Emoji}$", "v")`);
      const helpers = [
        "function lazySegmenter() { let made; return { segment: (text) => (made ??= new Intl.Segmenter()).segment(text) }; }",
        "function lazyRegExp(pattern, flags) { let made; return { test: (text) => (made ??= new RegExp(pattern, flags)).test(text) }; }",
      ];
      return { contents: `${lazy}\n${helpers.join("\n")}\n`, loader: "js" };
    });
  },
};

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const root = fileURLToPath(new URL("../../../", import.meta.url));
  const common = { absWorkingDir: root, bundle: true, platform: "node", target: "node20", outdir: "dist", logLevel: "warning" } as const;
  await build({
    ...common,
    entryPoints: { pmgen: "generator/cli/main.ts" },
    format: "cjs",
    outExtension: { ".js": ".cjs" },
    define: { "import.meta.url": "__pmgenModuleUrl" },
    banner: { js: "const __pmgenModuleUrl = require('node:url').pathToFileURL(__filename).href;" },
    plugins: [lazyStringWidth],
  });
  await build({
    ...common,
    entryPoints: { "write-worker": "generator/write/write-worker.ts" },
    format: "esm",
    outExtension: { ".js": ".mjs" },
    // The bundle's CommonJS dependencies call `require`.
    banner: { js: "import { createRequire as createRequireForBundle } from 'node:module'; const require = createRequireForBundle(import.meta.url);" },
  });
}
