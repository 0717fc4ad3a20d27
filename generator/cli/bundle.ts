/**
 * Build step (`npm run build`): bundles the CLI with esbuild into `dist/pmgen-cli.cjs`, so start-up does not resolve and load about a
 * hundred files; bundles the bin (`dist/pmgen.cjs`, see bin.ts), and saves V8's code cache of
 * the CLI (`dist/pmgen-cli.cache`) from one run of it. Run as `node dist/generator/cli/bundle.js`.
 *
 * The CLI bundle is CommonJS: Node loads it without its ES module loader, which for an ES module
 * entry also loads `fs/promises`, `readline` and the stream modules (64 internal modules loaded
 * by an up-to-date run, 44 with CommonJS): github-v3 up to date, 12 interleaved runs, median
 * 484 -> 461 ms; and a CommonJS function is what the bin compiles with a code cache. Its
 * modules' `import.meta.url` is the bundle's own URL, as it was in the ES module bundle.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
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

/**
 * yargs's Node shim costs every run two things it rarely needs: it imports `assert` (whose
 * error module creates `process.stderr`) for two invariant checks, and reads
 * `process.stdout.columns` as it loads (creating `process.stdout`) for help text. Node creates
 * those streams on first use, 2 to 4 ms for pipes, and `assert` takes about 1.7 ms to load. The
 * plugin gives the shim the same two checks (`Object.is`, as `assert` compares) and reads the
 * width when help is rendered.
 */
export const lazyYargsShim: Plugin = {
  name: "lazy-yargs-shim",
  setup(build) {
    build.onLoad({ filter: /[\\/]yargs[\\/]lib[\\/]platform-shims[\\/]esm\.mjs$/ }, (args) => {
      const source = readFileSync(args.path, "utf8");
      const eagerAssert = "import { notStrictEqual, strictEqual } from 'assert'";
      const eagerColumns = "stdColumns: typeof process.stdout.columns !== 'undefined' ? process.stdout.columns : null";
      for (const eager of [eagerAssert, eagerColumns]) {
        if (!source.includes(eager)) throw new Error(`${args.path}: no \`${eager}\` to replace; update generator/cli/bundle.ts`);
      }
      const checks = [
        "const notStrictEqual = (actual, expected, message) => { if (Object.is(actual, expected)) throw new Error(message ?? `expected a value other than ${String(expected)}`) }",
        "const strictEqual = (actual, expected, message) => { if (!Object.is(actual, expected)) throw new Error(message ?? `expected ${String(expected)}, got ${String(actual)}`) }",
      ].join("\n");
      const contents = source
        .replace(eagerAssert, checks)
        .replace(eagerColumns, "get stdColumns() { return typeof process.stdout.columns !== 'undefined' ? process.stdout.columns : null }");
      return { contents, loader: "js" };
    });
  },
};

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const root = fileURLToPath(new URL("../../../", import.meta.url));
  const common = { absWorkingDir: root, bundle: true, platform: "node", target: "node20", outdir: "dist", logLevel: "warning" } as const;
  await build({
    ...common,
    entryPoints: { "pmgen-cli": "generator/cli/main.ts" },
    format: "cjs",
    outExtension: { ".js": ".cjs" },
    define: { "import.meta.url": "__pmgenModuleUrl" },
    banner: { js: "const __pmgenModuleUrl = require('node:url').pathToFileURL(__filename).href;" },
    plugins: [lazyStringWidth, lazyYargsShim],
  });
  await build({ ...common, entryPoints: { pmgen: "generator/cli/bin.ts" }, format: "cjs", outExtension: { ".js": ".cjs" } });
  saveCodeCache(root);
}

/**
 * Runs the bin once, as it is installed to run (Node with the flags of its `#!` line, which V8
 * checks the cache against), over the repository's own collections and, in a checkout, three of
 * the test collections of different shapes (not github-v3, which the bench times), and saves
 * the code cache of everything that run compiled. A failure leaves no cache: the bin then
 * compiles as it goes.
 */
function saveCodeCache(root: string): void {
  const bin = join(root, "dist/pmgen.cjs");
  const cache = join(root, "dist/pmgen-cli.cache");
  rmSync(cache, { force: true });
  const flags = /^#!\S*env -S node(.*)$/m.exec(readFileSync(bin, "utf8").split("\n", 1)[0]!)?.[1]?.trim().split(/\s+/) ?? [];
  const samples = ["twitter-api-v2.postman_collection.json", "paypal-partner-apis.v2.0.postman_collection.json", "postman-echo.postman_collection.json"]
    .map((name) => join(root, "test/fixtures/collections", name))
    .filter((file) => existsSync(file));
  const out = mkdtempSync(join(tmpdir(), "pmgen-code-cache-"));
  try {
    const run = spawnSync(process.execPath, [...flags, bin, "generate", join(root, "collections"), ...samples, "--out", out, "-q"], {
      cwd: root,
      env: { ...process.env, PMGEN_SAVE_CODE_CACHE: cache },
      encoding: "utf8",
    });
    if (run.status !== 0 || !existsSync(cache)) process.stderr.write(`bundle: no code cache saved (${run.status}): ${run.stderr.slice(-500)}\n`);
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}
