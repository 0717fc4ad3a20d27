/** Newman equivalence (see harness.ts); split over two files so both workers run collections. */
import { afterAll, beforeAll, describe, it } from "vitest";
import { startCaptureServer, type CaptureServer } from "./capture.js";
import { expectEquivalence } from "./expect-collection.js";

let server: CaptureServer;
beforeAll(async () => {
  server = await startCaptureServer();
});
afterAll(() => server.close());

describe("Newman and the generated client send the same requests", () => {
  for (const name of ["features", "postman-echo", "twitter-api-v2", "postman-api", "oci-core-services", "wise-cards-api"] as const) {
    it(name, () => expectEquivalence(name, server), 120_000);
  }
});
