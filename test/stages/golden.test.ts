/**
 * Golden test: generating the OCI seed reproduces the committed generated/oci-core-services
 * byte for byte, and twice in a row gives identical output.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runPipeline } from "../../generator/pipeline.js";
import { OCI_FOLDER, readTree, ROOT } from "../support.js";

const GOLDEN = join(ROOT, "generated/oci-core-services");


describe("golden output of the OCI seed", () => {
  const [first] = runPipeline({ inputs: [OCI_FOLDER], cwd: ROOT });
  const [second] = runPipeline({ inputs: [OCI_FOLDER], cwd: ROOT });

  it("has exactly the committed files", () => {
    expect([...first!.files.keys()].sort()).toEqual(Object.keys(readTree(GOLDEN)).sort());
  });

  it("matches every committed file byte for byte", () => {
    for (const [path, content] of first!.files) expect(content, path).toBe(readFileSync(join(GOLDEN, path), "utf8"));
  });

  it("is deterministic", () => {
    expect([...second!.files]).toEqual([...first!.files]);
  });

  it("declares the client contract", () => {
    const index = first!.files.get("index.ts")!;
    // No variable is required (every one the URL uses has a default): createClient() takes nothing,
    // or options with an environment that gives some of them.
    expect(index).toContain("export function createClient(): ApiClient;");
    expect(index).toContain("export function createClient<E extends Environment = {}>(options: ClientOptions<E>): ApiClient;");
    expect(index).toMatch(/region\?: string;/);
    const operation = first!.files.get("operations/createVolumeBackup.ts")!;
    expect(operation).toMatch(/\| ApiResponse<200, CreateVolumeBackupResponse200, "content-type" \| "etag" \| "opc-request-id">/);
    expect(operation).toMatch(/\| UndocumentedResponse<200 \| 400 \| 401 \| 404 \| 409 \| 500>;/);
    expect(operation).toMatch(/"opc-retry-token"\?: string;/);
    expect(operation).not.toMatch(/\bany\b/);
    expect(first!.files.get("types.ts")).toMatch(/export interface ErrorResponse \{/);
  });
});
