/**
 * V8 tuning for a process that lives about a second. V8 hands a function to its optimizing
 * compiler (TurboFan) once it has run through a budget of bytecode; with the default budget,
 * much of what a pmgen run compiles is used only a few times more before the process exits, and
 * the compiling takes the second core and main-thread time. Four times the default budget gave,
 * in interleaved runs on github-v3, 0.75 s median instead of 0.81 s (CPU 0.94 s instead of
 * 1.25 s), and github-v3 x10 (4.5 s) was no slower: long runs still optimize what is hot.
 * A budget given on Node's command line wins. Imported first by main.ts, so it applies before
 * pmgen's own code runs.
 *
 * The `pmgen` bin passes the budget on Node's command line itself (its `#!/usr/bin/env -S node`
 * line), with two heap sizes and V8's thread pool, which can only be set as Node starts (so
 * `node dist/pmgen.cjs` runs without them, and with the budget set here). Measured on github-v3
 * up to date, 12 interleaved runs each, wall time:
 * - `--initial-old-space-size=64`: a run holds 35 to 45 MB, and V8's smaller initial old
 *   generation made it stop for one full mark-compact (12 to 17 ms) part way: 498 -> 484 ms;
 * - `--max-semi-space-size=4` (16 by default): more, smaller scavenges, but a young generation
 *   of fresh pages is what this VM makes expensive (a first touch faults to the host, and exit
 *   frees them): 492 -> 476 ms. github-v3 x10 is about 5% slower with it (3.10-3.20 s against
 *   2.93-3.00 s, 3 runs each), well within its target.
 * - `--v8-pool-size=0`: Node sizes V8's pool of background threads (parallel scavenges,
 *   concurrent compiling and marking) from the machine's parallelism, one thread per core but
 *   one, instead of a fixed 4, which on two cores contend with the main thread. Fresh output
 *   on tmpfs, paired runs in alternating order against the flags above (the first two sets with
 *   a pool of 1, what 0 gives on two cores): -40, -24.5, -1.5 and -11.5 ms median difference,
 *   faster in 20 of 30, 19 of 30, 16 of 30 and 36 of 60 pairs; the built bin with and without
 *   it, -18.5 ms (26 of 40); postman-echo -2 ms (17 of 30); github-v3 x10 no different (4.50
 *   against 4.34 s median, 5 runs each, spread 3.8-5.5 s).
 */
import { createRequire } from "node:module";

// Required only when needed: `node:v8` loads Node's stream modules (for heap snapshots).
if (!process.execArgv.some((arg) => arg.startsWith("--interrupt-budget"))) {
  (createRequire(import.meta.url)("node:v8") as typeof import("node:v8")).setFlagsFromString("--interrupt-budget=270336");
}
