/**
 * Paired runs: is build A faster than build B at one command? Each pair runs A and B once, in
 * alternating order (A B, B A, A B, ...), a few seconds apart, with `sync` before each run; the
 * result is the median of the pairs' own differences and how many pairs A won. Pairing cancels
 * this VM's slow drift (the same command's median moves by a fifth within an hour) and other
 * processes' load, which unpaired medians of separate series carry into their difference.
 *
 *   node --import tsx bench/perf/paired.ts --a <cmd> --b <cmd> [--pairs 20] [--mode fresh|uptodate] [--input file] [--no-settle]
 *
 * `<cmd>` is a command with its arguments before `generate` (for example `/tmp/v/dist/pmgen.cjs`,
 * or `"node /tmp/v/dist/generator/cli/main.js"`, split on spaces). `fresh` generates into a new
 * folder each run (all of them on the disk, removed at the end); `uptodate` regenerates an
 * output each build made before the first pair (nothing written). The input defaults to
 * github-v3. Before the first pair the disk is probed as bench/perf/run.ts does (disk-probe.ts).
 * `--keep` leaves the outputs in test/.tmp (deleting ~50,000 files slows file creation near
 * them for minutes, see disk-probe.ts: when running several comparisons in a row, delete at the end).
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { settleDisk } from "./disk-probe.js";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const arg = (name: string, fallback?: string) => {
  const i = process.argv.indexOf(`--${name}`);
  if (i > 0) return process.argv[i + 1]!;
  if (fallback === undefined) throw new Error(`--${name} is required`);
  return fallback;
};
const A = arg("a").split(" ");
const B = arg("b").split(" ");
const PAIRS = Number(arg("pairs", "20"));
const MODE = arg("mode", "fresh");
const INPUT = arg("input", join(ROOT, "test/fixtures/collections/github-v3.postman_collection.json"));
const WORK = join(ROOT, "test/.tmp", `paired-${process.pid}`);
mkdirSync(WORK, { recursive: true });

let count = 0;
function run(command: string[], out: string): number {
  spawnSync("sync");
  const started = process.hrtime.bigint();
  const result = spawnSync(command[0]!, [...command.slice(1), "generate", INPUT, "--out", out, "-q"], { cwd: ROOT, encoding: "utf8" });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  if (result.status !== 0) throw new Error(`${command.join(" ")} failed (${result.status}): ${result.stderr.slice(-2000)}`);
  return ms;
}
const outOf = (side: "a" | "b") => (MODE === "fresh" ? join(WORK, `${side}-${++count}`) : join(WORK, `${side}-kept`));

if (!process.argv.includes("--no-settle")) settleDisk(WORK, 60);
if (MODE === "uptodate") {
  run(A, outOf("a"));
  run(B, outOf("b"));
}
const a: number[] = [];
const b: number[] = [];
for (let i = 0; i < PAIRS; i++) {
  if (i % 2 === 0) {
    a.push(run(A, outOf("a")));
    b.push(run(B, outOf("b")));
  } else {
    b.push(run(B, outOf("b")));
    a.push(run(A, outOf("a")));
  }
}
if (!process.argv.includes("--keep")) rmSync(WORK, { recursive: true, force: true });

const median = (values: number[]) => {
  const sorted = [...values].sort((x, y) => x - y);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};
const diffs = a.map((ms, i) => ms - b[i]!);
const result = {
  mode: MODE,
  pairs: PAIRS,
  medianA: Math.round(median(a)),
  medianB: Math.round(median(b)),
  medianDiffMs: Math.round(median(diffs) * 10) / 10,
  aFasterIn: diffs.filter((d) => d < 0).length,
  /** The median difference as a share of B's median run (B being the build without the change). */
  percentOfB: Math.round((median(diffs) / median(b)) * 1000) / 10,
  a: a.map(Math.round),
  b: b.map(Math.round),
};
process.stdout.write(`${JSON.stringify(result)}\n`);
