/** What `generate`, `check` and `inspect` do, separated from argument parsing so tests can call them directly. */
import { PmgenError } from "../base/diagnostics.js";
import { modelCollections, runPipeline, type GeneratedCollection } from "../pipeline.js";
import { planOutput, type OutputPlan } from "../write/plan.js";
import { applyPlan } from "../write/write-output.js";
import { describeDrift } from "../write/drift.js";
import { verifyDeclarations } from "../emit/verify.js";
import { nowMs } from "../base/clock.js";
import { guarded, label, printDiagnostics, processIo, type Io } from "./io.js";
import { ProgressBar } from "./progress.js";
import { report, summaryLine } from "./report.js";
import { resolveRun, type GenerateArgs } from "./resolve-run.js";

interface RunResult {
  collections: GeneratedCollection[];
  plans: OutputPlan[];
  /** Output folder of each collection, by name. */
  outDirs: Map<string, string>;
}

/** Runs the pipeline and plans every output folder; nothing is written yet. */
function generateAndPlan(args: GenerateArgs, cwd: string, progress?: ProgressBar): RunResult {
  const run = resolveRun(args, cwd);
  const collections = runPipeline({
    inputs: run.inputs,
    cwd,
    templatesDir: run.templatesDir,
    onStage: progress && ((event) => progress.stage(event)),
  });
  progress?.write();
  if (args.verify) verifyOutput(collections);
  const byOut = new Map<string, GeneratedCollection[]>();
  const outDirs = new Map<string, string>();
  for (const c of collections) {
    const out = run.outDirOf(c);
    outDirs.set(c.source.name, out);
    byOut.set(out, [...(byOut.get(out) ?? []), c]);
  }
  const plans = [...byOut].map(([out, group]) => {
    const files = new Map<string, string>();
    for (const c of group) for (const [path, content] of c.files) files.set(`${c.source.name}/${path}`, content);
    return planOutput(out, files, group.map((c) => c.source.name));
  });
  return { collections, plans, outDirs };
}

function verifyOutput(collections: readonly GeneratedCollection[]): void {
  for (const c of collections) {
    const problems = verifyDeclarations(c.files, c.ir, c.types);
    if (problems.length) {
      const list = problems.slice(0, 20).map((p) => `\n  ${c.source.name}/${p.file}: ${p.message}`).join("");
      throw new PmgenError(`generated code failed verification (nothing written):${list}`, { file: c.source.displayPath });
    }
  }
}

export function runGenerate(args: GenerateArgs): number {
  const cwd = args.cwd ?? process.cwd();
  const io = args.io ?? processIo;
  const json = args.report === "json";
  const human = !args.quiet && !json;
  const started = nowMs();
  const progress = human && io.isTTY ? new ProgressBar(io, started) : undefined;
  return guarded(io, json, "generate", () => {
    const { collections, plans, outDirs } = generateAndPlan(args, cwd, progress);
    const writeStarted = nowMs();
    for (const plan of plans) applyPlan(plan);
    const writeMs = nowMs() - writeStarted;
    progress?.done();
    const diagnostics = collections.flatMap((c) => c.diagnostics);
    if (human) printDiagnostics(io, diagnostics, args.verbose);
    const totalMs = nowMs() - started;
    if (human) io.err(summaryLine(collections, plans, diagnostics, cwd, totalMs, args.verbose));
    if (json) {
      io.out(`${JSON.stringify(report("generate", collections, plans, outDirs, cwd, totalMs, writeMs), null, 2)}\n`);
    }
    return 0;
  });
}

export function runCheck(args: GenerateArgs): number {
  const cwd = args.cwd ?? process.cwd();
  const io = args.io ?? processIo;
  const json = args.report === "json";
  const started = nowMs();
  return guarded(io, json, "check", () => {
    const { collections, plans, outDirs } = generateAndPlan(args, cwd);
    const stale = plans.filter((p) => p.write.size > 0 || p.remove.length > 0);
    const totalMs = nowMs() - started;
    if (json) {
      io.out(`${JSON.stringify({ ...report("check", collections, plans, outDirs, cwd, totalMs, 0), upToDate: stale.length === 0 }, null, 2)}\n`);
    } else if (stale.length === 0) {
      const files = plans.reduce((n, p) => n + p.unchanged.length, 0);
      if (!args.quiet) io.err(`pmgen check: ${plans.map((p) => label(cwd, p.outDir)).join(", ")}/ up to date (${files} files)\n`);
    } else {
      for (const plan of stale) io.out(describeDrift(plan, label(cwd, plan.outDir)));
      io.err("pmgen check: generated code is stale; run `pmgen generate` (npm run generate)\n");
    }
    return stale.length === 0 ? 0 : 1;
  });
}

export function runInspect(args: { inputs: string[]; config?: string; verbose?: boolean; cwd?: string; io?: Io }): number {
  const cwd = args.cwd ?? process.cwd();
  const io = args.io ?? processIo;
  return guarded(io, false, "inspect", () => {
    // The config's settings for these inputs apply, so the IR is the one `generate` emits.
    const models = modelCollections(resolveRun(args, cwd).inputs, cwd);
    printDiagnostics(io, models.flatMap((m) => m.diagnostics), args.verbose);
    const irs = models.map((m) => m.ir);
    io.out(`${JSON.stringify(irs.length === 1 ? irs[0] : irs, null, 2)}\n`);
    return 0;
  });
}
