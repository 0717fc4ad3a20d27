/**
 * Baseline for bench/perf: postman-code-generators producing a code snippet for every request
 * of a collection (default `nodejs`/`Axios`), one file per request, as pmgen writes one module
 * per request. Its postinstall (which installs each codegen's own dependencies) did not run;
 * `nodejs-axios` and `curl` need none at run time, so both work as installed.
 *
 *   node bench/perf/pcg-snippets.cjs <collection.json> <out-dir> [language variant]
 */
const { mkdirSync, readFileSync, writeFileSync } = require("node:fs");
const { join } = require("node:path");
const codegen = require("postman-code-generators");
const sdk = require("postman-collection");

const [file, out, language = "nodejs", variant = "Axios"] = process.argv.slice(2);
if (!file || !out) throw new Error("usage: pcg-snippets.cjs <collection.json> <out-dir> [language variant]");
const collection = new sdk.Collection(JSON.parse(readFileSync(file, "utf8")));
mkdirSync(out, { recursive: true });
let count = 0;
let failed = 0;
collection.forEachItem((item) => {
  codegen.convert(language, variant, item.request, { trimRequestBody: true, followRedirect: true }, (error, snippet) => {
    if (error) failed++;
    else writeFileSync(join(out, `${String(count).padStart(5, "0")}.js`), snippet);
    count++;
  });
});
process.stderr.write(`postman-code-generators ${language}/${variant}: ${count - failed} snippets, ${failed} failed\n`);
if (failed) process.exitCode = 1;
