/**
 * Per-case diagnosis of pmgen on the `example` protocol: every held-out failure (validator
 * errors: position and value) and every accepted type-flip mutation (position, value, and what
 * the training bodies held there):
 *
 *   node --import tsx bench/inference/diagnose.ts test/fixtures/collections/<file>
 */
import { createRequire } from "node:module";
import { readCollection } from "./read-collection.js";
import { pmgenSchema } from "./tools.js";
import { at, flipLeaf, leaves, pick, rng, type Json, type Path } from "./score.js";

const require = createRequire(import.meta.url);
const Ajv2020 = require("ajv/dist/2020").default as new (options: object) => {
  compile(schema: unknown): ((value: unknown) => boolean) & { errors?: { instancePath: string; keyword: string; message?: string; params?: unknown }[] | null };
  removeSchema(schema: unknown): void;
};
const addFormats = require("ajv-formats").default as (ajv: unknown) => void;
const ajv = new Ajv2020({ strict: false, logger: false, allErrors: true });
addFormats(ajv);

const short = (value: unknown) => {
  const text = JSON.stringify(value) ?? "undefined";
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
};

/** Values at `path` in the training bodies, with array indexes generalised to any element. */
function valuesAt(bodies: Json[], path: Path): Json[] {
  let current: Json[] = bodies;
  for (const step of path) {
    const next: Json[] = [];
    for (const node of current) {
      if (typeof step === "number" && Array.isArray(node)) next.push(...node);
      else if (node !== null && typeof node === "object" && !Array.isArray(node) && typeof step === "string" && step in node) next.push(node[step]!);
    }
    current = next;
  }
  return current;
}

const collection = readCollection(process.argv[2]!);
for (const unit of collection.units) {
  const examples = unit.examples.map((i) => unit.item.response![i]!);
  if (examples.length < 2) continue;
  examples.forEach((heldOutResponse, h) => {
    const rest = examples.filter((_, i) => i !== h);
    const { schema } = pmgenSchema({ bodies: rest.map((r) => r.body!), item: unit.item, status: unit.status, collection: collection.json });
    const validate = ajv.compile(schema);
    ajv.removeSchema(schema);
    const heldOut = JSON.parse(heldOutResponse.body!) as Json;
    const training = rest.map((r) => JSON.parse(r.body!) as Json);
    if (!validate(heldOut)) {
      for (const error of validate.errors ?? []) {
        if (error.keyword === "anyOf" || error.keyword === "if") continue;
        console.log(`FAIL ${unit.id} [${h}/${examples.length}] ${error.instancePath || "/"} ${error.message ?? ""}`);
      }
    }
    const random = rng(`${unit.id}#${h}`);
    for (const path of pick(leaves(heldOut), 3, random)) {
      if (validate(flipLeaf(heldOut, path))) {
        const generic = path.map((s) => (typeof s === "number" ? "[]" : s)).join(".");
        const seen = valuesAt(training, path.map((s) => (typeof s === "number" ? 0 : s)));
        const seenAll = valuesAt(training, path);
        void seen;
        console.log(`MUT-ACCEPTED ${unit.id} [${h}] ${generic} = ${short(at(heldOut, path))}; training: ${short(seenAll.slice(0, 4))} (${seenAll.length})`);
      }
    }
  });
}
