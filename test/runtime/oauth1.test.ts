import OAuth from "node-oauth1";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createRuntimeClient, type OAuth1Credentials } from "../../templates/runtime/index.js";
import type { OperationSpec } from "../../templates/runtime/spec.js";
import { startServer, type Captured, type TestServer } from "./helpers/server.js";
import { last, op } from "./helpers/spec.js";
import { ALL_AUTH_SCHEMES } from "../../templates/runtime/auth/all.js";

/** A fetch that records the request instead of sending it (the vectors use real hosts). */
function capture() {
  const seen: Request[] = [];
  const fetch = (async (input: string | URL | Request, init?: RequestInit) => {
    seen.push(new Request(input, init));
    return new Response("{}", { headers: { "content-type": "application/json" } });
  }) as typeof globalThis.fetch;
  return { seen, fetch };
}

const headerParams = (authorization: string | null): Record<string, string> =>
  Object.fromEntries([...(authorization ?? "").matchAll(/(\w+)="([^"]*)"/g)].map((m) => [m[1]!, decodeURIComponent(m[2]!)]));

describe("OAuth 1 known vectors", () => {
  it("matches Twitter's documented HMAC-SHA1 example (query + urlencoded body)", async () => {
    const spec: OperationSpec = op({
      method: "POST",
      base: "https://api.twitter.com",
      overridableBase: false,
      path: "/1.1/statuses/update.json",
      query: [{ key: "include_entities", kind: "static", value: "true", required: true }],
      body: { mode: "urlencoded", fields: [{ key: "status", type: "text", kind: "caller", required: true }] },
      auth: { type: "oauth1", params: { signatureMethod: "HMAC-SHA1" } },
    });
    const { seen, fetch } = capture();
    const client = createRuntimeClient({ variables: {}, authSchemes: ALL_AUTH_SCHEMES }, {
      fetch,
      auth: {
        type: "oauth1",
        consumerKey: "xvz1evFS4wEEPTGEFPHBog",
        consumerSecret: "kAcSOqF21Fu85e7zjz7ZN2U4ZRhfV3WpwPAoE3Z7kBw",
        token: "370773112-GmHxMAgYyLbNEtIKZeRNFsMKPR9EyMZeS9weJAEb",
        tokenSecret: "LswwdoUaIvS8ltyTt5jkRh4J50vUPVVHtR2YPi5kE",
        nonce: () => "kYjzVBB8Y0ZFabxSWbWovY3uYSQ2pTgmZeNu2VS4cg",
        timestamp: () => "1318622958",
      },
    });
    await client.send(spec, { body: { status: "Hello Ladies + Gentlemen, a signed OAuth request!" } });
    const authorization = seen[0]!.headers.get("authorization");
    expect(headerParams(authorization).oauth_signature).toBe("hCtSmYh+iHYCEqBWrE7C7hYmtUk=");
    expect(authorization).toMatch(/^OAuth oauth_consumer_key="xvz1evFS4wEEPTGEFPHBog",oauth_token="[^"]+",oauth_signature_method="HMAC-SHA1",oauth_timestamp="1318622958",oauth_nonce="[^"]+",oauth_version="1.0",oauth_signature="hCtSmYh%2BiHYCEqBWrE7C7hYmtUk%3D"$/);
  });

  it("matches RFC 5849 §1.2's example (GET, HMAC-SHA1, realm)", async () => {
    const { seen, fetch } = capture();
    const client = createRuntimeClient({ variables: {}, authSchemes: ALL_AUTH_SCHEMES }, {
      fetch,
      auth: {
        type: "oauth1", consumerKey: "dpf43f3p2l4k3l03", consumerSecret: "kd94hf93k423kf44", token: "nnch734d00sl2jdk",
        tokenSecret: "pfkkdhi9sl3r4s00", realm: "Photos", nonce: () => "chapoH", timestamp: () => "137131202",
      },
    });
    await client.send(op({
      base: "http://photos.example.net", overridableBase: false, path: "/photos",
      query: [{ key: "file", kind: "static", value: "vacation.jpg", required: true }, { key: "size", kind: "static", value: "original", required: true }],
      // The RFC's example predates oauth_version being sent; an empty setting leaves it out, as in Postman.
      auth: { type: "oauth1", params: { version: "" } },
    }), undefined);
    const authorization = seen[0]!.headers.get("authorization") ?? "";
    expect(authorization.startsWith('OAuth realm="Photos",')).toBe(true);
    expect(headerParams(authorization).oauth_signature).toBe("MdpQcU8iPSUjWoN/UDMsK2sui9I=");
  });
});

describe("OAuth 1 against Postman's own signer, verified by the server", () => {
  const secrets = { consumerSecret: "c sec&ret", tokenSecret: "t~sec" };
  let server: TestServer;
  let verdicts: string[] = [];
  /** Rebuilds the signature with node-oauth1 (what Postman uses) from the request as received. */
  const verify = (request: Captured, params: [string, string][], method: string): string => {
    const url = new URL(request.url, "http://127.0.0.1");
    const action = `http://${String(request.headers.host)}${url.pathname}`;
    const all = [...url.searchParams, ...params];
    const given = all.find(([k]) => k === "oauth_signature")?.[1];
    const rest = all.filter(([k]) => k !== "oauth_signature");
    const expected = method === "PLAINTEXT"
      ? `${encodeURIComponent(secrets.consumerSecret)}&${encodeURIComponent(secrets.tokenSecret)}`
      : OAuth.SignatureMethod.sign({ action, method: request.method, parameters: rest }, secrets);
    return given === expected ? "ok" : `mismatch: got ${given}, expected ${expected}`;
  };
  beforeAll(async () => {
    server = await startServer((request, response) => {
      const auth = headerParams(String(request.headers.authorization ?? ""));
      const form = String(request.headers["content-type"] ?? "").startsWith("application/x-www-form-urlencoded")
        ? [...new URLSearchParams(request.body.toString())]
        : [];
      const headerPairs = Object.entries(auth) as [string, string][];
      verdicts.push(verify(request, [...form, ...headerPairs], auth.oauth_signature_method ?? new URLSearchParams(request.body.toString()).get("oauth_signature_method") ?? new URL(request.url, "http://x").searchParams.get("oauth_signature_method") ?? ""));
      response.end("{}");
    });
  });
  afterAll(() => server.close());

  const run = async (method: OAuth1Credentials["signatureMethod"], spec: Partial<OperationSpec>, params: object, addParamsToHeader = "true") => {
    verdicts = [];
    const client = createRuntimeClient({ variables: { baseUrl: server.origin }, authSchemes: ALL_AUTH_SCHEMES }, {
      auth: { type: "oauth1", consumerKey: "ck", token: "tk", ...secrets, ...(method ? { signatureMethod: method } : {}) },
    });
    await client.send(op({ ...spec, auth: { type: "oauth1", params: { addParamsToHeader } } }), params);
    return verdicts[0];
  };

  it.each(["HMAC-SHA1", "HMAC-SHA256", "PLAINTEXT"] as const)("%s in the header, with tricky query values", async (method) => {
    const query = [{ key: "q", kind: "caller" as const, required: true }, { key: "s", kind: "static" as const, value: "a b", required: true }];
    expect(await run(method, { path: "/items/:id", query }, { path: { id: "ä x" }, query: { q: ["1+1=2", "~*'!"] } })).toBe("ok");
  });

  it("in the query string when addParamsToHeader is false", async () => {
    expect(await run("HMAC-SHA256", { query: [{ key: "x", kind: "caller", required: true }] }, { query: { x: "y z" } }, "false")).toBe("ok");
    expect(new URL(last(server.requests).url, "http://x").searchParams.get("oauth_signature")).toBeTruthy();
    expect(last(server.requests).headers.authorization).toBeUndefined();
  });

  it("in the urlencoded body of a POST when addParamsToHeader is false", async () => {
    const body = { mode: "urlencoded" as const, fields: [{ key: "msg", type: "text" as const, kind: "caller" as const, required: true }] };
    expect(await run("HMAC-SHA1", { method: "POST", body }, { body: { msg: "hi there!" } }, "false")).toBe("ok");
    expect(new URLSearchParams(last(server.requests).body.toString()).get("oauth_nonce")).toMatch(/^[0-9A-Za-z]{11}$/);
  });
});
