/**
 * The run's results as markdown (bench/fidelity/results.md) and as JSON (results.json, every
 * unit's counts, for diffing runs), and the short summary printed at the end of a run.
 */
import { modeUnits, toolTotals, tsTotals, unseenNullShare, type ToolTotals, type TsTotals } from "./aggregate.js";
import type { Mode } from "./convert.js";
import type { ApiResult } from "./result-types.js";
import { TOOLS, type Tool } from "./parameters.js";

export interface RunInfo {
  date: string;
  pmgenCommit: string;
  versions: Record<string, string>;
  parameters: Record<string, number | string>;
  modes: Mode[];
  wallSeconds: number;
  peakRssMb: { main: number; workers: number[] };
  /** APIs whose worker failed (a bench error, not a tool's): not in the totals. */
  apiErrors: { api: string; error: string }[];
  /** Spec keys whose spec no longer matches apis.json (openapi version or info.version). */
  drift: string[];
}

const pct = (x: number) => (Number.isNaN(x) ? "n/a" : (100 * x).toFixed(1));
const pctSign = (x: number) => (Number.isNaN(x) ? "n/a" : `${pct(x)}%`);

export interface ModeSummary {
  mode: Mode;
  apis: number;
  totals: ToolTotals;
  ts: TsTotals;
  unseenNull: number;
}

export function summarize(results: readonly ApiResult[], modes: readonly Mode[]): ModeSummary[] {
  return modes.map((mode) => {
    const units = modeUnits(results, mode);
    return { mode, apis: results.filter((r) => (r.modes[mode]?.units.length ?? 0) > 0).length, totals: toolTotals(units), ts: tsTotals(units), unseenNull: unseenNullShare(units) };
  });
}

function totalsTable(summaries: readonly ModeSummary[]): string[] {
  const lines = ["| mode | tool | units | recall | precision (all leaves) | precision (seen leaves) | f1 | missing / failed / no schema |", "|---|---|---:|---:|---:|---:|---:|---|"];
  for (const s of summaries) {
    for (const tool of TOOLS) {
      const t = s.totals[tool];
      lines.push(`| ${s.mode} | ${tool} | ${t.units} | ${pct(t.recall)} | ${pct(t.precision)} | ${pct(t.precisionSeen)} | **${pct(t.f1)}** | ${t.missing} / ${t.failed} / ${t.noSchema} |`);
    }
  }
  return lines;
}

function tsTable(summaries: readonly ModeSummary[]): string[] {
  const lines = [
    "| mode | units | cases | agreement | TS recall | schema recall (same cases) | TS precision | schema precision (same cases) |",
    "|---|---:|---:|---:|---:|---:|---:|---:|",
  ];
  for (const s of summaries) {
    const t = s.ts;
    lines.push(`| ${s.mode} | ${t.units} | ${t.cases} | **${pct(t.agreement)}** | ${pct(t.tsRecall)} | ${pct(t.schemaRecall)} | ${pct(t.tsPrecision)} | ${pct(t.schemaPrecision)} |`);
  }
  return lines;
}

/** Per API and mode: each tool's recall / precision (all) / precision (seen) / f1. */
function perApiTable(results: readonly ApiResult[], mode: Mode): string[] {
  const header = `| API | units | ${TOOLS.map((t) => `${t} R / P / Ps / **f1**`).join(" | ")} | pmgen |`;
  const lines = [header, `|---|---:|${TOOLS.map(() => "---").join("|")}|---|`];
  for (const result of results) {
    const modeResult = result.modes[mode];
    if (modeResult === undefined) continue;
    if (modeResult.error !== undefined) {
      lines.push(`| ${result.api} | – | ${TOOLS.map(() => "not converted").join(" | ")} | |`);
      continue;
    }
    const t = toolTotals(modeResult.units);
    const rank = pmgenRank(t);
    lines.push(
      `| ${result.api} | ${modeResult.units.length} | ${TOOLS.map((tool) => `${pct(t[tool].recall)} / ${pct(t[tool].precision)} / ${pct(t[tool].precisionSeen)} / **${pct(t[tool].f1)}**`).join(" | ")} | ${rank} |`,
    );
  }
  return lines;
}

/** `best`, `last`, or `middle` by f1 (ties count in pmgen's favour). */
export function pmgenRank(t: ToolTotals): "best" | "middle" | "last" {
  const others = TOOLS.filter((tool) => tool !== "pmgen").map((tool) => t[tool].f1);
  if (others.every((f) => t.pmgen.f1 >= f)) return "best";
  if (others.every((f) => t.pmgen.f1 < f)) return "last";
  return "middle";
}

/** Counts summed over APIs: why instances are rejected and which flips are accepted, per tool. */
function lossesTable(results: readonly ApiResult[], mode: Mode, which: "rejectedInstances" | "acceptedFlips", limit: number): string[] {
  const counts = new Map<string, Record<Tool, number>>();
  for (const result of results) {
    const losses = result.modes[mode]?.losses;
    if (losses === undefined) continue;
    for (const tool of TOOLS) {
      for (const [reason, n] of Object.entries(losses[tool][which])) {
        const row = counts.get(reason) ?? { pmgen: 0, quicktype: 0, postman2openapi: 0 };
        row[tool] += n;
        counts.set(reason, row);
      }
    }
  }
  const rows = [...counts].sort((a, b) => b[1].pmgen - a[1].pmgen || b[1].quicktype + b[1].postman2openapi - (a[1].quicktype + a[1].postman2openapi));
  const title = which === "rejectedInstances" ? "first failing check of a rejected instance" : "accepted flip";
  return [`| ${title} | ${TOOLS.join(" | ")} |`, `|---|${TOOLS.map(() => "---:").join("|")}|`, ...rows.slice(0, limit).map(([reason, row]) => `| ${reason} | ${TOOLS.map((t) => row[t]).join(" | ")} |`)];
}

function failures(results: readonly ApiResult[], run: RunInfo): string[] {
  const lines: string[] = [];
  for (const { api, error } of run.apiErrors) lines.push(`- **${api}**: the bench failed on it (not scored): ${error.split("\n")[0]}`);
  for (const result of results) {
    for (const [mode, modeResult] of Object.entries(result.modes)) {
      if (modeResult.error) lines.push(`- ${result.api} (${mode}): not converted: ${modeResult.error}`);
      for (const [tool, error] of Object.entries(modeResult.toolErrors)) lines.push(`- ${result.api} (${mode}): **${tool} failed on the collection**: ${error}`);
      if (modeResult.pmgenSkipped) lines.push(`- ${result.api} (${mode}): pmgen openapi kept only the first of several items with one method and path, skipping ${modeResult.pmgenSkipped.join(", ")}`);
      if (modeResult.tsError && !modeResult.toolErrors.pmgen) lines.push(`- ${result.api} (${mode}): TypeScript check not run: ${modeResult.tsError}`);
      const byReason = new Map<string, string[]>();
      for (const unit of modeResult.units) {
        for (const tool of TOOLS) {
          const score = unit.tools[tool];
          if ((score.outcome === "missing" || score.outcome === "failed") && !modeResult.toolErrors[tool]) {
            const key = `${tool} ${score.outcome}: ${score.reason ?? ""}`.replace(/ has no operation .*/, " has no operation for it");
            byReason.set(key, [...(byReason.get(key) ?? []), unit.id]);
          }
        }
      }
      for (const [reason, ids] of byReason) lines.push(`- ${result.api} (${mode}): ${reason} (${ids.length}: ${ids.slice(0, 4).join("; ")}${ids.length > 4 ? "; …" : ""})`);
      const tsErrors = modeResult.units.filter((u) => u.tsError && !u.tsError.startsWith("pmgen has no schema"));
      if (tsErrors.length > 0) lines.push(`- ${result.api} (${mode}): no TypeScript type found for ${tsErrors.length} units (${tsErrors[0]!.tsError})`);
    }
  }
  return lines.length > 0 ? lines : ["None."];
}

function apisTable(results: readonly ApiResult[]): string[] {
  const lines = [
    "| API | OpenAPI | version | operations | units | $refs | oneOf/anyOf | allOf | nullable | maps | enums | paged lists |",
    "|---|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
  ];
  for (const r of results) {
    const s = r.styles;
    lines.push(`| ${r.api} | ${r.openapi} | ${r.version} | ${s.operations} | ${r.specUnits} | ${s.refs} | ${s.oneOfAnyOf} | ${s.allOf} | ${s.nullable} | ${s.maps} | ${s.enums} | ${s.pagedLists} |`);
  }
  return lines;
}

function exclusions(results: readonly ApiResult[]): string[] {
  const lines = ["| API | spec units | scored (examples / placeholders) | no instance | truth does not compile | not in the collection | instances discarded |", "|---|---:|---|---:|---:|---:|---:|"];
  for (const r of results) {
    const noInstance = r.excluded.filter((e) => e.reason.startsWith("no instance")).length;
    const noTruth = r.excluded.filter((e) => e.reason.startsWith("the truth")).length;
    const notIn = Math.max(r.modes.examples?.notInCollection.length ?? 0, r.modes.placeholders?.notInCollection.length ?? 0);
    lines.push(`| ${r.api} | ${r.specUnits} | ${r.modes.examples?.units.length ?? "–"} / ${r.modes.placeholders?.units.length ?? "–"} | ${noInstance} | ${noTruth} | ${notIn} | ${r.discarded} |`);
  }
  return lines;
}

export function markdown(results: readonly ApiResult[], run: RunInfo): string {
  const summaries = summarize(results, run.modes);
  const lastIn = run.modes.flatMap((mode) =>
    results.filter((r) => r.modes[mode] && !r.modes[mode]!.error && pmgenRank(toolTotals(r.modes[mode]!.units)) === "last").map((r) => `${r.api} (${mode})`),
  );
  return [
    "# Fidelity bench results",
    "",
    `Run ${run.date} on pmgen ${run.pmgenCommit}; ${results.length} APIs; ${run.wallSeconds.toFixed(0)} s wall on ${run.parameters.jobs} workers; peak RSS ${run.peakRssMb.main} MB (main), ${run.peakRssMb.workers.join(" / ")} MB (workers).`,
    `Versions: ${Object.entries(run.versions).map(([k, v]) => `${k} ${v}`).join(", ")}.`,
    `Parameters: ${Object.entries(run.parameters).map(([k, v]) => `${k} ${v}`).join(", ")}.`,
    "How it is measured: bench/fidelity/README.md. R recall, P precision over all flipped leaves, Ps precision over flipped leaves at positions the collection's samples show, f1 of R and P; all in %.",
    "",
    "## Weighted totals",
    "",
    ...totalsTable(summaries),
    "",
    `Instances holding a null at a position where the collection's samples never show one: ${summaries.map((s) => `${pct(s.unseenNull)}% (${s.mode})`).join(", ")}. Nothing in the collection says those positions are nullable, so a tool that learns nullability only from samples rejects them.`,
    "",
    "## TypeScript check (pmgen's generated types, seeded sample of the same instances and flips)",
    "",
    ...tsTable(summaries),
    "",
    ...run.modes.flatMap((mode) => [`## Per API: ${mode}`, "", ...perApiTable(results, mode), ""]),
    "## Why instances are rejected and flips accepted",
    "",
    "Counts over all APIs; `type: null, wants integer` is the first failing check of a rejected instance (ajv's first error), `unit missing`/`unit failed` every instance of such a unit.",
    "",
    ...run.modes.flatMap((mode) => [`### ${mode}`, "", ...lossesTable(results, mode, "rejectedInstances", 15), "", ...lossesTable(results, mode, "acceptedFlips", 8), ""]),
    "## Where pmgen is last (f1 below both anchors)",
    "",
    lastIn.length > 0 ? lastIn.map((x) => `- ${x}`).join("\n") : "Nowhere.",
    "",
    "## Failures and crashes",
    "",
    ...failures(results, run),
    "",
    "## Units not scored",
    "",
    "A unit is scored when the truth compiles, json-schema-faker makes at least one instance the truth accepts, and the collection has its operation.",
    "",
    ...exclusions(results),
    "## The APIs",
    "",
    "Counts over each whole spec (units: numeric response statuses with a JSON schema, and JSON request bodies).",
    "",
    ...apisTable(results),
    ...(run.drift.length > 0 ? ["", `Specs that changed since apis.json was written: ${run.drift.join(", ")}.`] : []),
    "",
  ].join("\n");
}

export function stdoutSummary(results: readonly ApiResult[], run: RunInfo): string {
  const summaries = summarize(results, run.modes);
  const lines = [`fidelity: ${results.length} APIs, ${run.wallSeconds.toFixed(1)} s, peak RSS main ${run.peakRssMb.main} MB, workers ${run.peakRssMb.workers.join("/")} MB`];
  for (const s of summaries) {
    lines.push(`  ${s.mode} (${s.totals.pmgen.units} units; ${pctSign(s.unseenNull)} of instances hold a null the samples never show there):`);
    for (const tool of TOOLS as readonly Tool[]) {
      const t = s.totals[tool];
      lines.push(`    ${tool.padEnd(16)} recall ${pct(t.recall).padStart(5)}  precision ${pct(t.precision).padStart(5)} (seen ${pct(t.precisionSeen).padStart(5)})  f1 ${pct(t.f1).padStart(5)}`);
    }
    lines.push(`    TypeScript check: ${s.ts.cases} cases, agreement ${pctSign(s.ts.agreement)} (TS recall ${pct(s.ts.tsRecall)} vs schema ${pct(s.ts.schemaRecall)}, TS precision ${pct(s.ts.tsPrecision)} vs schema ${pct(s.ts.schemaPrecision)})`);
  }
  for (const { api, error } of run.apiErrors) lines.push(`  bench error on ${api}: ${error.split("\n")[0]}`);
  return lines.join("\n");
}

/** results.json: indented, but each unit on one line, so runs diff unit by unit and the file stays small. */
export function resultsJson(results: readonly ApiResult[], run: RunInfo): string {
  const lines: string[] = [];
  const text = JSON.stringify(
    { run, results },
    (key, value: unknown) => {
      if (key !== "units" || !Array.isArray(value)) return value;
      return value.map((unit) => {
        lines.push(JSON.stringify(unit));
        return `@unit${lines.length - 1}@`;
      });
    },
    1,
  );
  return `${text.replace(/"@unit(\d+)@"/g, (_, i: string) => lines[Number(i)]!)}\n`;
}
