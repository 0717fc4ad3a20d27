#!/usr/bin/env -S node --interrupt-budget=270336 --initial-old-space-size=64 --max-semi-space-size=4 --v8-pool-size=0
/**
 * The `pmgen` bin (`dist/pmgen.cjs`): runs the bundled CLI (`dist/pmgen-cli.cjs`) with the V8
 * code cache `npm run build` saved for it (`dist/pmgen-cli.cache`, see bundle.ts), as Node 22's
 * `module.enableCompileCache()` would. A run of pmgen calls about a thousand functions once or a
 * few times, and V8 compiles each on its first call; with the cache it reads their bytecode
 * instead (github-v3 up to date, 10 interleaved runs: median 477 -> 443 ms). V8 checks the cache
 * against the source, its own version and its flags, and compiles as usual when any differs, so
 * a stale or foreign cache costs only its read.
 *
 * The `#!` line gives Node the flags chosen for a short-lived process (see v8-tuning.ts); the
 * cache is made with the same flags, as V8 requires.
 */
import { readFileSync, writeFileSync } from "node:fs";
import Module, { createRequire } from "node:module";
import { join } from "node:path";
import { Script } from "node:vm";

const cli = join(__dirname, "pmgen-cli.cjs");
const cacheFile = join(__dirname, "pmgen-cli.cache");
/** Set by the build: where to save the code cache once this run is done. */
const saveCache = process.env.PMGEN_SAVE_CODE_CACHE;

let cachedData: Buffer | undefined;
if (saveCache === undefined) {
  try {
    cachedData = readFileSync(cacheFile);
  } catch {
    // no cache: V8 compiles as it goes
  }
}
const script = new Script(Module.wrap(readFileSync(cli, "utf8")), { filename: cli, cachedData });
if (process.env.PMGEN_DEBUG) process.stderr.write(`pmgen: code cache ${cachedData === undefined ? "absent" : script.cachedDataRejected ? "rejected" : "accepted"}\n`);
// After the run, so the cache holds every function the run compiled, not only the top level.
if (saveCache !== undefined) process.once("exit", () => writeFileSync(saveCache, script.createCachedData()));

const cliModule = new Module(cli, module);
cliModule.filename = cli;
(script.runInThisContext() as (...args: unknown[]) => void).call(cliModule.exports, cliModule.exports, createRequire(cli), cliModule, cli, __dirname);
