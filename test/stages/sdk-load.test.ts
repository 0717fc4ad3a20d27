import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { FIXTURES, ROOT } from "../support.js";

/**
 * Generates github-v3 in memory and lists the SDK modules Node loaded meanwhile; in a fresh
 * process, since a test worker's module cache is shared with other test files.
 */
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
});
