/**
 * Newman equivalence (see harness.ts) for GraphQL collections of the corpus: the client sends
 * each item's query and variables, `{{variables}}` resolved from its own, without being asked.
 */
import { afterAll, beforeAll, describe, it } from "vitest";
import { startCaptureServer, type CaptureServer } from "./capture.js";
import { expectEquivalence } from "./expect-collection.js";

let server: CaptureServer;
beforeAll(async () => {
  server = await startCaptureServer();
});
afterAll(() => server.close());

describe("Newman and the generated client send the same GraphQL requests", () => {
  for (const name of ["contentstack-graphql", "layer7-graphman"] as const) {
    it(name, () => expectEquivalence(name, server), 180_000);
  }
});
