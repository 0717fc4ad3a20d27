/**
 * V8 flags for a process that lives about a second; measurements in bench/perf/README.md.
 * The bin's `#!` line (main.ts) sets them as Node starts: `--interrupt-budget` at four times V8's
 * default, so fewer functions of a short run go to the optimizing compiler, and two heap sizes,
 * which can only be set then. This module, imported first, sets the budget when pmgen is started
 * another way (`node dist/pmgen.cjs`, the tests); a budget on Node's command line wins.
 */
import { createRequire } from "node:module";

// Required only when needed: `node:v8` loads Node's stream modules (for heap snapshots).
if (!process.execArgv.some((arg) => arg.startsWith("--interrupt-budget"))) {
  (createRequire(import.meta.url)("node:v8") as typeof import("node:v8")).setFlagsFromString("--interrupt-budget=270336");
}
