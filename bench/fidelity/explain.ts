/**
 * Why a tool loses on a unit: the spec's schema, the JSON bodies the collection holds for the
 * unit, the tool's schema, and each instance it rejects and each flip it accepts, with ajv's
 * reasons. For whoever changes pmgen's inference and wants the case behind a number.
 *
 *   node --import tsx bench/fidelity/explain.ts --api circleci.com --unit "get /me 200" [--mode examples] [--tool pmgen] [--all]
 *
 * `--unit` matches unit ids by substring (`get /me 200`, `post /pets request`); without it the
 * units the tool loses on are listed. Uses the same seeds as run.ts, so the cases are the ones
 * scored (the collection and tool outputs are left in bench/fidelity/.work/<api>/<mode>/).
 */
import { parseArgs } from "node:util";
import { declaredPropertyNames, seenPositions } from "./collection-samples.js";
import { MODES, type Mode } from "./convert.js";
import { isObject, resolvePointer, type Json } from "./json-pointer.js";
import { prepareUnits } from "./prepare-units.js";
import { apiWorkDir, prepareMode, unitVerdicts } from "./score-api.js";
import { loadSpec, specUnits } from "./spec-units.js";
import { TOOLS, type Tool } from "./tools.js";
import { WORK_ROOT } from "./work-dir.js";

const { values } = parseArgs({
  options: { api: { type: "string" }, unit: { type: "string" }, mode: { type: "string", default: "examples" }, tool: { type: "string", default: "pmgen" }, all: { type: "boolean", default: false } },
});
if (values.api === undefined) throw new Error("usage: explain.ts --api <spec key> [--unit <id substring>] [--mode examples|placeholders] [--tool pmgen|quicktype|postman2openapi]");
const mode = values.mode as Mode;
const tool = values.tool as Tool;
if (!MODES.includes(mode)) throw new Error(`--mode: one of ${MODES.join(", ")}`);
if (!TOOLS.includes(tool)) throw new Error(`--tool: one of ${TOOLS.join(", ")}`);

const spec = loadSpec(values.api);
const declared = declaredPropertyNames(spec);
const bookkeeping = { excluded: [] as { id: string; reason: string }[], discarded: 0, generatorFailures: 0 };
const wanted = specUnits(spec).filter((u) => values.unit === undefined || u.id.includes(values.unit));
const prepared = prepareUnits(values.api, spec, wanted, declared, bookkeeping);
const context = prepareMode(values.api, mode, spec, prepared, apiWorkDir(WORK_ROOT, values.api));
if ("error" in context) throw new Error(context.error);
for (const excluded of bookkeeping.excluded) console.log(`not scored: ${excluded.id}: ${excluded.reason}`);

const short = (value: Json, limit = 600) => {
  const text = JSON.stringify(value);
  return text.length > limit ? `${text.slice(0, limit)}…` : text;
};

for (const p of prepared) {
  if (!context.itemOf.has(p.unit.id)) {
    console.log(`${p.unit.id}: the collection has no item for it`);
    continue;
  }
  const { samples, verdicts } = await unitVerdicts(context, p.unit);
  const verdict = verdicts[tool];
  const seen = seenPositions(samples, declared);
  const rejectedInstances = verdict.kind === "schema" ? p.instances.filter((i) => !verdict.validate(i)) : verdict.kind === "no-schema" ? [] : p.instances;
  const flips = p.flips.flat();
  const acceptedFlips = verdict.kind === "schema" ? flips.filter((f) => verdict.validate(f.value)) : verdict.kind === "no-schema" ? flips : [];
  if (values.unit === undefined && rejectedInstances.length === 0 && acceptedFlips.length === 0) continue;
  console.log(`\n=== ${p.unit.id} (${tool}, ${mode}): ${verdict.kind}; recall ${p.instances.length - rejectedInstances.length}/${p.instances.length}, precision ${flips.length - acceptedFlips.length}/${flips.length}`);
  if (values.unit === undefined && !values.all) continue;
  if (verdict.kind === "missing" || verdict.kind === "failed") console.log(`  ${verdict.reason}`);
  const specSchema = resolvePointer(spec, p.unit.pointer);
  console.log(`  spec schema: ${short(specSchema ?? null, 1500)}`);
  const componentRef = isObject(specSchema) && typeof specSchema.$ref === "string" ? resolvePointer(spec, specSchema.$ref) : undefined;
  if (componentRef !== undefined) console.log(`  = ${short(componentRef, 1500)}`);
  for (const sample of samples) console.log(`  collection sample: ${short(JSON.parse(sample) as Json, 1500)}`);
  for (const instance of rejectedInstances) {
    console.log(`  rejected instance: ${short(instance)}`);
    if (verdict.kind === "schema") console.log(`    because ${verdict.explain(instance)}`);
  }
  for (const flip of acceptedFlips.slice(0, 12)) console.log(`  accepted flip${seen.has(flip.position) ? " (seen position)" : ""}: ${flip.label}`);
  if (acceptedFlips.length > 12) console.log(`  … ${acceptedFlips.length - 12} more accepted flips`);
}
