/**
 * Weighted totals. Every scored unit weighs its number of instances (4 unless json-schema-faker
 * could make fewer that the truth accepts), the same in every column, so a unit counts as much
 * as any other whatever the size of its bodies:
 *
 * - recall: the share of a unit's instances the tool accepts, averaged with those weights;
 * - precision: the share of a unit's flips the tool rejects (all flips, or only those at
 *   positions the collection's samples show), averaged over the units that have such flips;
 * - f1: the harmonic mean of recall and precision (all flips).
 *
 * A `missing` or `failed` unit scores 0 on both; a `no-schema` unit accepts everything.
 */
import type { Mode } from "./convert.js";
import type { ApiResult, UnitResult } from "./result-types.js";
import { TOOLS, type Tool } from "./parameters.js";

export interface Totals {
  units: number;
  recall: number;
  precision: number;
  precisionSeen: number;
  f1: number;
  /** Units per verdict kind. */
  missing: number;
  failed: number;
  noSchema: number;
}

export interface TsTotals {
  units: number;
  cases: number;
  /** Cases where compiling agrees with pmgen's schema verdict. */
  agreement: number;
  /** On the TypeScript sample: compiling instances, and flips that do not compile. */
  tsRecall: number;
  tsPrecision: number;
  /** pmgen's schema on the same sample. */
  schemaRecall: number;
  schemaPrecision: number;
}

const ratio = (part: number, whole: number) => (whole === 0 ? NaN : part / whole);

export function f1(recall: number, precision: number): number {
  return recall + precision === 0 ? 0 : (2 * recall * precision) / (recall + precision);
}

export function totals(units: readonly UnitResult[], tool: Tool): Totals {
  let weight = 0;
  let recall = 0;
  let precisionWeight = 0;
  let precision = 0;
  let seenWeight = 0;
  let seen = 0;
  const out = { units: units.length, missing: 0, failed: 0, noSchema: 0 };
  for (const unit of units) {
    const score = unit.tools[tool];
    const w = unit.instances;
    weight += w;
    recall += w * ratio(score.accepted, unit.instances);
    if (unit.flips > 0) {
      precisionWeight += w;
      precision += w * ratio(score.rejected, unit.flips);
    }
    if (unit.seenFlips > 0) {
      seenWeight += w;
      seen += w * ratio(score.seenRejected, unit.seenFlips);
    }
    if (score.outcome === "missing") out.missing++;
    else if (score.outcome === "failed") out.failed++;
    else if (score.outcome === "no-schema") out.noSchema++;
  }
  const r = ratio(recall, weight);
  const p = ratio(precision, precisionWeight);
  return { ...out, recall: r, precision: p, precisionSeen: ratio(seen, seenWeight), f1: f1(r, p) };
}

export function tsTotals(units: readonly UnitResult[]): TsTotals {
  let instances = 0;
  let instancesCompiling = 0;
  let instancesAccepted = 0;
  let flips = 0;
  let flipsCompiling = 0;
  let flipsAccepted = 0;
  let agree = 0;
  let checked = 0;
  for (const unit of units) {
    if (unit.ts === undefined) continue;
    checked++;
    instances += unit.ts.instances;
    instancesCompiling += unit.ts.instancesCompiling;
    instancesAccepted += unit.ts.instancesAccepted;
    flips += unit.ts.flips;
    flipsCompiling += unit.ts.flipsCompiling;
    flipsAccepted += unit.ts.flipsAccepted;
    agree += unit.ts.agree;
  }
  return {
    units: checked,
    cases: instances + flips,
    agreement: ratio(agree, instances + flips),
    tsRecall: ratio(instancesCompiling, instances),
    tsPrecision: ratio(flips - flipsCompiling, flips),
    schemaRecall: ratio(instancesAccepted, instances),
    schemaPrecision: ratio(flips - flipsAccepted, flips),
  };
}

/** The scored units of a mode across APIs (APIs whose mode did not convert contribute none). */
export function modeUnits(results: readonly ApiResult[], mode: Mode): UnitResult[] {
  return results.flatMap((r) => r.modes[mode]?.units ?? []);
}

export type ToolTotals = Record<Tool, Totals>;

export function toolTotals(units: readonly UnitResult[]): ToolTotals {
  return Object.fromEntries(TOOLS.map((tool) => [tool, totals(units, tool)])) as ToolTotals;
}

/** The share of instances holding a null where the collection's samples never show one (see UnitResult). */
export function unseenNullShare(units: readonly UnitResult[]): number {
  let instances = 0;
  let withNull = 0;
  for (const unit of units) {
    instances += unit.instances;
    withNull += unit.instancesWithUnseenNull;
  }
  return ratio(withNull, instances);
}
