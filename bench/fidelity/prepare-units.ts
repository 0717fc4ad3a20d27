/**
 * What every mode of an API shares: each unit's truth validator, its instances (json-schema-faker,
 * seeded, kept only when the truth accepts them) and its flips (kept only when the truth rejects
 * them). Made once per API, before any collection exists, so both modes score the same cases.
 */
import { allFlips } from "./flips.js";
import { fakerSchema, makeInstances } from "./instances.js";
import type { Json } from "./json-pointer.js";
import { jsonSchemaDocument } from "./openapi-schemas.js";
import { FLIPS_PER_INSTANCE, INSTANCES_PER_UNIT } from "./parameters.js";
import type { ApiResult } from "./result-types.js";
import { seededRandom, shuffled } from "./seeded.js";
import type { SpecUnit } from "./spec-units.js";
import { DocumentValidators, type Validate } from "./validators.js";

export interface PreparedUnit {
  unit: SpecUnit;
  truth: Validate;
  instances: Json[];
  /** Per instance, the kept flips. */
  flips: { position: string; label: string; value: Json }[][];
}

/** Each unit's truth validator, instances and kept flips (the same for every mode). */
export function prepareUnits(api: string, spec: Json, units: SpecUnit[], declared: ReadonlySet<string>, result: Pick<ApiResult, "excluded" | "discarded" | "generatorFailures">): PreparedUnit[] {
  const prepared: PreparedUnit[] = [];
  for (const role of ["request", "response"] as const) {
    const roleUnits = units.filter((u) => u.role === role);
    if (roleUnits.length === 0) continue;
    const truth = jsonSchemaDocument(spec, roleUnits.map((u) => u.pointer), role);
    const validators = new DocumentValidators(truth, `truth:${role}`);
    for (const unit of roleUnits) {
      const compiled = validators.compile(unit.pointer);
      if (!compiled.validate) {
        result.excluded.push({ id: unit.id, reason: `the truth does not compile: ${compiled.error}` });
        continue;
      }
      const truthValidate = compiled.validate;
      const seed = `${api}|${unit.id}|instances`;
      const made = makeInstances(fakerSchema(truth.document, truth.refOf.get(unit.pointer)!, seed), INSTANCES_PER_UNIT, seed, truthValidate);
      result.discarded += made.discarded;
      result.generatorFailures += made.failed;
      if (made.instances.length === 0) {
        const why = made.failed > 0 ? `json-schema-faker failed: ${made.firstError}` : `all ${made.discarded} instances json-schema-faker made were rejected by the truth`;
        result.excluded.push({ id: unit.id, reason: `no instance: ${why}` });
        continue;
      }
      const flips = made.instances.map((instance, i) => {
        const candidates = shuffled(allFlips(instance, declared), seededRandom(`${api}|${unit.id}|flips|${i}`));
        const kept: PreparedUnit["flips"][number] = [];
        for (const candidate of candidates) {
          if (kept.length >= FLIPS_PER_INSTANCE) break;
          const value = candidate.value();
          if (!truthValidate(value)) kept.push({ position: candidate.position, label: candidate.label, value });
        }
        return kept;
      });
      prepared.push({ unit, truth: truthValidate, instances: made.instances, flips });
    }
  }
  return prepared;
}

