/**
 * Why pmgen's schema rejects held-out examples (the acceptance failures of the `example`
 * protocol), grouped by validator error:
 *
 *   node --import tsx bench/inference/explain.ts test/fixtures/collections/<file> [--each]
 */
import { createRequire } from "node:module";
import { readCollection } from "./read-collection.js";
import { pmgenSchema } from "./tools.js";

const require = createRequire(import.meta.url);
const Ajv2020 = require("ajv/dist/2020").default as new (options: object) => {
  compile(schema: unknown): ((value: unknown) => boolean) & { errors?: { instancePath: string; keyword: string; message?: string }[] | null };
  removeSchema(schema: unknown): void;
};
const addFormats = require("ajv-formats").default as (ajv: unknown) => void;

const ajv = new Ajv2020({ strict: false, logger: false, allErrors: true });
addFormats(ajv);
const [file, each] = process.argv.slice(2);
const collection = readCollection(file!);
const counts = new Map<string, number>();
for (const unit of collection.units) {
  const examples = unit.examples.map((i) => unit.item.response![i]!);
  if (examples.length < 2) continue;
  examples.forEach((heldOut, h) => {
    const rest = examples.filter((_, i) => i !== h);
    const { schema } = pmgenSchema({ bodies: rest.map((r) => r.body!), item: unit.item, status: unit.status, collection: collection.json });
    const validate = ajv.compile(schema);
    ajv.removeSchema(schema);
    if (validate(JSON.parse(heldOut.body!))) return;
    for (const error of validate.errors ?? []) {
      const key = `${error.keyword}: ${error.message ?? ""}`.replace(/'[^']*'/g, "'…'");
      counts.set(key, (counts.get(key) ?? 0) + 1);
      if (each) console.log(`${unit.id} [${h}] ${error.instancePath || "/"} ${error.message ?? ""}`);
    }
  });
}
for (const [key, count] of [...counts].sort((a, b) => b[1] - a[1])) console.log(String(count).padStart(5), key);
