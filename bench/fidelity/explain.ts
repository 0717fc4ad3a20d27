/**
 * Why a tool loses on a unit: the spec's schema, the JSON bodies the collection holds for the
 * unit, the tool's schema, and each instance it rejects and each flip it accepts, with ajv's
 * reasons. For whoever changes pmgen's inference and wants the case behind a number.
 *
 *   node --import tsx bench/fidelity/explain.ts --api circleci.com --unit "get /me 200" [--mode examples] [--tool pmgen] [--all]
 *   node --import tsx bench/fidelity/explain.ts --api wiremock.org/admin --causes [--against postman2openapi]
 *
 * `--unit` matches unit ids by substring (`get /me 200`, `post /pets request`); without it the
 * units the tool loses on are listed. Uses the same seeds as run.ts, so the cases are the ones
 * scored (the collection and tool outputs are left in bench/fidelity/.work/<api>/<mode>/).
 *
 * `--causes` is the per-entry view of a loss: for every unit where the tool loses an instance or
 * a flip, each failed check of its rejected instances (all of ajv's errors, not the first; array
 * indexes as `[]`) with the number of instances it appears in, the accepted flips grouped by
 * kind, and the same counts of the `--against` tool (postman2openapi by default) beside them.
 */
import { parseArgs } from "node:util";
import { declaredPropertyNames, seenPositions } from "./collection-samples.js";
import { MODES, type Mode } from "./convert.js";
import { isObject, resolvePointer, type Json } from "./json-pointer.js";
import { prepareUnits } from "./prepare-units.js";
import { apiWorkDir, prepareMode, unitVerdicts } from "./score-api.js";
import { loadSpec, specUnits } from "./spec-units.js";
import { TOOLS, type Tool, type UnitVerdict } from "./tools.js";
import { collectAllErrors } from "./validators.js";
import { WORK_ROOT } from "./work-dir.js";

const { values } = parseArgs({
  options: {
    api: { type: "string" },
    unit: { type: "string" },
    mode: { type: "string", default: "examples" },
    tool: { type: "string", default: "pmgen" },
    all: { type: "boolean", default: false },
    causes: { type: "boolean", default: false },
    against: { type: "string", default: "postman2openapi" },
  },
});
if (values.api === undefined) throw new Error("usage: explain.ts --api <spec key> [--unit <id substring>] [--mode examples|placeholders] [--tool pmgen|quicktype|postman2openapi]");
const mode = values.mode as Mode;
const tool = values.tool as Tool;
if (!MODES.includes(mode)) throw new Error(`--mode: one of ${MODES.join(", ")}`);
if (!TOOLS.includes(tool)) throw new Error(`--tool: one of ${TOOLS.join(", ")}`);
const against = values.against as Tool;
if (!TOOLS.includes(against)) throw new Error(`--against: one of ${TOOLS.join(", ")}`);
if (values.causes) collectAllErrors();
/** `--causes`: rejected instances by the kinds of check they fail, over every unit listed. */
const causeTotals = new Map<string, number>();

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
  if (values.causes) {
    printCauses(p.unit.id, verdict, verdicts[against], p.instances, flips, seen);
    continue;
  }
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

/**
 * What kind of check a cause line is: `null` (a null the tool's type does not admit), `required`
 * (a key the tool requires that the instance lacks), `type` (another JSON kind), else its keyword.
 */
function causeKind(cause: string): string {
  const check = cause.slice(cause.lastIndexOf(": ") + 2);
  if (check.startsWith("type null,")) return "null";
  if (check.startsWith("type ")) return "type";
  return check.split(" ")[0]!;
}

/** The `--causes` view of one unit: every failed check of the rejected instances, the accepted flips by kind, beside the anchor's counts. */
function printCauses(id: string, verdict: UnitVerdict, anchor: UnitVerdict, instances: readonly Json[], flips: readonly { position: string; label: string; value: Json }[], seen: ReadonlySet<string>): void {
  const accepts = (v: UnitVerdict, value: Json) => (v.kind === "schema" ? v.validate(value) : v.kind === "no-schema");
  const count = (v: UnitVerdict) => `recall ${instances.filter((i) => accepts(v, i)).length}/${instances.length}, precision ${flips.filter((f) => !accepts(v, f.value)).length}/${flips.length}`;
  console.log(`\n=== ${id} (${mode}): ${tool} ${verdict.kind} ${count(verdict)} | ${against} ${anchor.kind} ${count(anchor)}`);
  if (verdict.kind === "missing" || verdict.kind === "failed") console.log(`  ${verdict.reason}`);
  if (verdict.kind !== "schema") return;
  const causes = new Map<string, number>();
  for (const instance of instances) {
    const errors = new Set(verdict.errors(instance).map((e) => e.replace(/\/[0-9]+(?=\/|:)/g, "/[]")));
    for (const error of errors) causes.set(error, (causes.get(error) ?? 0) + 1);
    if (errors.size > 0) {
      const kinds = [...new Set([...errors].map(causeKind))].sort().join(" + ");
      causeTotals.set(kinds, (causeTotals.get(kinds) ?? 0) + 1);
    }
  }
  for (const [cause, n] of [...causes].sort((a, b) => b[1] - a[1])) console.log(`  ${n}× ${cause}`);
  const accepted = new Map<string, number>();
  for (const flip of flips) {
    if (!accepts(verdict, flip.value)) continue;
    const key = `${flip.label.replace(/\[[0-9]+\]/g, "[]")}${seen.has(flip.position) ? " (seen)" : ""}${accepts(anchor, flip.value) ? "" : ` (${against} rejects it)`}`;
    accepted.set(key, (accepted.get(key) ?? 0) + 1);
  }
  for (const [flip, n] of [...accepted].sort((a, b) => b[1] - a[1])) console.log(`  accepted flip ${n}× ${flip}`);
}

if (values.causes && causeTotals.size > 0) {
  console.log(`\nrejected instances of ${tool} (${mode}) by the kinds of check they fail:`);
  for (const [kinds, n] of [...causeTotals].sort((a, b) => b[1] - a[1])) console.log(`  ${n} ${kinds}`);
}
