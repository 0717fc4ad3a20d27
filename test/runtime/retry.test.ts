import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createRuntimeClient, NetworkError, type ClientConfig } from "../../templates/runtime/index.js";
import { startServer, type TestServer } from "./helpers/server.js";
import { op } from "./helpers/spec.js";
import { ALL_AUTH_SCHEMES } from "../../templates/runtime/auth/all.js";

let server: TestServer;
/** Statuses to answer, in order; then 200. "drop" destroys the connection instead. */
let script: (number | "drop" | { status: number; headers: Record<string, string> })[] = [];
beforeAll(async () => {
  server = await startServer((_request, response) => {
    const next = script.shift() ?? 200;
    if (next === "drop") return void response.socket?.destroy();
    const { status, headers } = typeof next === "number" ? { status: next, headers: {} } : next;
    response.writeHead(status, { "content-type": "application/json", ...headers });
    response.end(JSON.stringify({ status }));
  });
});
afterAll(() => server.close());

const NOW = new Date("2024-05-01T10:00:00Z");

function setup(steps: typeof script, config: ClientConfig = {}) {
  script = [...steps];
  server.requests.length = 0;
  const delays: number[] = [];
  const client = createRuntimeClient(
    { variables: { baseUrl: server.origin }, authSchemes: ALL_AUTH_SCHEMES },
    { random: () => 0.5, clock: () => NOW, sleep: async (ms) => void delays.push(ms), ...config },
  );
  return { client, delays };
}

describe("retries", () => {
  it("retries idempotent requests on retryable statuses with full-jitter backoff", async () => {
    const { client, delays } = setup([503, 500]);
    const res = await client.send(op({ method: "PUT", body: { mode: "raw", language: "json" } }), { body: { n: 1 } });
    expect(res.status).toBe(200);
    expect(server.requests).toHaveLength(3);
    // random 0.5 × min(10 000, 250 × 2^(attempt-1))
    expect(delays).toEqual([125, 250]);
    expect(server.requests.map((r) => r.body.toString())).toEqual(['{"n":1}', '{"n":1}', '{"n":1}']);
  });

  it("stops after maxAttempts and returns the last response", async () => {
    const { client } = setup([502, 502, 502, 502], { retry: { maxAttempts: 2, baseDelayMs: 10 } });
    const res = await client.send(op(), undefined);
    expect(res.status).toBe(502);
    expect(server.requests).toHaveLength(2);
  });

  it("does not retry statuses outside the list, nor when retry is off", async () => {
    let { client } = setup([400]);
    expect((await client.send(op(), undefined)).status).toBe(400);
    expect(server.requests).toHaveLength(1);
    ({ client } = setup([503]));
    expect((await client.send(op(), undefined, { retry: false })).status).toBe(503);
    expect(server.requests).toHaveLength(1);
  });

  it("honours Retry-After in seconds and as an HTTP date on 429/503", async () => {
    const later = new Date(NOW.getTime() + 3000).toUTCString();
    const { client, delays } = setup([
      { status: 429, headers: { "retry-after": "7" } },
      { status: 503, headers: { "retry-after": later } },
    ], { retry: { maxAttempts: 5 } });
    expect((await client.send(op(), undefined)).status).toBe(200);
    expect(delays).toEqual([7000, 3000]);
  });

  it("returns the response when Retry-After is longer than the caller accepts", async () => {
    const { client, delays } = setup([{ status: 429, headers: { "retry-after": "3600" } }]);
    expect((await client.send(op(), undefined)).status).toBe(429);
    expect(delays).toEqual([]);
  });

  it("retries network errors for idempotent requests", async () => {
    const { client, delays } = setup(["drop", "drop"]);
    expect((await client.send(op({ method: "DELETE" }), undefined)).status).toBe(200);
    expect(server.requests).toHaveLength(3);
    expect(delays).toHaveLength(2);
  });

  it("does not retry a POST without a retry token", async () => {
    let { client } = setup([503]);
    expect((await client.send(op({ method: "POST" }), undefined)).status).toBe(503);
    expect(server.requests).toHaveLength(1);
    ({ client } = setup(["drop"]));
    await expect(client.send(op({ method: "POST" }), undefined)).rejects.toBeInstanceOf(NetworkError);
    expect(server.requests).toHaveLength(1);
  });

  it("retries a POST that declares a retry token, generating one and keeping it and the body", async () => {
    const spec = op({
      method: "POST",
      headers: [{ key: "opc-retry-token", kind: "caller", required: false }],
      body: { mode: "raw", language: "json", contentType: "application/json" },
    });
    const { client } = setup([503, "drop"]);
    expect((await client.send(spec, { body: { displayName: "x" } })).status).toBe(200);
    expect(server.requests).toHaveLength(3);
    const tokens = server.requests.map((r) => r.headers["opc-retry-token"]);
    expect(tokens[0]).toMatch(/^[0-9a-f]{32}$/);
    expect(new Set(tokens).size).toBe(1);
    expect(new Set(server.requests.map((r) => r.body.toString()))).toEqual(new Set(['{"displayName":"x"}']));
  });

  it("uses the caller's retry token when given, and a POST opted in with retryNonIdempotent", async () => {
    const spec = op({ method: "POST", headers: [{ key: "opc-retry-token", kind: "caller", required: false }] });
    let { client } = setup([500]);
    await client.send(spec, { headers: { "OPC-Retry-Token": "mine" } });
    expect(server.requests.map((r) => r.headers["opc-retry-token"])).toEqual(["mine", "mine"]);
    ({ client } = setup([500], { retry: { retryNonIdempotent: true } }));
    expect((await client.send(op({ method: "PATCH" }), undefined)).status).toBe(200);
    expect(server.requests).toHaveLength(2);
  });

  it("stops waiting when the caller aborts between attempts", async () => {
    script = [503];
    const controller = new AbortController();
    const client = createRuntimeClient({ variables: { baseUrl: server.origin }, authSchemes: ALL_AUTH_SCHEMES }, {
      sleep: async () => controller.abort(new Error("stop")),
    });
    await expect(client.send(op(), undefined, { signal: controller.signal })).rejects.toThrow("stop");
  });
});

describe("hooks", () => {
  it("onRequest may change or replace the request before signing; onResponse sees every attempt", async () => {
    const { client } = setup([503], {
      auth: { type: "bearer", token: "tok" },
      onRequest: (request, info) => {
        expect(request.headers.has("authorization")).toBe(false);
        if (info.attempt === 1) {
          request.headers.set("x-attempt", "1");
          return;
        }
        return { ...request, url: `${request.url}?replaced=${info.attempt}`, headers: new Headers({ "x-attempt": "2" }) };
      },
      onResponse: (response, request, info) => {
        seen.push([info.attempt, response.status, request.headers.get("authorization")]);
      },
    });
    const seen: [number, number, string | null][] = [];
    await client.send(op({ auth: { type: "bearer", params: {} } }), undefined);
    expect(server.requests.map((r) => [r.url, r.headers["x-attempt"], r.headers.authorization])).toEqual([
      ["/", "1", "Bearer tok"],
      ["/?replaced=2", "2", "Bearer tok"],
    ]);
    expect(seen).toEqual([
      [1, 503, "Bearer tok"],
      [2, 200, "Bearer tok"],
    ]);
  });
});
