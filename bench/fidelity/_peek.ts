import { scoreApi } from "./score-api.js";
const r = await scoreApi(process.argv[2]!, [process.argv[3] as any], "/tmp/fx/work");
for (const u of r.modes[process.argv[3] as "examples"]!.units) {
  const t = u.tools as any;
  console.log(u.id.padEnd(60), "inst", u.instances, "flips", u.flips, "seen", u.seenFlips, "samples", u.samples, ["pmgen","quicktype","postman2openapi"].map(k => `${k[0]}:${t[k].outcome[0]} ${t[k].accepted}/${t[k].rejected}`).join("  "), u.ts ? `ts ${u.ts.agree}/${u.ts.instances + u.ts.flips}` : u.tsError);
}
