/** What a run tells its user: the one-line summary, and the `--report json` document for CI. */
import type { Diagnostic } from "../base/diagnostics.js";
import { STAGES, type GeneratedCollection, type Stage } from "../pipeline.js";
import type { OutputPlan } from "../write/plan.js";
import { driftEntries } from "../write/drift.js";
import { label } from "./io.js";

export function summaryLine(collections: GeneratedCollection[], plans: OutputPlan[], diagnostics: Diagnostic[], cwd: string, ms: number, verbose = false): string {
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
export function report(
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
