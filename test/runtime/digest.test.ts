import { createHash, randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createRuntimeClient } from "../../templates/runtime/index.js";
import { md5 } from "../../templates/runtime/crypto/md5.js";
import { startServer, type Captured, type TestServer } from "./helpers/server.js";
import { op } from "./helpers/spec.js";
import { ALL_AUTH_SCHEMES } from "../../templates/runtime/auth/all.js";

const USER = "Mufasa";
const PASSWORD = "Circle of Life";
const REALM = "http-auth@example.org";

/** A digest server written from RFC 7616, with node:crypto hashes. */
let algorithm = "MD5";
let nonce = "n1";
let staleNext = false;
const usedNc = new Set<string>();
let server: TestServer;

const H = (text: string) => createHash(algorithm.startsWith("SHA-256") ? "sha256" : "md5").update(text).digest("hex");

function check(request: Captured): boolean {
  const header = String(request.headers.authorization ?? "");
  if (!header.startsWith("Digest ")) return false;
  const p = Object.fromEntries([...header.matchAll(/(\w+)=(?:"([^"]*)"|([^,\s]+))/g)].map((m) => [m[1], m[2] ?? m[3]]));
  if (p.username !== USER || p.realm !== REALM || p.nonce !== nonce || p.uri !== request.url || p.qop !== "auth" || p.opaque !== "op4que") return false;
  if (p.algorithm !== algorithm || usedNc.has(`${p.nonce}:${p.nc}`)) return false;
  usedNc.add(`${p.nonce}:${p.nc}`);
  let ha1 = H(`${USER}:${REALM}:${PASSWORD}`);
  if (algorithm.endsWith("-sess")) ha1 = H(`${ha1}:${p.nonce}:${p.cnonce}`);
  const ha2 = H(`${request.method}:${p.uri}`);
  return p.response === H(`${ha1}:${p.nonce}:${p.nc}:${p.cnonce}:${p.qop}:${ha2}`);
}

beforeAll(async () => {
  server = await startServer((request, response) => {
    if (!staleNext && check(request)) {
      response.writeHead(200, { "content-type": "application/json" });
      return void response.end(JSON.stringify({ authenticated: true }));
    }
    const stale = staleNext && String(request.headers.authorization ?? "").startsWith("Digest ");
    if (staleNext) {
      staleNext = false;
      nonce = randomBytes(8).toString("hex");
    }
    response.writeHead(401, {
      "www-authenticate": `Basic realm="fallback", Digest realm="${REALM}", qop="auth, auth-int", algorithm=${algorithm}, nonce="${nonce}", opaque="op4que"${stale ? ", stale=true" : ""}`,
    });
    response.end();
  });
});
afterAll(() => server.close());

const spec = op({ path: "/dir/index.html", query: [{ key: "q", kind: "static", value: "1", required: true }], auth: { type: "digest", params: {} } });

describe("digest", () => {
  it.each(["MD5", "MD5-sess", "SHA-256", "SHA-256-sess"])("answers a %s challenge, then reuses it with the next nonce count", async (name) => {
    algorithm = name;
    nonce = randomBytes(8).toString("hex");
    const client = createRuntimeClient({ variables: { baseUrl: server.origin }, authSchemes: ALL_AUTH_SCHEMES }, { auth: { type: "digest", username: USER, password: PASSWORD } });
    const before = server.requests.length;
    expect((await client.send(spec, undefined)).status).toBe(200);
    expect((await client.send(spec, undefined)).status).toBe(200);
    const sent = server.requests.slice(before);
    expect(sent.map((r) => /nc=(\w+)/.exec(String(r.headers.authorization))?.[1] ?? "none")).toEqual(["none", "00000001", "00000002"]);
  });

  it("answers a stale nonce again, and returns the 401 for a wrong password", async () => {
    algorithm = "MD5";
    nonce = randomBytes(8).toString("hex");
    const client = createRuntimeClient({ variables: { baseUrl: server.origin }, authSchemes: ALL_AUTH_SCHEMES }, { auth: { type: "digest", username: USER, password: PASSWORD } });
    expect((await client.send(spec, undefined)).status).toBe(200);
    staleNext = true;
    expect((await client.send(spec, undefined)).status).toBe(200);
    const wrong = createRuntimeClient({ variables: { baseUrl: server.origin }, authSchemes: ALL_AUTH_SCHEMES }, { auth: { type: "digest", username: USER, password: "nope" } });
    expect((await wrong.send(spec, undefined)).status).toBe(401);
  });
});

describe("md5", () => {
  it("equals node:crypto's MD5 across block boundaries", () => {
    for (const length of [0, 1, 55, 56, 63, 64, 65, 119, 120, 1000]) {
      const data = randomBytes(length);
      expect(Buffer.from(md5(new Uint8Array(data))).toString("hex")).toBe(createHash("md5").update(data).digest("hex"));
    }
    expect(Buffer.from(md5("The quick brown fox jumps over the lazy dog")).toString("hex")).toBe("9e107d9d372bb6826bd81d3542a419d6");
  });
});
