/**
 * Newman equivalence (see harness.ts) with Postman environments: Newman runs with the
 * environment file (`-e`), the client with the generated preset (`environments.<name>`) and
 * only the variables the preset cannot give (secrets, the harness's overrides).
 */
import { afterAll, beforeAll, describe, it } from "vitest";
import { startCaptureServer, type CaptureServer } from "./capture.js";
import { expectEquivalence } from "./expect-collection.js";

let server: CaptureServer;
beforeAll(async () => {
  server = await startCaptureServer();
});
afterAll(() => server.close());

describe("Newman -e and createClient({ environment }) send the same requests", () => {
  it("features @ staging", () => expectEquivalence("features", server, "staging"), 120_000);
  it("microsoft-graph @ default", () => expectEquivalence("microsoft-graph", server, "default"), 180_000);
  it("bagisto-graphql @ requestParams", () => expectEquivalence("bagisto-graphql", server, "requestParams"), 180_000);
});
