/**
 * Whole-process timings of pmgen against the tools people would otherwise use, on the biggest
 * test collection (github-v3: 623 requests, 1579 examples). Each command runs several times in a
 * fresh process; the table shows the median (and min–max) wall time and peak RSS (from
 * `/usr/bin/time -v` when present, else the child's own `process.resourceUsage().maxRSS`). The
 * github-v3 rows that are compared with each other run interleaved, one run of each per round,
 * once creating files on the disk costs what it usually does (see disk-probe.ts).
 *
 *   npm run bench:install && npm run build && node --import tsx bench/perf/run.ts [--runs 5]
 *
 * (quicktype-core and postman-code-generators are bench/package.json's, in bench/node_modules.)
 *
 * Set TSC7 to a TypeScript 7 `tsc` to time the native compiler too, e.g.
 *   npm install --prefix /tmp/ts7 --ignore-scripts typescript@7 && TSC7=/tmp/ts7/node_modules/.bin/tsc node --import tsx bench/perf/run.ts
 * Writes bench/perf/results.md.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { cpus, totalmem } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { PROBE_FILES, QUIET_PROBES, settleDisk, type Probe } from "./disk-probe.js";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const WORK = join(ROOT, "test/.tmp/perf");
const GITHUB = join(ROOT, "test/fixtures/collections/github-v3.postman_collection.json");
const PMGEN = join(ROOT, "dist/pmgen.cjs");
const runsArg = process.argv.indexOf("--runs");
const RUNS = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 5;
const TIME = existsSync("/usr/bin/time") ? "/usr/bin/time" : undefined;

interface Sample {
  ms: number;
  /** User + system CPU time of the process (all its threads), when /usr/bin/time reports it. */
  cpuMs?: number;
  /** The system (kernel) part of `cpuMs`: where a disk's file creation shows. */
  systemMs?: number;
  rssMb: number;
}

function measure(command: string[], before?: () => void): Sample {
  before?.();
  // Flush what earlier runs wrote (as hyperfine's `--prepare sync`): on this VM's disk a run that
  // starts while the previous run's pages are being written back stalls for up to a second.
  spawnSync("sync");
  const started = performance.now();
  const argv = TIME ? [TIME, "-v", ...command] : [process.execPath, "-e", RSS_WRAPPER, ...command];
  const result = spawnSync(argv[0]!, argv.slice(1), { cwd: ROOT, encoding: "utf8", maxBuffer: 1 << 28 });
  const ms = performance.now() - started;
  if (result.status !== 0) throw new Error(`${command.join(" ")} failed (${result.status}):\n${result.stderr.slice(-2000)}`);
  const kb = TIME ? Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(result.stderr)?.[1]) : Number(/maxRSS=(\d+)/.exec(result.stderr)?.[1]);
  const cpu = TIME ? [/User time \(seconds\): ([0-9.]+)/, /System time \(seconds\): ([0-9.]+)/].map((re) => Number(re.exec(result.stderr)?.[1])) : [];
  return { ms, rssMb: kb / 1024, ...(cpu.length === 2 ? { cpuMs: (cpu[0]! + cpu[1]!) * 1000, systemMs: cpu[1]! * 1000 } : {}) };
}

/** Without /usr/bin/time: run the command as a child and report its maxRSS (KB) on exit. */
const RSS_WRAPPER = `const r=require("child_process").spawnSync(process.argv[1],process.argv.slice(2),{stdio:"inherit"});process.stderr.write("maxRSS="+(r.status===0?require("process").resourceUsage().maxRSS:0)+"\\n");process.exit(r.status??1)`;

interface Row {
  name: string;
  samples: Sample[];
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};
const fmt = (ms: number) => (ms / 1000).toFixed(2);

if (!existsSync(PMGEN)) throw new Error("run `npm run build` first (bench/perf times the compiled CLI)");
rmSync(WORK, { recursive: true, force: true });
mkdirSync(WORK, { recursive: true });

// github-v3 ten times over: each copy of the top-level folders is renamed, so every request
// is a distinct operation (6,230 requests).
const github = JSON.parse(readFileSync(GITHUB, "utf8")) as { info: { name: string }; item: { name: string }[] };
const x10 = { ...github, info: { ...github.info, name: "GitHub x10" }, item: [] as unknown[] };
for (let i = 1; i <= 10; i++) x10.item.push({ name: `copy ${i}`, item: github.item });
const X10 = join(WORK, "github-x10.json");
writeFileSync(X10, JSON.stringify(x10));

const out1 = join(WORK, "out1");
/**
 * Creating github-v3's number of files in a new folder on the disk takes 30-50 ms on this VM
 * when no files were deleted near it in the last minutes, 110-430 ms in the first minutes after,
 * and 50-110 ms while that wears off, when pmgen's fresh run still spends up to a third more
 * kernel time (tmpfs: 16-22 ms); the runs start once it takes at most this, three times in a row.
 */
const DISK_LIMIT_MS = 60;
// "Fresh" runs write into a folder that never existed. Deleting the previous run's output just
// before a timed run would make that run pay for the deletion (ext4 without a journal passes over
// recently freed inodes, see disk-probe.ts): all old outputs are removed at the end instead.
let freshCount = 0;
const freshDir = (base: string) => `${base}-${++freshCount}`;
function report(row: Row): Row {
  const runs = row.samples.map((s) => fmt(s.ms)).join(" ");
  process.stderr.write(`${row.name}: ${fmt(median(row.samples.map((s) => s.ms)))} s, ${Math.round(Math.max(...row.samples.map((s) => s.rssMb)))} MB (runs in order: ${runs})\n`);
  return row;
}

interface Measure {
  name: string;
  /** The command, asked for once per run (fresh rows write into a new folder each time). */
  command: () => string[];
  /** Untimed, before each run. */
  before?: () => void;
}

/**
 * Runs the measures round by round (A B C A B C ...), so that a ratio between two rows compares
 * runs made seconds apart, not minutes: this VM's speed drifts (the same command's median moved
 * by a fifth within an hour), and rows run one after another would carry the drift into their
 * ratio. Given one measure, it runs that RUNS times in a row.
 */
function interleaved(measures: Measure[]): Row[] {
  const rows = measures.map((m): Row => ({ name: m.name, samples: [] }));
  for (let i = 0; i < RUNS; i++) measures.forEach((m, k) => rows[k]!.samples.push(measure(m.command(), m.before)));
  return rows.map(report);
}

const node = process.execPath;
// pmgen runs as its installed bin does: `dist/pmgen.cjs` executed by its `#!` line. The anchors run as
// `node <script>`.

// The same into memory (tmpfs), where creating a file costs microseconds: what the run costs
// without this machine's disk (on its ext4 a new 4 KB file takes 0.05 to 0.5 ms of kernel time).
const SHM = existsSync("/dev/shm") ? mkdtempSync("/dev/shm/pmgen-perf-") : undefined;
// Regenerate (untimed) before each check: templates/runtime may change between runs while others work.
const regenerate = () => void spawnSync(node, [PMGEN, "generate", GITHUB, "--out", out1, "-q"], { cwd: ROOT });
// Wait until creating files in WORK costs what it usually does (see disk-probe.ts).
const disk = settleDisk(WORK, DISK_LIMIT_MS, SHM ? { memory: SHM } : {});
const rows: Row[] = interleaved([
  { name: "pmgen generate github-v3 (fresh output)", command: () => [PMGEN, "generate", GITHUB, "--out", freshDir(join(WORK, "fresh1")), "-q"] },
  ...(SHM ? [{ name: "pmgen generate github-v3 (fresh output on tmpfs)", command: () => [PMGEN, "generate", GITHUB, "--out", freshDir(join(SHM, "fresh")), "-q"] }] : []),
  { name: "pmgen check github-v3 (up to date)", command: () => [PMGEN, "check", GITHUB, "--out", out1, "-q"], before: regenerate },
  { name: "pmgen generate github-v3 (up to date: nothing written)", command: () => [PMGEN, "generate", GITHUB, "--out", out1, "-q"], before: regenerate },
  { name: "quicktype-core: TS types from the same bodies", command: () => [node, join(ROOT, "bench/perf/quicktype-types.mjs"), GITHUB, join(WORK, "quicktype.ts")] },
  { name: "postman-code-generators: nodejs/Axios snippet per request", command: () => [node, join(ROOT, "bench/perf/pcg-snippets.cjs"), GITHUB, freshDir(join(WORK, "pcg"))] },
]);
rows.push(...interleaved([{ name: "pmgen generate github-v3 x10 (6,230 requests, fresh)", command: () => [PMGEN, "generate", X10, "--out", freshDir(join(WORK, "fresh10")), "-q"] }]));

// Type-check the generated github-v3 client under strict.
const client = join(out1, "github-v3");
writeFileSync(
  join(client, "tsconfig.json"),
  JSON.stringify({
    compilerOptions: { target: "ES2022", module: "NodeNext", moduleResolution: "NodeNext", lib: ["ES2022", "DOM", "DOM.Iterable"], types: [], strict: true, noEmit: true, skipLibCheck: true },
    include: ["**/*.ts"],
  }),
);
rows.push(...interleaved([{ name: "tsc --noEmit of the generated github-v3 client (TypeScript 5.9)", command: () => [node, join(ROOT, "node_modules/typescript/bin/tsc"), "-p", client] }]));
const tsc7 = process.env.TSC7;
if (tsc7 && existsSync(tsc7)) {
  const version = spawnSync(tsc7, ["--version"], { encoding: "utf8" }).stdout.trim();
  rows.push(...interleaved([{ name: `tsc --noEmit of the generated github-v3 client (${version}, native)`, command: () => [tsc7, "-p", client] }]));
}

const byName = (prefix: string) => rows.find((r) => r.name.startsWith(prefix))!;
const med = (r: Row) => median(r.samples.map((s) => s.ms));
const gen = med(byName("pmgen generate github-v3 (fresh"));
/** The median over rounds of one row's run against another's in the same round (interleaved rows only). */
const perRound = (a: Row, b: Row) => median(a.samples.map((s, i) => s.ms / b.samples[i]!.ms));
const vsQuicktype = (prefix: string) => {
  const row = byName(prefix);
  const qt = byName("quicktype");
  return `${(med(row) / med(qt)).toFixed(2)}x (per round ${perRound(row, qt).toFixed(2)}x)`;
};
const ratios: Record<string, string> = {
  "pmgen check": `${(med(byName("pmgen check")) / gen).toFixed(2)}x generate (target < 1.5x)`,
  "pmgen generate github-v3 (up to date": `pmgen = ${vsQuicktype("pmgen generate github-v3 (up to date")} quicktype, ${(med(byName("pmgen generate github-v3 (up to date")) / med(byName("postman-code"))).toFixed(2)}x postman-code-generators`,
  quicktype: [
    `pmgen generate = ${vsQuicktype("pmgen generate github-v3 (fresh output)")} quicktype fresh`,
    ...(SHM ? [`${vsQuicktype("pmgen generate github-v3 (fresh output on tmpfs)")} fresh on tmpfs`] : []),
    `${vsQuicktype("pmgen generate github-v3 (up to date")} up to date (target ≤ 0.33x)`,
  ].join(", "),
  "pmgen generate github-v3 (fresh output on tmpfs)": SHM ? `pmgen = ${vsQuicktype("pmgen generate github-v3 (fresh output on tmpfs)")} quicktype` : "",
  "pmgen generate github-v3 (fresh output)": `pmgen = ${vsQuicktype("pmgen generate github-v3 (fresh output)")} quicktype`,
  postman: `pmgen = ${(gen / med(byName("postman-code"))).toFixed(2)}x postman-code-generators (target ≤ 2x)`,
  "pmgen generate github-v3 x10": `${(med(byName("pmgen generate github-v3 x10")) / gen).toFixed(2)}x the 1x time (target ≤ 11x), peak < 1 GB`,
  tsc: "target < 20 s",
};
/** What the disk probe found before the runs (see disk-probe.ts). */
function diskLine(): string {
  const probeText = (p: Probe) => `${p.ms.toFixed(0)} ms (${p.systemMs.toFixed(0)} ms kernel)`;
  const last = disk.probes.slice(-QUIET_PROBES);
  const earlier = disk.probes.slice(0, -QUIET_PROBES);
  const waited = earlier.length > 0 ? ` after ${earlier.length} earlier ${earlier.length === 1 ? "probe" : "probes"} (${earlier.map(probeText).join(", ")}) and ${(disk.waitedMs / 1000).toFixed(0)} s of waiting` : "";
  const memory = disk.memory ? `; on tmpfs ${probeText(disk.memory)}` : "";
  const unsettled = disk.unsettled ? ` **Not ${QUIET_PROBES} times in a row under ${DISK_LIMIT_MS} ms when the waiting ran out: the fresh-output rows may include the disk's scan of recently deleted inodes (see their kernel time).**` : "";
  return `Disk before the runs: creating ${PROBE_FILES.toLocaleString("en-US")} files of 4 KB in a new folder where the fresh outputs go took ${last.map(probeText).join(", ")}${waited}${memory}.${unsettled}`;
}
const lines = [
  "# pmgen performance",
  "",
  `Machine: ${cpus().length} × ${cpus()[0]?.model ?? "cpu"}, ${(totalmem() / 2 ** 30).toFixed(1)} GiB memory, Node ${process.version}, ${new Date().toISOString().slice(0, 10)}.`,
  `Each row: ${RUNS} runs, each a fresh process; the rows from pmgen generate to postman-code-generators run interleaved (one run of each per round, so their ratios compare runs made seconds apart; "per round" is the median of the rounds' own ratios); wall time median (min–max); CPU is user + system time of all the process's threads (median); peak RSS is the maximum over runs (${TIME ? "`/usr/bin/time -v`" : "child `maxRSS`"}).`,
  diskLine(),
  "",
  "| Command | Median (s) | Min–max (s) | CPU, median (s) | of which kernel (s) | Peak RSS (MB) | Comparison |",
  "| --- | ---: | ---: | ---: | ---: | ---: | --- |",
  ...rows.map((r) => {
    const ms = r.samples.map((s) => s.ms);
    const ratio = Object.entries(ratios).find(([k]) => r.name.startsWith(k))?.[1] ?? "";
    const cpu = r.samples.every((s) => s.cpuMs !== undefined) ? fmt(median(r.samples.map((s) => s.cpuMs!))) : "";
    const system = r.samples.every((s) => s.systemMs !== undefined) ? fmt(median(r.samples.map((s) => s.systemMs!))) : "";
    return `| ${r.name} | ${fmt(median(ms))} | ${fmt(Math.min(...ms))}–${fmt(Math.max(...ms))} | ${cpu} | ${system} | ${Math.round(Math.max(...r.samples.map((s) => s.rssMb)))} | ${ratio} |`;
  }),
  "",
  "Rerun: `npm run build && node --import tsx bench/perf/run.ts --runs 7` (it first waits, up to 8 minutes, for a quiet disk; add `TSC7=<path to TypeScript 7 tsc>` for the native compiler;",
  "`npm install --prefix /tmp/ts7 --ignore-scripts typescript@7` installs it without install scripts).",
  "",
];
writeFileSync(join(ROOT, "bench/perf/results.md"), `${lines.join("\n")}\n`);
rmSync(WORK, { recursive: true, force: true });
if (SHM) rmSync(SHM, { recursive: true, force: true });
process.stderr.write(lines.join("\n"));
