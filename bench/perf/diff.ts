/**
 * What `pmgen diff` of two versions of github-v3 (623 requests, 1579 examples) costs against one
 * `pmgen generate` of it: the issue's target is at most twice. The new version is the collection
 * with a few edits of the kinds a re-export brings (an item removed, one renamed, a response
 * field removed, an example added, a required query parameter added). Runs are interleaved, one
 * of each command per round, each a fresh process of the built bin, so the ratios compare runs
 * made seconds apart; the table gives medians (and min–max) and the median of the rounds' ratios.
 *
 *   npm run build && node --import tsx bench/perf/diff.ts [--runs 9]
 *
 * Writes bench/perf/diff.md.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { cpus, totalmem } from "node:os";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const WORK = join(ROOT, "test/.tmp/perf-diff");
const GITHUB = join(ROOT, "test/fixtures/collections/github-v3.postman_collection.json");
const PMGEN = join(ROOT, "dist/pmgen.cjs");
const runsArg = process.argv.indexOf("--runs");
const RUNS = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 9;

if (!existsSync(PMGEN)) throw new Error("run `npm run build` first (the bench times the compiled CLI)");
rmSync(WORK, { recursive: true, force: true });
mkdirSync(WORK, { recursive: true });

interface RawItem {
  name: string;
  item?: RawItem[];
  request?: { url?: { raw?: string; query?: { key: string; value: string; description?: string }[] } };
  response?: { name: string; code: number; body?: string }[];
}

/** github-v3 with the edits of a typical re-export. */
function editedGithub(): { collection: unknown; edits: string[] } {
  const collection = JSON.parse(readFileSync(GITHUB, "utf8")) as { item: RawItem[] };
  const folder = (name: string) => collection.item.find((f) => f.name === name)!;
  const edits: string[] = [];
  const issues = folder("issues").item!;
  const removed = issues.splice(issues.findIndex((i) => i.name === "Delete a label"), 1)[0]!;
  edits.push(`removed "issues / ${removed.name}"`);
  const renamed = folder("users").item!.find((i) => i.name === "Get a user")!;
  renamed.name = "Fetch a user";
  edits.push(`renamed "users / Get a user" to "Fetch a user"`);
  const repo = folder("repos").item!.find((i) => i.name === "Get a repository")!;
  const ok = repo.response!.find((r) => r.code === 200)!;
  const body = JSON.parse(ok.body!) as Record<string, unknown>;
  delete body.homepage;
  ok.body = JSON.stringify(body, null, 2);
  edits.push(`removed "homepage" from the 200 response of "repos / Get a repository"`);
  const list = issues.find((i) => i.name === "List repository issues")!;
  const first = list.response!.find((r) => r.code === 200)!;
  list.response!.push({ ...first, name: "Second page" });
  edits.push(`added an example to "issues / List repository issues"`);
  const search = folder("search").item!.find((i) => i.name === "Search code")!;
  search.request!.url!.query = [...(search.request!.url!.query ?? []), { key: "scope", value: "<string>", description: "(Required) Where to search" }];
  edits.push(`added a required query parameter to "search / Search code"`);
  return { collection, edits };
}

const { collection, edits } = editedGithub();
const EDITED = join(WORK, "github-v3-edited.json");
writeFileSync(EDITED, JSON.stringify(collection, null, 2));

interface Sample {
  ms: number;
}

function measure(args: string[]): Sample {
  spawnSync("sync");
  const started = performance.now();
  const result = spawnSync(PMGEN, args, { cwd: ROOT, encoding: "utf8", maxBuffer: 1 << 26 });
  const ms = performance.now() - started;
  if (result.status !== 0) throw new Error(`pmgen ${args.join(" ")} failed (${result.status}):\n${result.stderr.slice(-2000)}`);
  return { ms };
}

// Fresh outputs go to memory when there is a tmpfs: the disk's cost of creating 1,287 files
// varies tenfold on this VM and is no part of what diff is compared with.
const SHM = existsSync("/dev/shm") ? mkdtempSync("/dev/shm/pmgen-diff-perf-") : undefined;
const upToDate = join(WORK, "up-to-date");
measure(["generate", GITHUB, "--out", upToDate, "-q"]);
let fresh = 0;
const rows: { name: string; args: () => string[]; samples: Sample[] }[] = [
  { name: `pmgen generate github-v3 (fresh output${SHM ? ", on tmpfs" : ""})`, args: () => ["generate", GITHUB, "--out", join(SHM ?? WORK, `fresh-${++fresh}`), "-q"], samples: [] },
  { name: "pmgen generate github-v3 (up to date: nothing written)", args: () => ["generate", GITHUB, "--out", upToDate, "-q"], samples: [] },
  { name: "pmgen diff github-v3 github-v3-edited", args: () => ["diff", GITHUB, EDITED, "-q"], samples: [] },
];
for (let round = 0; round < RUNS; round++) for (const row of rows) row.samples.push(measure(row.args()));
if (SHM) rmSync(SHM, { recursive: true, force: true });

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]! ) / 2;
};
const seconds = (ms: number) => (ms / 1000).toFixed(2);
const [freshRow, upToDateRow, diffRow] = rows as [(typeof rows)[0], (typeof rows)[0], (typeof rows)[0]];
const ratio = (a: (typeof rows)[0], b: (typeof rows)[0]) => median(a.samples.map((s, i) => s.ms / b.samples[i]!.ms));
const report = spawnSync(PMGEN, ["diff", relative(ROOT, GITHUB), relative(ROOT, EDITED)], { cwd: ROOT, encoding: "utf8" }).stdout;

const lines = [
  "# pmgen diff: speed",
  "",
  `Machine: ${cpus().length} × ${cpus()[0]?.model ?? "cpu"}, ${(totalmem() / 2 ** 30).toFixed(1)} GiB memory, Node ${process.version}, ${new Date().toISOString().slice(0, 10)}.`,
  `${RUNS} rounds, each running the three commands once (a fresh process of \`dist/pmgen.cjs\` each); wall time median (min–max); "per round" is the median of the rounds' own ratios.`,
  "",
  "| Command | Median (s) | Min–max (s) | diff ÷ this, per round |",
  "| --- | ---: | ---: | ---: |",
  ...rows.map((row) => {
    const ms = row.samples.map((s) => s.ms);
    const versus = row === diffRow ? "" : `${ratio(diffRow, row).toFixed(2)}x`;
    return `| ${row.name} | ${seconds(median(ms))} | ${seconds(Math.min(...ms))}–${seconds(Math.max(...ms))} | ${versus} |`;
  }),
  "",
  `Target: diff ≤ 2x one generate. Measured: ${ratio(diffRow, freshRow).toFixed(2)}x a fresh generate, ${ratio(diffRow, upToDateRow).toFixed(2)}x an up-to-date one (which writes nothing).`,
  "",
  "The new version is github-v3 with these edits:",
  "",
  ...edits.map((e) => `- ${e}`),
  "",
  "and `pmgen diff` reports:",
  "",
  "```",
  report.trimEnd(),
  "```",
  "",
  "Rerun: `npm run build && node --import tsx bench/perf/diff.ts --runs 9`.",
  "",
];
writeFileSync(join(ROOT, "bench/perf/diff.md"), lines.join("\n"));
process.stderr.write(`${lines.join("\n")}\n`);
