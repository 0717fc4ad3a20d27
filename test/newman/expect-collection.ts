/**
 * The assertion every collection gets: the items whose Newman and client requests differ are
 * exactly the ones `EXCEPTIONS.md` lists for it, so a newly fixed item and a new failure both fail.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { expect } from "vitest";
import type { CaptureServer } from "./capture.js";
import { REPO, runCollection, type CollectionRun, type ItemResult } from "./harness.js";

export const COLLECTIONS = {
  features: "test/newman/features.postman_collection.json",
  "postman-echo": "test/fixtures/collections/postman-echo.postman_collection.json",
  "twitter-api-v2": "test/fixtures/collections/twitter-api-v2.postman_collection.json",
  "postman-api": "test/fixtures/collections/postman-api.postman_collection.json",
  pdfco: "test/fixtures/collections/pdfco.postman_collection.json",
  "paypal-partner-apis-v2-0": "test/fixtures/collections/paypal-partner-apis.v2.0.postman_collection.json",
  "wise-cards-api": "test/fixtures/collections/wise-cards-api.postman_collection.json",
  "oci-core-services": "collections/oci-core-services",
  "contentstack-graphql": "test/fixtures/corpus/contentstack-graphql.postman_collection.json",
  "layer7-graphman": "test/fixtures/corpus/layer7-graphman.postman_collection.json",
  "microsoft-graph": "test/fixtures/corpus/microsoft-graph.postman_collection.json",
  "bagisto-graphql": "test/fixtures/corpus/bagisto-graphql.postman_collection.json",
} as const;

/** `| collection | item | differs in | reason |` rows of EXCEPTIONS.md: item → the parts that differ. */
export function listedExceptions(): Map<string, Map<string, string>> {
  const text = readFileSync(join(REPO, "test/newman/EXCEPTIONS.md"), "utf8");
  const byCollection = new Map<string, Map<string, string>>();
  for (const line of text.split("\n")) {
    const [, collection = "", itemCell = "", parts = ""] = line.split("|").map((c) => c.trim());
    // `name @ environment`: a run with one of the collection's environments.
    if (!(collection.split(" @ ")[0]! in COLLECTIONS)) continue;
    // The item is a code span: `path`, or `` path `` when the path holds a backtick.
    const item = itemCell.replace(/^`+ ?/, "").replace(/ ?`+$/, "");
    const items = byCollection.get(collection) ?? new Map<string, string>();
    items.set(item, parts);
    byCollection.set(collection, items);
  }
  return byCollection;
}

export async function expectEquivalence(name: keyof typeof COLLECTIONS, server: CaptureServer, environment?: string): Promise<CollectionRun> {
  const run = await runCollection(COLLECTIONS[name], server, environment === undefined ? {} : { environment });
  expect(run.name).toBe(name);
  expect(run.results.length).toBeGreaterThan(0);
  const label = environment === undefined ? name : `${name} @ ${environment}`;
  const listed = listedExceptions().get(label) ?? new Map<string, string>();
  // A `*` row: a part every item differs in (a collection-level script adds a header). Every
  // item must differ in it, and it is then left out, so any other difference still counts.
  const everywhere = listed.get("*");
  if (everywhere !== undefined) {
    listed.delete("*");
    const parts = new Set(everywhere.split(", "));
    for (const result of run.results) {
      expect([...parts].filter((part) => !result.differences.some((d) => d.part === part)), `${result.itemPath} should differ in ${everywhere}`).toEqual([]);
      result.differences = result.differences.filter((d) => !parts.has(d.part));
    }
  }
  const failing = run.results.filter((r) => r.differences.length > 0);
  const partsOf = (r: ItemResult) => [...new Set(r.differences.map((d) => d.part))].sort().join(", ");
  const report = failing
    .filter((r) => listed.get(r.itemPath) !== partsOf(r))
    .map((r) => `${r.itemPath}${r.clientError ? ` (${r.clientError})` : ""}\n${r.differences.map((d) => `  ${d.part}: newman=${JSON.stringify(d.newman).slice(0, 300)} client=${JSON.stringify(d.client).slice(0, 300)}`).join("\n")}`)
    .join("\n");
  // Each differing item with the parts it differs in, exactly as listed: no more, no fewer.
  const actual = Object.fromEntries(failing.map((r) => [r.itemPath, partsOf(r)]));
  expect(actual, `differences not as EXCEPTIONS.md lists them:\n${report}`).toEqual(Object.fromEntries(listed));
  console.log(`${label}: ${run.results.length - failing.length}/${run.results.length} items match Newman`);
  return run;
}
