/** What each command does, separated from argument parsing so tests can call it directly. */
import { existsSync, statSync, watch, type FSWatcher } from "node:fs";
import { basename, dirname, relative, resolve, sep } from "node:path";
import { formatDiagnostic, PmgenError, type Diagnostic } from "../base/diagnostics.js";
import { loadConfig } from "../config/config.js";
import type { CollectionSettings } from "../config/settings.js";
import { modelCollections, runPipeline, STAGES, type GeneratedCollection, type Stage, type StageEvent } from "../pipeline.js";
import { planOutput, type OutputPlan } from "../write/plan.js";
import { applyPlan } from "../write/write-output.js";
import { describeDrift, driftEntries } from "../write/drift.js";
import { verifyDeclarations } from "../emit/verify.js";
import { nowMs } from "../base/clock.js";

/** Where a command writes: the process's streams, or a buffer in tests. */
export interface Io {
  out(text: string): void;
  err(text: string): void;
  /** Whether stderr is a terminal (progress bar). */
  isTTY: boolean;
}

export const processIo: Io = {
  out: (text) => void process.stdout.write(text),
  err: (text) => void process.stderr.write(text),
  get isTTY() {
    return !!process.stderr.isTTY;
  },
};

export interface GenerateArgs {
  /** Collection files or folders; default: the config's collections, else `collections/`. */
  inputs?: string[];
  /** Output folder; overrides the config (every collection goes there). */
  out?: string;
  templates?: string;
  /** Config file; default `pmgen.config.json` in `cwd` when present. */
  config?: string;
  quiet?: boolean;
  /** Also print notes: the documented normalizations (a step number dropped from a name...). */
  verbose?: boolean;
  report?: "json";
  /** Parse the output with ts-morph and check its declarations against the IR before writing. */
  verify?: boolean;
  cwd?: string;
  io?: Io;
}

const DEFAULT_INPUT = "collections";
const DEFAULT_OUT = "generated";

/** One run's inputs, output folders and templates, after merging the config file and flags. */
export interface ResolvedRun {
  inputs: (string | CollectionSettings)[];
  templatesDir?: string;
  configFile?: string;
  outDirOf(collection: GeneratedCollection): string;
  /** Paths whose changes should trigger regeneration in watch mode. */
  watchPaths: string[];
  /** Every output folder the run may write (never watched). */
  outDirs: string[];
}

export function resolveRun(args: GenerateArgs, cwd: string): ResolvedRun {
  const config = loadConfig(cwd, args.config);
  const configured = (config?.collections ?? []).map((c) => ({ ...c, configFile: config!.displayPath }));
  let inputs: (string | CollectionSettings)[];
  if (args.inputs?.length) {
    // Inputs on the command line still get their settings when the config names them.
    inputs = args.inputs.map((input) => configured.find((c) => c.input === resolve(cwd, input)) ?? input);
  } else if (configured.length) {
    inputs = configured;
  } else {
    inputs = [DEFAULT_INPUT];
  }
  const flagOut = args.out !== undefined ? resolve(cwd, args.out) : undefined;
  const defaultOut = flagOut ?? config?.out ?? resolve(cwd, DEFAULT_OUT);
  const templatesDir = args.templates !== undefined ? resolve(cwd, args.templates) : config?.templates;
  const watchPaths = [
    ...inputs.map((i) => (typeof i === "string" ? resolve(cwd, i) : i.input)),
    ...(templatesDir ? [templatesDir] : []),
    ...(config ? [config.file] : []),
  ];
  return {
    inputs,
    templatesDir,
    configFile: config?.file,
    outDirOf: (c) => flagOut ?? c.settings?.out ?? defaultOut,
    watchPaths,
    outDirs: [defaultOut, ...(flagOut ? [] : configured.flatMap((c) => (c.out ? [c.out] : [])))],
  };
}

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

/**
 * `generate --watch`: generates, then regenerates whenever an input, the config or a template
 * changes (debounced, so an editor's save of many files makes one run). Errors are printed and
 * watching goes on. Returns a handle whose `close()` stops watching.
 */
export function runWatch(args: GenerateArgs & { debounceMs?: number }): { close(): void; runs(): number } {
  const cwd = args.cwd ?? process.cwd();
  const io = args.io ?? processIo;
  let runs = 0;
  const generate = () => {
    runs++;
    runGenerate(args);
  };
  generate();
  let run: ResolvedRun;
  try {
    run = resolveRun(args, cwd);
  } catch (error) {
    io.err(`${error instanceof PmgenError ? formatDiagnostic(error) : String(error)}\n`);
    return { close() {}, runs: () => runs };
  }
  const outDirs = new Set<string>();
  const ignore = (path: string) => path.split(sep).some((part) => part.startsWith(".pmgen-tmp") || part === ".pmgen-manifest.json") ||
    [...outDirs].some((out) => path === out || path.startsWith(out + sep));
  // Output folders are never inputs: a write must not trigger another run.
  for (const out of run.outDirs) outDirs.add(out);
  let timer: NodeJS.Timeout | undefined;
  const trigger = (path: string) => {
    if (ignore(path)) return;
    clearTimeout(timer);
    timer = setTimeout(() => {
      if (!args.quiet) io.err(`pmgen: ${relative(cwd, path) || path} changed, regenerating\n`);
      generate();
    }, args.debounceMs ?? 150);
  };
  const watchers: FSWatcher[] = [];
  for (const path of new Set(run.watchPaths)) {
    if (!existsSync(path)) continue;
    if (statSync(path).isDirectory()) {
      watchers.push(watch(path, { recursive: true }, (_event, name) => trigger(resolve(path, name ? String(name) : ""))));
    } else {
      // Watch the folder, not the file: editors replace files on save, which ends a file watch.
      const dir = dirname(path);
      const file = basename(path);
      watchers.push(watch(dir, (_event, name) => String(name) === file && trigger(path)));
    }
  }
  if (!args.quiet) io.err(`pmgen: watching ${watchers.length} path(s) for changes (Ctrl-C to stop)\n`);
  return {
    close() {
      clearTimeout(timer);
      for (const w of watchers) w.close();
    },
    runs: () => runs,
  };
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

function label(cwd: string, dir: string): string {
  return relative(cwd, dir) || ".";
}

function summaryLine(collections: GeneratedCollection[], plans: OutputPlan[], diagnostics: Diagnostic[], cwd: string, ms: number, verbose = false): string {
  const ops = collections.reduce((n, c) => n + c.ir.operations.length, 0);
  const types = collections.reduce((n, c) => n + c.types.declarations.length, 0);
  const written = plans.reduce((n, p) => n + p.write.size, 0);
  const removed = plans.reduce((n, p) => n + p.remove.length, 0);
  const unchanged = plans.reduce((n, p) => n + p.unchanged.length, 0);
  const outs = plans.map((p) => `${label(cwd, p.outDir)}/`).join(", ") || "(nothing)";
  const warnings = diagnostics.filter((d) => d.severity !== "note").length;
  const notes = diagnostics.length - warnings;
  const noted = notes > 0 ? `, ${notes} note(s)${verbose ? "" : " (--verbose)"}` : "";
  return (
    `pmgen: ${collections.length} collection(s), ${ops} operations, ${types} types, ${warnings} warning(s)${noted} → ${outs} ` +
    `(${written} written, ${removed} removed, ${unchanged} unchanged) in ${Math.round(ms)} ms\n`
  );
}

/** The `--report json` document. */
function report(
  command: "generate" | "check",
  collections: GeneratedCollection[],
  plans: OutputPlan[],
  outDirs: Map<string, string>,
  cwd: string,
  totalMs: number,
  writeMs: number,
) {
  const planOf = (out: string) => plans.find((p) => p.outDir === out)!;
  const count = (plan: OutputPlan, name: string) => {
    const mine = (path: string) => path.startsWith(`${name}/`);
    return {
      written: [...plan.write.keys()].filter(mine).length,
      removed: plan.remove.filter(mine).length,
      unchanged: plan.unchanged.filter(mine).length,
    };
  };
  const stages = Object.fromEntries(STAGES.map((s) => [s, 0])) as Record<Stage, number>;
  for (const c of collections) for (const s of STAGES) stages[s] += c.timings[s];
  const rows = collections.map((c) => {
    const out = outDirs.get(c.source.name)!;
    return {
      name: c.source.name,
      title: c.ir.title,
      input: c.source.displayPath,
      out: `${label(cwd, out)}/${c.source.name}`,
      operations: c.ir.operations.length,
      types: c.types.declarations.length,
      files: c.files.size,
      warnings: c.diagnostics.filter((d) => d.severity !== "note").length,
      notes: c.diagnostics.filter((d) => d.severity === "note").length,
      ...(command === "generate" ? { changes: count(planOf(out), c.source.name) } : {}),
      timingMs: roundAll(c.timings),
    };
  });
  const warnings = collections.flatMap((c) =>
    c.diagnostics.map((d) => ({
      collection: c.source.name,
      severity: d.severity,
      file: d.source.file,
      itemPath: d.source.itemPath ?? null,
      message: d.message,
    })),
  );
  return {
    pmgen: command,
    ok: true,
    collections: rows,
    counts: {
      collections: rows.length,
      operations: rows.reduce((n, r) => n + r.operations, 0),
      types: rows.reduce((n, r) => n + r.types, 0),
      files: rows.reduce((n, r) => n + r.files, 0),
      warnings: warnings.filter((w) => w.severity !== "note").length,
      notes: warnings.filter((w) => w.severity === "note").length,
      written: plans.reduce((n, p) => n + p.write.size, 0),
      removed: plans.reduce((n, p) => n + p.remove.length, 0),
      unchanged: plans.reduce((n, p) => n + p.unchanged.length, 0),
    },
    ...(command === "check" ? { drift: plans.flatMap((p) => driftEntries(p).map((e) => ({ ...e, path: `${label(cwd, p.outDir)}/${e.path}` }))) } : {}),
    warnings,
    timingMs: { total: Math.round(totalMs), ...roundAll(stages), write: Math.round(writeMs) },
  };
}

function roundAll<T extends Record<string, number>>(values: T): T {
  return Object.fromEntries(Object.entries(values).map(([k, v]) => [k, Math.round(v)])) as T;
}

/** Errors and warnings; notes (documented normalizations) only when `verbose`. */
export function printDiagnostics(io: Io, diagnostics: readonly Diagnostic[], verbose = false): void {
  for (const d of diagnostics) if (verbose || d.severity !== "note") io.err(`${formatDiagnostic(d)}\n`);
}

/**
 * Input problems print one clear line and exit 1; only internal bugs show a stack (with
 * PMGEN_DEBUG). With `--report json` the error is also the JSON document on stdout.
 */
export function guarded(io: Io, json: boolean, command: string, run: () => number): number {
  try {
    return run();
  } catch (error) {
    const known = error instanceof PmgenError;
    const message = error instanceof Error ? error.message : String(error);
    if (known) io.err(`${formatDiagnostic(error)}\n`);
    else {
      io.err(`pmgen: internal error: ${message}\n`);
      if (process.env.PMGEN_DEBUG && error instanceof Error) io.err(`${error.stack}\n`);
    }
    if (json) {
      const source = known ? { file: error.source.file, itemPath: error.source.itemPath ?? null } : {};
      io.out(`${JSON.stringify({ pmgen: command, ok: false, error: { internal: !known, message, ...source } }, null, 2)}\n`);
    }
    return known ? 1 : 2;
  }
}

/**
 * A one-line progress bar on stderr, redrawn in place. It appears only on a terminal and only
 * once a run has taken a moment (large collections), so small runs and logs stay clean.
 */
export class ProgressBar {
  private shown = false;
  private last = "";

  constructor(
    private readonly io: Io,
    private readonly started: number,
    private readonly delayMs = 250,
    private readonly width = 30,
  ) {}

  stage(event: StageEvent): void {
    const weights: Record<Stage, [number, number]> = { load: [0, 0.1], model: [0.1, 0.25], infer: [0.25, 0.6], emit: [0.6, 1] };
    const fraction = (event.index + weights[event.stage][0]) / event.total;
    this.draw(fraction, `${event.collection}: ${event.stage}`);
  }

  write(): void {
    this.draw(1, "writing");
  }

  done(): void {
    if (this.shown) this.io.err("\r\x1b[K");
  }

  private draw(fraction: number, label: string): void {
    if (!this.shown && nowMs() - this.started < this.delayMs) return;
    this.shown = true;
    const filled = Math.round(fraction * this.width);
    const line = `pmgen [${"#".repeat(filled)}${".".repeat(this.width - filled)}] ${String(Math.round(fraction * 100)).padStart(3)}% ${label}`;
    if (line === this.last) return;
    this.last = line;
    this.io.err(`\r\x1b[K${line}`);
  }
}
