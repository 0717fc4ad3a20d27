import * as aws4 from "aws4";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createRuntimeClient, type AwsV4Credentials } from "../../templates/runtime/index.js";
import type { OperationSpec } from "../../templates/runtime/spec.js";
import { startServer, type Captured, type TestServer } from "./helpers/server.js";
import { last, op } from "./helpers/spec.js";
import { ALL_AUTH_SCHEMES } from "../../templates/runtime/auth/all.js";

const EXAMPLE = { accessKeyId: "AKIDEXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY" };

describe("SigV4 against the AWS test suite (aws-sig-v4-test-suite)", () => {
  const vector = async (path: string, query: OperationSpec["query"]) => {
    const seen: Request[] = [];
    const fetch = (async (input: string | URL | Request, init?: RequestInit) => {
      seen.push(new Request(input, init));
      return new Response(null, { status: 204 });
    }) as typeof globalThis.fetch;
    const client = createRuntimeClient({ variables: {}, authSchemes: ALL_AUTH_SCHEMES }, {
      fetch,
      clock: () => new Date("2015-08-30T12:36:00Z"),
      // The suite's requests carry no x-amz-content-sha256.
      auth: { type: "awsv4", ...EXAMPLE, contentSha256Header: false },
    });
    await client.send(op({
      base: "https://example.amazonaws.com", overridableBase: false, path, query,
      auth: { type: "awsv4", params: { region: "us-east-1", service: "service" } },
    }), undefined);
    return seen[0]!.headers.get("authorization");
  };

  it("get-vanilla", async () => {
    expect(await vector("/", [])).toBe(
      "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, SignedHeaders=host;x-amz-date, Signature=5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31",
    );
  });

  it("get-vanilla-query-order-key-case", async () => {
    const query = [{ key: "Param2", kind: "static" as const, value: "value2", required: true }, { key: "Param1", kind: "static" as const, value: "value1", required: true }];
    expect(await vector("/", query)).toContain("Signature=b97d918cfa904a5beff61c982a1b6f458b799221646efd99d3219ec94cdf2500");
  });
});

describe("SigV4 on the wire, verified by the server with the aws4 library (Postman's signer)", () => {
  let server: TestServer;
  /** Re-signs the received request with aws4 over the same signed headers and compares. */
  const expected = (request: Captured, credentials: { accessKeyId: string; secretAccessKey: string; sessionToken?: string }, service: string, region: string) => {
    const signedNames = /SignedHeaders=([^,]+)/.exec(String(request.headers.authorization))?.[1]?.split(";") ?? [];
    const headers: Record<string, string> = {};
    for (const name of signedNames) if (name !== "host") headers[name] = String(request.headers[name]);
    const body = request.body.length ? request.body.toString("utf8") : undefined;
    const signed = aws4.sign(
      { host: String(request.headers.host), path: request.url, method: request.method, headers, ...(body ? { body } : {}), service, region },
      credentials,
    );
    return signed.headers["Authorization"];
  };
  beforeAll(async () => {
    server = await startServer();
  });
  afterAll(() => server.close());

  const send = async (spec: Partial<OperationSpec>, params: object, credentials: Partial<AwsV4Credentials> = {}) => {
    const client = createRuntimeClient({ variables: { baseUrl: server.origin }, authSchemes: ALL_AUTH_SCHEMES }, {
      auth: { type: "awsv4", ...EXAMPLE, ...credentials },
    });
    await client.send(op({ ...spec, auth: { type: "awsv4", params: { region: "eu-west-1", service: "execute-api" } } }), params);
    return last(server.requests);
  };

  it("signs a GET with an encoded path, repeated query keys and a session token", async () => {
    const request = await send(
      { path: "/stage/items/:id", query: [{ key: "b", kind: "caller", required: true }, { key: "a", kind: "static", value: "z y", required: true }] },
      { path: { id: "a b/c" }, query: { b: ["2", "1", "é"] } },
      { sessionToken: "session/token=" },
    );
    expect(request.headers["x-amz-security-token"]).toBe("session/token=");
    expect(request.headers["x-amz-content-sha256"]).toBe("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    expect(request.headers.authorization).toBe(expected(request, { ...EXAMPLE, sessionToken: "session/token=" }, "execute-api", "eu-west-1"));
  });

  it("signs a POST JSON body, its hash and length", async () => {
    const request = await send(
      { method: "POST", path: "/stage/things", body: { mode: "raw", language: "json", contentType: "application/json" } },
      { body: { name: "thing ✓" } },
    );
    expect(String(request.headers.authorization)).toContain("SignedHeaders=content-length;content-type;host;x-amz-content-sha256;x-amz-date,");
    expect(request.headers.authorization).toBe(expected(request, EXAMPLE, "execute-api", "eu-west-1"));
  });
});
