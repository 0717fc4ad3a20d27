import { describe, expect, it } from "vitest";
import { createMockFetch, createRuntimeClient, type MockFixture } from "../../templates/runtime/index.js";
import { op } from "./helpers/spec.js";

const fixtures: MockFixture[] = [
  { operation: "getBackup", method: "GET", path: "/volumeBackups/:volumeBackupId", status: 200, headers: { "content-type": "application/json", "opc-request-id": "r1" }, body: { id: "any" } },
  { operation: "getLatest", method: "GET", path: "/volumeBackups/latest", status: 200, headers: {}, body: { id: "latest" } },
  { operation: "listBackups", method: "GET", path: "/volumeBackups", query: { lifecycleState: "AVAILABLE" }, status: 200, headers: {}, body: [{ id: "available" }] },
  { operation: "listBackups", method: "GET", path: "/volumeBackups", query: { lifecycleState: "FAULTY" }, status: 200, headers: {}, body: [{ id: "faulty" }] },
  { operation: "createBackup", method: "POST", path: "/volumeBackups", requestBody: { volumeId: "v1", displayName: "a" }, status: 200, headers: {}, body: { id: "created-a" } },
  { operation: "createBackup", method: "POST", path: "/volumeBackups", requestBody: { volumeId: "v1", displayName: "b" }, status: 409, headers: {}, body: { code: "Conflict" } },
  { operation: "deleteBackup", method: "DELETE", path: "/volumeBackups/:volumeBackupId", status: 204, headers: {}, body: undefined },
  { operation: "getText", method: "GET", path: "/{{tenant}}/notes", status: 200, headers: { "content-type": "text/plain" }, body: "plain note" },
  { operation: "getCall", method: "GET", path: "/Calls/:Sid.json", status: 200, headers: {}, body: { format: "json" } },
  { operation: "getCallXml", method: "GET", path: "/Calls/:Sid.xml", status: 200, headers: {}, body: "<xml/>" },
];

const client = createRuntimeClient({ variables: { baseUrl: "https://iaas.example.com/20160918" } }, { fetch: createMockFetch(fixtures), retry: false });
const list = op({ path: "/volumeBackups", query: [{ key: "lifecycleState", kind: "caller", required: false }] });
const create = op({ method: "POST", path: "/volumeBackups", body: { mode: "raw", language: "json" } });

describe("createMockFetch", () => {
  it("matches method and path template under a base path, with the most literal path winning", async () => {
    const res = await client.send(op({ path: "/volumeBackups/:id" }), { path: { id: "ocid1.x" } });
    expect([res.status, res.body, res.requestId]).toEqual([200, { id: "any" }, "r1"]);
    expect((await client.send(op({ path: "/volumeBackups/latest" }), undefined)).body).toEqual({ id: "latest" });
  });

  it("matches a path variable inside a segment by its suffix", async () => {
    const call = (suffix: string) => op({ path: `/Calls/:Sid${suffix}` });
    expect((await client.send(call(".json"), { path: { Sid: "CA1" } })).body).toEqual({ format: "json" });
    expect((await client.send(call(".xml"), { path: { Sid: "CA1" } })).body).toBe("<xml/>");
    expect((await client.send(call(".csv"), { path: { Sid: "CA1" } })).status).toBe(501);
  });

  it("picks the fixture whose query matches", async () => {
    expect((await client.send(list, { query: { lifecycleState: "FAULTY" } })).body).toEqual([{ id: "faulty" }]);
    expect((await client.send(list, { query: { lifecycleState: "AVAILABLE" } })).body).toEqual([{ id: "available" }]);
  });

  it("picks the fixture whose JSON body matches best", async () => {
    const b = await client.send(create, { body: { volumeId: "v1", displayName: "b" } });
    expect([b.status, b.body]).toEqual([409, { code: "Conflict" }]);
    const a = await client.send(create, { body: { displayName: "a", volumeId: "v1", extra: true } });
    expect(a.body).toEqual({ id: "created-a" });
  });

  it("answers no-body statuses and text bodies", async () => {
    const res = await client.send(op({ method: "DELETE", path: "/volumeBackups/:id" }), { path: { id: "x" } });
    expect([res.status, res.body]).toEqual([204, undefined]);
    expect((await client.send(op({ path: "/acme/notes" }), undefined)).body).toBe("plain note");
  });

  it("answers 501 with a helpful JSON message when nothing matches", async () => {
    const res = await client.send(op({ method: "PATCH", path: "/volumeBackups/:id" }), { path: { id: "x" } });
    expect(res.status).toBe(501);
    expect(res.body).toMatchObject({
      error: "No mock fixture matches this request",
      request: { method: "PATCH", path: "/20160918/volumeBackups/x" },
    });
    expect((res.body as { fixtures: unknown[] }).fixtures).toHaveLength(fixtures.length);
  });
});
