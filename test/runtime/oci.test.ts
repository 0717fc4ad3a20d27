import { generateKeyPairSync } from "node:crypto";
import { DefaultRequestSigner, SimpleAuthenticationDetailsProvider } from "oci-common";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createRuntimeClient, PrivateKeyError, type OciCredentials } from "../../templates/runtime/index.js";
import type { OperationSpec } from "../../templates/runtime/spec.js";
import { verifyOciRequest } from "./helpers/oci-verify.js";
import { startServer, type TestServer } from "./helpers/server.js";
import { last, op } from "./helpers/spec.js";
import { ALL_AUTH_SCHEMES } from "../../templates/runtime/auth/all.js";

const pair = generateKeyPairSync("rsa", { modulusLength: 2048 });
const publicKey = pair.publicKey;
const pkcs1 = pair.privateKey.export({ type: "pkcs1", format: "pem" }).toString();
const pkcs8 = pair.privateKey.export({ type: "pkcs8", format: "pem" }).toString();
const PASSPHRASE = "correct horse";
const pkcs8Encrypted = pair.privateKey.export({ type: "pkcs8", format: "pem", cipher: "aes-256-cbc", passphrase: PASSPHRASE }).toString();
const pkcs1Encrypted = pair.privateKey.export({ type: "pkcs1", format: "pem", cipher: "aes-128-cbc", passphrase: PASSPHRASE }).toString();

const IDS = { tenancyId: "ocid1.tenancy.oc1..aaaa", userId: "ocid1.user.oc1..bbbb", fingerprint: "20:3b:97:13:55:1c:5b:0d:d3:37:d8:50:4e:c5:3a:34" };
const NOW = new Date("2024-03-04T05:06:07Z");

const getVolume: OperationSpec = op({
  id: "getVolumeBackup",
  path: "/20160918/volumeBackups/:volumeBackupId",
  query: [{ key: "fields", kind: "caller", required: false }],
  headers: [
    { key: "Authorization", kind: "auth", required: true },
    { key: "Date", kind: "auth", required: true },
  ],
  auth: { type: "oci", params: {} },
});
const createVolume: OperationSpec = op({
  id: "createVolumeBackup",
  method: "POST",
  path: "/20160918/volumeBackups",
  headers: [
    { key: "Authorization", kind: "auth", required: true },
    { key: "Date", kind: "auth", required: true },
    { key: "x-content-sha256", kind: "auth", required: true },
    { key: "opc-retry-token", kind: "caller", required: false },
  ],
  body: { mode: "raw", language: "json", contentType: "application/json" },
  auth: { type: "oci", params: {} },
});

let server: TestServer;
beforeAll(async () => {
  server = await startServer((request, response) => {
    const verdict = verifyOciRequest(request, publicKey);
    response.writeHead(verdict.ok ? 200 : 401, { "content-type": "application/json", "opc-request-id": "req-1" });
    response.end(JSON.stringify(verdict));
  });
});
afterAll(() => server.close());

const client = (credentials: Partial<OciCredentials> = {}) =>
  createRuntimeClient(
    { variables: { baseUrl: server.origin }, authSchemes: ALL_AUTH_SCHEMES },
    { auth: { type: "oci", ...IDS, privateKey: pkcs1, ...credentials }, clock: () => NOW },
  );

/** What oci-common's DefaultRequestSigner puts in Authorization for the request as it was sent. */
async function sdkAuthorization(method: "GET" | "POST", url: string, sent: Record<string, string | string[] | undefined>, body?: string) {
  const provider = new SimpleAuthenticationDetailsProvider(IDS.tenancyId, IDS.userId, IDS.fingerprint, pkcs1, null);
  // Same date as ours; `date` preset so http-signature does not stamp the real time (it is not signed).
  const headers = new Headers({ "x-date": NOW.toUTCString(), date: NOW.toUTCString() });
  if (sent["content-type"]) headers.set("content-type", String(sent["content-type"]));
  const request = { method, uri: url, headers, body };
  await new DefaultRequestSigner(provider).signHttpRequest(request);
  return headers.get("authorization");
}

describe("OCI signing", () => {
  it("produces oci-common's Authorization header for a GET (x-date)", async () => {
    const res = await client({ dateHeader: "x-date" }).send(getVolume, { path: { volumeBackupId: "ocid1.volumebackup.oc1..x y" }, query: { fields: ["a", "b c"] } });
    expect(res.body).toMatchObject({ ok: true });
    const sent = last(server.requests);
    expect(sent.headers["x-date"]).toBe(NOW.toUTCString());
    const url = `${server.origin}${sent.url}`;
    expect(sent.headers.authorization).toBe(await sdkAuthorization("GET", url, sent.headers));
  });

  it("produces oci-common's Authorization header for a POST with a UTF-8 JSON body", async () => {
    const res = await client({ dateHeader: "x-date" }).send(createVolume, { body: { displayName: "bäckup ✓", volumeId: "v" } });
    expect(res.body).toMatchObject({ ok: true, headers: ["x-date", "(request-target)", "host", "content-type", "content-length", "x-content-sha256"] });
    const sent = last(server.requests);
    const url = `${server.origin}${sent.url}`;
    expect(sent.headers.authorization).toBe(await sdkAuthorization("POST", url, sent.headers, sent.body.toString("utf8")));
    expect(sent.headers.authorization).toContain(`keyId="${IDS.tenancyId}/${IDS.userId}/${IDS.fingerprint}"`);
    expect(sent.headers["opc-retry-token"]).toMatch(/^[0-9a-f]{32}$/);
  });

  it("signs Date in Node (fetch may set it) and the server verifies it", async () => {
    const res = await client().send(createVolume, { body: { a: 1 } });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ headers: ["date", "(request-target)", "host", "content-type", "content-length", "x-content-sha256"] });
    expect(last(server.requests).headers.date).toBe(NOW.toUTCString());
  });

  it("signs an empty POST body as Content-Length 0 with the empty SHA-256", async () => {
    const res = await client().send(createVolume, undefined);
    expect(res.status).toBe(200);
    expect(last(server.requests).headers["x-content-sha256"]).toBe("47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=");
  });

  it("signs multipart bodies over the exact bytes sent", async () => {
    const spec = { ...createVolume, body: { mode: "formdata" as const, fields: [{ key: "f", type: "file" as const, kind: "caller" as const, required: true }] } };
    const res = await client().send(spec, { body: { f: new Blob(["some file"]) } });
    expect(res.body).toMatchObject({ ok: true });
    expect(last(server.requests).headers["content-type"]).toMatch(/^multipart\/form-data; boundary=/);
  });

  it.each([
    ["PKCS#1", pkcs1, undefined],
    ["PKCS#8", pkcs8, undefined],
    ["encrypted PKCS#8 (PBES2, AES-256-CBC)", pkcs8Encrypted, PASSPHRASE],
    ["encrypted PKCS#1 (OpenSSL DEK-Info, AES-128-CBC)", pkcs1Encrypted, PASSPHRASE],
  ])("accepts a %s key", async (_name, privateKey, passphrase) => {
    const res = await client({ privateKey, ...(passphrase ? { passphrase } : {}) }).send(getVolume, { path: { volumeBackupId: "x" } });
    expect(res.body).toMatchObject({ ok: true });
  });

  it("rejects a wrong or missing passphrase with PrivateKeyError", async () => {
    await expect(client({ privateKey: pkcs8Encrypted, passphrase: "nope" }).send(getVolume, { path: { volumeBackupId: "x" } }))
      .rejects.toBeInstanceOf(PrivateKeyError);
    await expect(client({ privateKey: pkcs1Encrypted }).send(getVolume, { path: { volumeBackupId: "x" } }))
      .rejects.toThrow(/passphrase/);
  });

  it("re-signs each retry with the same retry token", async () => {
    let calls = 0;
    server.handle((request, response) => {
      const verdict = verifyOciRequest(request, publicKey);
      calls++;
      response.writeHead(calls === 1 ? 503 : verdict.ok ? 200 : 401, { "content-type": "application/json" });
      response.end(JSON.stringify(verdict));
    });
    const before = server.requests.length;
    const c = createRuntimeClient({ variables: { baseUrl: server.origin }, authSchemes: ALL_AUTH_SCHEMES }, {
      auth: { type: "oci", ...IDS, privateKey: pkcs8 },
      sleep: async () => undefined,
    });
    const res = await c.send(createVolume, { body: { x: 1 } });
    expect(res.status).toBe(200);
    const sent = server.requests.slice(before);
    expect(sent).toHaveLength(2);
    expect(sent[0]!.headers["opc-retry-token"]).toBe(sent[1]!.headers["opc-retry-token"]);
  });
});
