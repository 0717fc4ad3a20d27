import { scoreApi } from "./score-api.js";
const r = await scoreApi(process.argv[2]!, ["examples", "placeholders"], "/tmp/fx/work");
const summary: any = { ...r, modes: {} };
for (const [m, mr] of Object.entries(r.modes)) {
  const agg: any = {};
  for (const tool of ["pmgen", "quicktype", "postman2openapi"]) {
    let w = 0, rec = 0, pw = 0, prec = 0, sw = 0, sp = 0;
    for (const u of mr!.units) { const t = (u.tools as any)[tool]; w += u.instances; rec += t.accepted; if (u.flips) { pw += u.flips; prec += t.rejected; } if (u.seenFlips) { sw += u.seenFlips; sp += t.seenRejected; } }
    agg[tool] = { recall: (rec / w).toFixed(3), prec: (prec / pw).toFixed(3), seen: (sp / sw).toFixed(3) };
  }
  let cases = 0, agree = 0; for (const u of mr!.units) if (u.ts) { cases += u.ts.instances + u.ts.flips; agree += u.ts.agree; }
  summary.modes[m] = { units: mr!.units.length, notIn: mr!.notInCollection.length, errors: mr!.toolErrors, tsError: mr!.tsError, ms: mr!.ms, agg, ts: `${agree}/${cases}` };
}
delete summary.excluded;
console.log(JSON.stringify(summary, null, 1), r.excluded.slice(0, 5));
