import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { FIXTURES, ROOT } from "../support.js";

/**
 * Run in a fresh process: the check is about which modules Node loads, and a test worker's
 * module cache is shared with other test files.
 */
const SCRIPT = `
import { createRequire } from "node:module";
import { postmanSdk } from ${JSON.stringify(join(ROOT, "generator/load/sdk.ts"))};
const sdk = postmanSdk();
const require = createRequire(import.meta.url);
const fakerModules = () => Object.keys(require.cache).filter((path) => path.includes("@faker-js")).length;
const collection = new sdk.Collection({ info: { name: "c" }, item: [{ name: "i", request: { url: "https://example.com/{{$randomUUID}}", method: "GET" } }] });
const before = fakerModules();
const city = new sdk.VariableScope({}).replaceIn("{{$randomCity}}");
const words = new sdk.VariableScope({}).replaceIn("{{$randomLoremWords}}");
console.log(JSON.stringify({ items: collection.items.count(), before, after: fakerModules(), city, words }));
`;

/** Generates github-v3 in memory and lists the SDK modules Node loaded meanwhile. */
const GENERATE = `
import { createRequire } from "node:module";
import { runPipeline } from ${JSON.stringify(join(ROOT, "generator/pipeline.ts"))};
const require = createRequire(import.meta.url);
const [result] = runPipeline({ inputs: [${JSON.stringify(join(FIXTURES, "github-v3.postman_collection.json"))}], cwd: ${JSON.stringify(ROOT)} });
const sdkModules = Object.keys(require.cache).filter((path) => path.includes("postman-collection")).length;
console.log(JSON.stringify({ operations: result.ir.operations.length, sdkModules }));
`;

describe("loading the postman-collection SDK", () => {
  it("is not needed at all for a collection in Postman's canonical export form", () => {
    const result = spawnSync(process.execPath, ["--import", "tsx", "--input-type=module", "-e", GENERATE], { cwd: ROOT, encoding: "utf8" });
    expect(result.stderr).toBe("");
    const report = JSON.parse(result.stdout) as { operations: number; sdkModules: number };
    expect(report.operations).toBe(623);
    expect(report.sdkModules).toBe(0);
  });

  it("does not load faker until a dynamic variable is resolved, and then resolves it", () => {
    const result = spawnSync(process.execPath, ["--import", "tsx", "--input-type=module", "-e", SCRIPT], { cwd: ROOT, encoding: "utf8" });
    expect(result.stderr).toBe("");
    const report = JSON.parse(result.stdout) as { items: number; before: number; after: number; city: string; words: string };
    expect(report.items).toBe(1);
    // Only the stand-in is registered while the SDK loads and builds a collection.
    expect(report.before).toBe(1);
    expect(report.after).toBeGreaterThan(10);
    expect(report.city).toMatch(/^[A-Z][A-Za-z .'-]+$/);
    expect(report.words.split(" ").length).toBeGreaterThanOrEqual(2);
  });
});
