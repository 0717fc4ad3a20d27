import { loadSpec, specUnits } from "./spec-units.js";
import { jsonSchemaDocument } from "./openapi-schemas.js";
import { fakerSchema, makeInstances } from "./instances.js";
import { createRequire } from "node:module";
const require = createRequire("/work/wt-fidelity/package.json");
const Ajv2020 = require("ajv/dist/2020").default;
const addFormats = require("ajv-formats").default;
const key = process.argv[2]!;
const verbose = process.argv[3] === "-v";
const spec = loadSpec(key);
const units = specUnits(spec);
const t0 = Date.now();
let ok = 0, bad = 0, errs = 0, shown = 0;
for (const role of ["request", "response"] as const) {
  const ru = units.filter(u => u.role === role);
  const { document: doc, refOf } = jsonSchemaDocument(spec, ru.map(u => u.pointer), role) as any;
  const ajv = new Ajv2020({ strict: false, logger: false, unicodeRegExp: false, validateSchema: false });
  addFormats(ajv);
  ajv.addSchema(doc, "truth");
  for (const u of ru) {
    let validate;
    try { validate = ajv.compile({ $ref: "truth" + refOf.get(u.pointer) }); } catch (e) { console.log("COMPILE", u.id, String(e).slice(0, 200)); continue; }
    const r = makeInstances(fakerSchema(doc, refOf.get(u.pointer), "x"), 4, `${key}|${u.id}`, (x) => { const v = validate(x); if (!v && bad < 8) console.log("INVALID", u.id, JSON.stringify(validate.errors?.slice(0,2)), JSON.stringify(x).slice(0, 300)); return v; });
    errs += r.failed; if (r.failed) console.log("GEN", u.id, r.firstError);
    ok += r.instances.length; bad += r.discarded; if (r.instances.length < 4) console.log("SHORT", u.id, r.instances.length);
    if (verbose && shown++ < 4) console.log("EX", u.id, JSON.stringify(r.instances[0]).slice(0, 800));
  }
}
console.log(key, { units: units.length, ok, bad, errs, ms: Date.now() - t0 });
