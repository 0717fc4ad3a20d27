/** What each command does, separated from argument parsing so tests can call it directly. */
import { relative, resolve } from "node:path";
import { formatDiagnostic, PmgenError, type Diagnostic } from "../diagnostics.js";
import { modelCollections, outputFiles, runPipeline } from "../pipeline.js";
import { planOutput } from "../write/plan.js";
import { applyPlan } from "../write/write-output.js";
import { describeDrift } from "../write/drift.js";

export interface GenerateArgs {
  inputs: string[];
  out: string;
  templates?: string;
  quiet?: boolean;
  cwd?: string;
}

export function runGenerate(args: GenerateArgs): number {
  const cwd = args.cwd ?? process.cwd();
  return guarded(() => {
    const started = performance.now();
    const collections = runPipeline({ inputs: args.inputs, cwd, templatesDir: args.templates && resolve(cwd, args.templates) });
    const diagnostics = collections.flatMap((c) => c.diagnostics);
    if (!args.quiet) printDiagnostics(diagnostics);
    const outDir = resolve(cwd, args.out);
    const plan = planOutput(outDir, outputFiles(collections), collections.map((c) => c.source.name));
    applyPlan(plan);
    if (!args.quiet) {
      const ops = collections.reduce((n, c) => n + c.ir.operations.length, 0);
      const types = collections.reduce((n, c) => n + c.inferred.declarations.length, 0);
      const ms = Math.round(performance.now() - started);
      process.stderr.write(
        `pmgen: ${collections.length} collection(s), ${ops} operations, ${types} types, ${diagnostics.length} warning(s) → ${relative(cwd, outDir) || "."}/ ` +
          `(${plan.write.size} written, ${plan.remove.length} removed, ${plan.unchanged.length} unchanged) in ${ms} ms\n`,
      );
    }
    return 0;
  });
}

export function runCheck(args: Omit<GenerateArgs, "quiet">): number {
  const cwd = args.cwd ?? process.cwd();
  return guarded(() => {
    const collections = runPipeline({ inputs: args.inputs, cwd, templatesDir: args.templates && resolve(cwd, args.templates) });
    const outDir = resolve(cwd, args.out);
    const plan = planOutput(outDir, outputFiles(collections), collections.map((c) => c.source.name));
    if (plan.write.size === 0 && plan.remove.length === 0) {
      process.stderr.write(`pmgen check: ${relative(cwd, outDir) || "."}/ is up to date (${plan.unchanged.length} files)\n`);
      return 0;
    }
    process.stdout.write(describeDrift(plan, relative(cwd, outDir) || "."));
    process.stderr.write("pmgen check: generated code is stale; run `pmgen generate` (npm run generate)\n");
    return 1;
  });
}

export function runInspect(args: { inputs: string[]; cwd?: string }): number {
  const cwd = args.cwd ?? process.cwd();
  return guarded(() => {
    const models = modelCollections(args.inputs, cwd);
    printDiagnostics(models.flatMap((m) => m.diagnostics));
    const irs = models.map((m) => m.ir);
    process.stdout.write(`${JSON.stringify(irs.length === 1 ? irs[0] : irs, null, 2)}\n`);
    return 0;
  });
}

function printDiagnostics(diagnostics: readonly Diagnostic[]): void {
  for (const d of diagnostics) process.stderr.write(`${formatDiagnostic(d)}\n`);
}

/** Input problems print one clear line and exit 1; only internal bugs show a stack (with PMGEN_DEBUG). */
function guarded(run: () => number): number {
  try {
    return run();
  } catch (error) {
    if (error instanceof PmgenError) {
      process.stderr.write(`${formatDiagnostic(error)}\n`);
      return 1;
    }
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`pmgen: internal error: ${message}\n`);
    if (process.env.PMGEN_DEBUG && error instanceof Error) process.stderr.write(`${error.stack}\n`);
    return 2;
  }
}
