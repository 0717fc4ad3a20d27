/**
 * Code that uses a generated client can be tested with no server: `createMockFetch` answers
 * with the collection's saved examples (the generated fixtures).
 */
import { describe, expect, it } from "vitest";
import { createClient, createMockFetch } from "../../generated/oci-core-services/index.js";
import { fixtures } from "../../generated/oci-core-services/fixtures/index.js";
import { createVolumeBackupExamples } from "../../generated/oci-core-services/fixtures/createVolumeBackup.js";

describe("generated fixtures as mocks", () => {
  const body = { volumeId: "dolore", definedTags: {}, displayName: "fugiat tempor quis", freeformTags: {}, type: "INCREMENTAL" };

  it("answers a generated client with the saved example of the operation", async () => {
    const api = createClient({ fetch: createMockFetch(fixtures), sign: (request) => request, retry: false });
    const res = await api.createVolumeBackup({ body });
    expect(res.status).toBe(200);
    if (res.status !== 200) throw new Error("unreachable");
    expect(res.body.lifecycleState).toBe("CREATING");
    expect(res.headers.get("opc-request-id")).toBe("officia sed");
  });

  it("lets a test pick one example, e.g. to exercise error handling", async () => {
    const conflict = createVolumeBackupExamples.filter((f) => f.status === 409);
    const api = createClient({ fetch: createMockFetch(conflict), sign: (request) => request, retry: false });
    const res = await api.createVolumeBackup({ body });
    expect(res.status).toBe(409);
    if (res.status === 409) expect(res.body).toEqual({ code: "et exercitation Excepteur", message: "irure sit" });
  });

  it("still needs credentials for the operation's auth", async () => {
    const api = createClient({ fetch: createMockFetch(fixtures), retry: false });
    await expect(api.createVolumeBackup({ body })).rejects.toThrow(/oci/i);
  });

  it("answers 501 with an explanation when nothing matches", async () => {
    const mock = createMockFetch(fixtures);
    const res = await mock("https://iaas.us-ashburn-1.oraclecloud.com/20160918/instances", { method: "GET" });
    expect(res.status).toBe(501);
    expect(await res.text()).toMatch(/volumeBackups/);
  });
});
