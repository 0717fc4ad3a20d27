/**
 * Inference bench: pmgen vs quicktype-core vs postman2openapi on held-out Postman examples.
 *
 *   npm run bench:install && node --import tsx bench/inference/run.ts [collection-name-filter]
 *
 * Two held-out protocols, both scored by acceptance (the held-out body validates against the
 * schema inferred without it) and rejection (that body with one leaf's JSON type flipped must
 * not validate; 3 seeded mutations per held-out body):
 *
 * - example: per operation+status with >= 2 JSON example bodies, infer from all but one.
 * - element: per example body, remove one element of an array with >= 2 elements (up to 2
 *   seeded choices per body), infer from the bodies with it removed, hold out the whole body
 *   and mutate leaves inside the removed element. Collections like github-v3 have one example
 *   per status, so this is the protocol that measures them.
 *
 * Writes a markdown table to stdout and bench/inference/results.md.
 */
import { readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { discoverCollections } from "../../generator/load/discover.js";
import { loadCollection } from "../../generator/load/load-collection.js";
import { buildCollectionIR } from "../../generator/model/build.js";
import { collectTypeRequests } from "../../generator/infer/requests.js";
import { declarationSource } from "../../generator/emit/graph-types.js";
import { inferTypes } from "../../generator/infer/index.js";
import { readCollection, type RawResponse, type Unit } from "./read-collection.js";
import { arrays, compile, emptyScore, flipLeaf, leaves, pick, rates, rng, withoutElement, type Json, type Path, type Score } from "./score.js";
import { itemWith, pmgenSchema, postman2openapiSchema, quicktypeSchema, type SchemaDoc, type Training } from "./tools.js";

const ROOT = new URL("../..", import.meta.url).pathname;
const FIXTURES = join(ROOT, "test/fixtures/collections");
const MUTATIONS_PER_BODY = 3;
const ELEMENTS_PER_BODY = 2;
const TOOLS = ["pmgen", "quicktype", "postman2openapi"] as const;
type Tool = (typeof TOOLS)[number];

interface Case {
  training: Training;
  heldOut: Json;
  mutationLeaves: Path[];
}

type Scores = Record<Tool, Score>;

async function schemaFor(tool: Tool, training: Training): Promise<SchemaDoc> {
  if (tool === "pmgen") return pmgenSchema(training).schema;
  if (tool === "quicktype") return quicktypeSchema(training);
  return postman2openapiSchema(training);
}

async function scoreCase(scores: Scores, testCase: Case): Promise<void> {
  for (const tool of TOOLS) {
    const score = scores[tool];
    let validate: ((value: Json) => boolean) | undefined;
    try {
      validate = compile(await schemaFor(tool, testCase.training), tool === "pmgen" ? "2020" : "07");
    } catch {
      validate = undefined;
    }
    // A tool that fails says nothing about the body: it accepts everything and rejects nothing.
    if (validate === undefined) {
      score.failures++;
      validate = () => true;
    }
    score.heldOut++;
    if (validate(testCase.heldOut)) score.accepted++;
    for (const path of testCase.mutationLeaves) {
      score.mutations++;
      if (!validate(flipLeaf(testCase.heldOut, path))) score.rejected++;
    }
  }
}

function bodiesOf(unit: Unit): RawResponse[] {
  return unit.examples.map((i) => unit.item.response![i]!);
}

function* exampleCases(unit: Unit, collection: Training["collection"]): Generator<Case> {
  const examples = bodiesOf(unit);
  if (examples.length < 2) return;
  for (let h = 0; h < examples.length; h++) {
    const rest = examples.filter((_, i) => i !== h);
    const heldOut = JSON.parse(examples[h]!.body!) as Json;
    const random = rng(`${unit.id}#${h}`);
    yield {
      training: { bodies: rest.map((r) => r.body!), item: itemWith(unit.item, rest), status: unit.status, collection },
      heldOut,
      mutationLeaves: pick(leaves(heldOut), MUTATIONS_PER_BODY, random),
    };
  }
}

function* elementCases(unit: Unit, collection: Training["collection"]): Generator<Case> {
  const examples = bodiesOf(unit);
  for (let e = 0; e < examples.length; e++) {
    const body = JSON.parse(examples[e]!.body!) as Json;
    const random = rng(`${unit.id}#${e}`);
    const choices = pick(arrays(body), ELEMENTS_PER_BODY, random);
    for (const arrayPath of choices) {
      const length = (arrays(body).length, (at(body, arrayPath) as Json[]).length);
      const elementPath = [...arrayPath, Math.floor(random() * length)];
      const reduced = JSON.stringify(withoutElement(body, elementPath));
      const responses = examples.map((r, i) => (i === e ? { ...r, body: reduced } : r));
      yield {
        training: { bodies: responses.map((r) => r.body!), item: itemWith(unit.item, responses), status: unit.status, collection },
        heldOut: body,
        mutationLeaves: pick(leaves(body, elementPath), MUTATIONS_PER_BODY, random),
      };
    }
  }
}

function at(value: Json, path: Path): Json {
  let node = value;
  for (const step of path) node = (node as Record<string | number, Json>)[step]!;
  return node;
}

/** `any` and empty interfaces in the TypeScript pmgen generates for the whole collection. */
function tsQuality(file: string): { declarations: number; any: number; emptyInterfaces: number; ms: number } {
  const [source] = discoverCollections([file], ROOT);
  const { ir } = buildCollectionIR(loadCollection(source!, ROOT));
  const requests = collectTypeRequests(ir);
  const started = performance.now();
  const result = inferTypes(requests);
  const ms = performance.now() - started;
  const code = result.declarations
    .map(declarationSource)
    .join("\n")
    .replace(/\/\*[\s\S]*?\*\//g, "")
    .replace(/"(?:[^"\\]|\\.)*"/g, '""');
  return {
    declarations: result.declarations.length,
    any: (code.match(/\bany\b/g) ?? []).length,
    emptyInterfaces: (code.match(/interface \w+ \{\s*\}/g) ?? []).length,
    ms,
  };
}

const percent = (x: number) => (Number.isNaN(x) ? "n/a" : `${(100 * x).toFixed(1)}%`);

async function main(): Promise<void> {
  const filter = process.argv[2];
  const files = readdirSync(FIXTURES)
    .filter((f) => f.endsWith(".json") && (filter === undefined || f.includes(filter)))
    .sort();
  const rows: string[] = [];
  const quality: string[] = [];
  for (const file of files) {
    const collection = readCollection(join(FIXTURES, file));
    const name = file.replace(/\.postman_collection\.json$/, "");
    const q = tsQuality(join("test/fixtures/collections", file));
    quality.push(`| ${name} | ${q.declarations} | ${q.any} | ${q.emptyInterfaces} | ${q.ms.toFixed(0)} ms |`);
    for (const mode of ["example", "element"] as const) {
      const scores: Scores = { pmgen: emptyScore(), quicktype: emptyScore(), postman2openapi: emptyScore() };
      let units = 0;
      for (const unit of collection.units) {
        let used = false;
        const cases = mode === "example" ? exampleCases(unit, collection.json) : elementCases(unit, collection.json);
        for (const testCase of cases) {
          used = true;
          await scoreCase(scores, testCase);
        }
        if (used) units++;
      }
      if (units === 0) continue;
      const cells = TOOLS.map((tool) => {
        const r = rates(scores[tool]);
        const failures = scores[tool].failures > 0 ? ` (${scores[tool].failures} failed)` : "";
        return `${percent(r.acceptance)} | ${percent(r.rejection)} | **${percent(r.harmonic)}**${failures}`;
      });
      rows.push(`| ${name} | ${mode} | ${units} | ${scores.pmgen.heldOut} | ${scores.pmgen.mutations} | ${cells.join(" | ")} |`);
      process.stderr.write(`${name} ${mode}: done\n`);
    }
  }
  const markdown = [
    "# Inference bench",
    "",
    "Held-out acceptance (acc), mutation rejection (rej) and their harmonic mean (H) per collection.",
    "`example`: leave one example body out per operation+status with at least 2 JSON examples.",
    "`element`: leave one array element out of an example body (2 seeded per body).",
    `${MUTATIONS_PER_BODY} seeded type-flip mutations per held-out body. Collections without JSON examples are not listed.`,
    "",
    "| collection | protocol | units | held-out | mutations | pmgen acc | pmgen rej | pmgen H | quicktype acc | quicktype rej | quicktype H | postman2openapi acc | postman2openapi rej | postman2openapi H |",
    "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ...rows,
    "",
    "## TypeScript output (whole collection through load → model → infer)",
    "",
    "| collection | declarations | `any` | empty interfaces | inferTypes time |",
    "|---|---:|---:|---:|---:|",
    ...quality,
    "",
  ].join("\n");
  process.stdout.write(markdown);
  if (filter === undefined) writeFileSync(join(ROOT, "bench/inference/results.md"), markdown);
}

await main();
