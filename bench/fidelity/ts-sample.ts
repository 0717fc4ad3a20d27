/**
 * The TypeScript check of one mode: `pmgen generate` writes the client, each unit contributes a
 * seeded sample of its instances and flips, all compiled in one program (ts-check.ts), and each
 * case's verdict is tallied against pmgen's schema verdict on the same value.
 */
import { readdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { TS_DISAGREEMENTS_KEPT, TS_FLIPS_PER_UNIT, TS_INSTANCES_PER_UNIT } from "./parameters.js";
import type { PreparedUnit } from "./prepare-units.js";
import type { ModeResult, UnitResult } from "./result-types.js";
import { sample, seededRandom } from "./seeded.js";
import { runPmgen, type OpenApiOutput, type UnitVerdict } from "./tools.js";
import { compileCases, tsTarget, type TsCase, type TsTarget } from "./ts-check.js";
import type { Validate } from "./validators.js";

/** The TypeScript check of pmgen's generated client on a seeded sample of each unit's cases. */
export function typeCheck(api: string, pmgen: OpenApiOutput, scored: PreparedUnit[], verdicts: Map<string, UnitVerdict>, result: ModeResult, dir: string): void {
  const out = join(dir, "client");
  rmSync(out, { recursive: true, force: true });
  const run = runPmgen(["generate", join(dir, "api.postman_collection.json"), "--out", out], dir);
  if (!run.ok) {
    result.tsError = run.error;
    return;
  }
  const clientDir = join(out, readdirSync(out).find((name) => !name.startsWith("."))!);
  const cases: TsCase[] = [];
  const owners: { unit: UnitResult; isInstance: boolean; schemaAccepts: boolean }[] = [];
  scored.forEach((p, index) => {
    const unitResult = result.units.find((u) => u.id === p.unit.id)!;
    const verdict = verdicts.get(p.unit.id)!;
    if (verdict.kind === "missing" || verdict.kind === "failed") {
      unitResult.tsError = "pmgen has no schema or operation for it (scored as failed above)";
      return;
    }
    const operationId = pmgen.operation(p.unit)?.operationId;
    const target: TsTarget | { error: string } = typeof operationId === "string" ? tsTarget(clientDir, operationId, p.unit, index) : { error: "pmgen's operation has no operationId" };
    if ("error" in target) {
      unitResult.tsError = target.error;
      return;
    }
    const random = seededRandom(`${api}|${p.unit.id}|ts`);
    const accepts: Validate = verdict.kind === "schema" ? verdict.validate : () => true;
    unitResult.ts = { instances: 0, instancesCompiling: 0, flips: 0, flipsCompiling: 0, instancesAccepted: 0, flipsAccepted: 0, agree: 0 };
    for (const value of p.instances.slice(0, TS_INSTANCES_PER_UNIT)) {
      cases.push({ target, value });
      owners.push({ unit: unitResult, isInstance: true, schemaAccepts: accepts(value) });
    }
    for (const flip of sample(p.flips.flat(), TS_FLIPS_PER_UNIT, random)) {
      cases.push({ target, value: flip.value });
      owners.push({ unit: unitResult, isInstance: false, schemaAccepts: accepts(flip.value) });
    }
  });
  let compiles: (string | undefined)[];
  try {
    compiles = compileCases(clientDir, cases);
  } catch (error) {
    result.tsError = `the TypeScript compiler failed: ${String((error as Error).message ?? error).slice(0, 300)}`;
    for (const unit of result.units) delete unit.ts;
    return;
  }
  compiles.forEach((tsError, i) => {
    const compiled = tsError === undefined;
    const { unit, isInstance, schemaAccepts } = owners[i]!;
    const ts = unit.ts!;
    if (isInstance) {
      ts.instances++;
      if (compiled) ts.instancesCompiling++;
      if (schemaAccepts) ts.instancesAccepted++;
    } else {
      ts.flips++;
      if (compiled) ts.flipsCompiling++;
      if (schemaAccepts) ts.flipsAccepted++;
    }
    if (compiled === schemaAccepts) ts.agree++;
    else if (result.tsDisagreements.length < TS_DISAGREEMENTS_KEPT) {
      result.tsDisagreements.push({ unit: unit.id, case: isInstance ? "instance" : "flip", compiles: compiled, schemaAccepts, ...(tsError ? { tsError } : {}) });
    }
  });
}

