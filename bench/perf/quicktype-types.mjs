/**
 * Baseline for bench/perf: quicktype-core inferring TypeScript types (`just-types`) from the
 * same JSON bodies pmgen types: each request's body and each saved example's response body,
 * grouped per item, role and status like pmgen's type requests. One quicktype run over all
 * groups (so it can share types across them, as pmgen does). Writes one types file.
 *
 *   node bench/perf/quicktype-types.mjs <collection.json> <out.ts>
 */
import { readFileSync, writeFileSync } from "node:fs";
import { InputData, jsonInputForTargetLanguage, quicktype } from "quicktype-core";

const [file, out] = process.argv.slice(2);
if (!file || !out) throw new Error("usage: quicktype-types.ts <collection.json> <out.ts>");
const collection = JSON.parse(readFileSync(file, "utf8")) ;

const groups = new Map();
const add = (name, text) => {
  if (!text?.trim()) return;
  try {
    JSON.parse(text);
  } catch {
    return; // quicktype needs strict JSON; pmgen's lenient parser accepts more, so pmgen types a superset
  }
  groups.set(name, [...(groups.get(name) ?? []), text]);
};
let index = 0;
const walk = (items) => {
  for (const item of items) {
    if (item.item) {
      walk(item.item);
      continue;
    }
    const id = `Op${index++} ${item.name ?? ""}`;
    if (item.request?.body?.mode === "raw") add(`${id} Request`, item.request.body.raw);
    for (const response of item.response ?? []) add(`${id} Response ${response.code ?? 0}`, response.body);
  }
};
walk(collection.item);

const input = jsonInputForTargetLanguage("typescript");
let samples = 0;
for (const [name, texts] of groups) {
  samples += texts.length;
  await input.addSource({ name, samples: texts });
}
const inputData = new InputData();
inputData.addInput(input);
const result = await quicktype({ inputData, lang: "typescript", rendererOptions: { "just-types": "true" } });
writeFileSync(out, result.lines.join("\n"));
process.stderr.write(`quicktype: ${groups.size} roots, ${samples} samples, ${result.lines.length} lines\n`);
