/**
 * The generated OCI client (generated/oci-core-services, the committed output) against a real
 * node:http server: the exact request it sends, and every saved response parsed into its branch.
 */
import { createHash, generateKeyPairSync, verify } from "node:crypto";
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createClient, createBaseClient, createVolumeBackup, NetworkError } from "../../generated/oci-core-services/index.js";
import { createVolumeBackupExamples } from "../../generated/oci-core-services/fixtures/createVolumeBackup.js";

interface Captured {
  method: string;
  url: string;
  headers: IncomingMessage["headers"];
  body: Buffer;
}

const { privateKey, publicKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
const pem = privateKey.export({ type: "pkcs8", format: "pem" }).toString();
const auth = { type: "oci" as const, tenancyId: "ocid1.tenancy.oc1..t", userId: "ocid1.user.oc1..u", fingerprint: "aa:bb:cc", privateKey: pem };

let server: Server;
let base: string;
const captured: Captured[] = [];
let reply: (typeof createVolumeBackupExamples)[number];

beforeAll(async () => {
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      captured.push({ method: req.method!, url: req.url!, headers: req.headers, body: Buffer.concat(chunks) });
      res.writeHead(reply.status, reply.headers);
      res.end(typeof reply.body === "string" ? reply.body : JSON.stringify(reply.body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/20160918`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const body = { volumeId: "ocid1.volume.oc1..v", displayName: "nightly", type: "INCREMENTAL", definedTags: {}, freeformTags: {} };

/** Rebuilds the OCI signing string from what the server received and checks it with the public key. */
function verifyOciSignature(request: Captured): boolean {
  const authorization = String(request.headers.authorization);
  const field = (name: string) => new RegExp(`${name}="([^"]*)"`).exec(authorization)?.[1] ?? "";
  const signingString = field("headers")
    .split(" ")
    .map((name) => (name === "(request-target)" ? `${name}: ${request.method.toLowerCase()} ${request.url}` : `${name.toLowerCase()}: ${request.headers[name.toLowerCase()]}`))
    .join("\n");
  return verify("sha256", Buffer.from(signingString), publicKey, Buffer.from(field("signature"), "base64"));
}

describe("generated OCI client against a local server", () => {
  it("sends exactly the request the collection describes, signed", async () => {
    reply = createVolumeBackupExamples[0]!;
    captured.length = 0;
    const api = createClient({ variables: { region: "us-phoenix-1" }, baseUrl: base, auth, retry: false });
    const res = await api.createVolumeBackup({ body, headers: { "opc-retry-token": "abc" } });
    expect(res.status).toBe(200);
    const request = captured[0]!;
    expect(request.method).toBe("POST");
    expect(request.url).toBe("/20160918/volumeBackups");
    expect(JSON.parse(request.body.toString("utf8"))).toEqual(body);
    expect(request.headers["content-type"]).toBe("application/json");
    expect(request.headers["opc-retry-token"]).toBe("abc");
    expect(request.headers["x-content-sha256"]).toBe(createHash("sha256").update(request.body).digest("base64"));
    expect(request.headers.authorization).toMatch(/^Signature version="1",keyId="ocid1\.tenancy\.oc1\.\.t\/ocid1\.user\.oc1\.\.u\/aa:bb:cc",algorithm="rsa-sha256",headers="[^"]+",signature="[A-Za-z0-9+/=]+"$/);
    const signed = /headers="([^"]+)"/.exec(String(request.headers.authorization))![1]!.toLowerCase().split(" ").sort();
    expect(signed).toEqual(["(request-target)", "content-length", "content-type", "date", "host", "x-content-sha256"]);
    expect(verifyOciSignature(request)).toBe(true);
    // Never the collection's placeholders.
    expect(JSON.stringify(request.headers)).not.toMatch(/\{\{|aliqua enim i/);
  });

  it("resolves the base URL from the collection's nested variables when not overridden", async () => {
    const seen: string[] = [];
    const api = createClient({
      variables: { region: "us-phoenix-1" },
      auth,
      retry: false,
      fetch: async (input) => {
        seen.push(String(input instanceof Request ? input.url : input));
        return new Response("{}", { status: 200, headers: { "content-type": "application/json" } });
      },
    });
    await api.createVolumeBackup({ body });
    expect(seen).toEqual(["https://iaas.us-phoenix-1.oraclecloud.com/20160918/volumeBackups"]);
  });

  it("parses every saved response into its status branch, typed", async () => {
    const api = createClient({ variables: { region: "us-phoenix-1" }, baseUrl: base, auth, retry: false });
    for (const example of createVolumeBackupExamples) {
      reply = example;
      const res = await api.createVolumeBackup({ body });
      expect(res.status).toBe(example.status);
      expect(res.body).toEqual(example.body);
      if (res.status === 200) {
        expect(res.ok).toBe(true);
        const state: string = res.body.lifecycleState;
        expect(state).toBe("CREATING");
        expect(res.headers.get("etag")).toBe("officia sed");
      } else if (res.status === 409) {
        expect(res.ok).toBe(false);
        const message: string = res.body.message;
        expect(message).toBe("irure sit");
      } else {
        expect(res.ok).toBe(false);
      }
      expect(res.requestId).toBe("officia sed");
    }
  });

  it("works as a standalone function taking the client first", async () => {
    reply = createVolumeBackupExamples[4]!;
    const client = createBaseClient({ baseUrl: base, auth, retry: false });
    const res = await createVolumeBackup(client, { body });
    expect(res.status).toBe(409);
  });

  it("returns an undocumented status as an unknown body, and throws a typed error when the network fails", async () => {
    reply = { ...createVolumeBackupExamples[0]!, status: 418, body: "teapot", headers: { "content-type": "text/plain" } };
    const api = createClient({ baseUrl: base, auth, retry: false });
    const res = await api.createVolumeBackup({ body });
    expect(res.status).toBe(418);
    expect(res.body).toBe("teapot");
    const offline = createClient({ baseUrl: "http://127.0.0.1:1/20160918", auth, retry: false });
    await expect(offline.createVolumeBackup({ body })).rejects.toBeInstanceOf(NetworkError);
  });
});
