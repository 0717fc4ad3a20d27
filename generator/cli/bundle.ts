/**
 * Build step (`npm run build`, run as `node dist/generator/cli/bundle.js`): bundles the CLI with
 * esbuild into one CommonJS file, the `pmgen` bin `dist/pmgen.cjs`, because one file loaded
 * without Node's ES module loader starts faster than the ~100 modules `tsc` emits (measured in
 * bench/perf/README.md). ts-morph, the postman-collection SDK and Handlebars' compiler stay in
 * `node_modules`, required when a run needs them.
 */
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const root = fileURLToPath(new URL("../../../", import.meta.url));
await build({
  absWorkingDir: root,
  entryPoints: { pmgen: "generator/cli/main.ts" },
  bundle: true,
  platform: "node",
  target: "node20",
  format: "cjs",
  outdir: "dist",
  outExtension: { ".js": ".cjs" },
  logLevel: "warning",
  // Modules read their own URL (to find templates/ and package.json): the bundle's.
  define: { "import.meta.url": "__pmgenModuleUrl" },
  banner: { js: "const __pmgenModuleUrl = require('node:url').pathToFileURL(__filename).href;" },
});
