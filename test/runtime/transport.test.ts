import { createServer } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createRuntimeClient, NetworkError, TimeoutError } from "../../templates/runtime/index.js";
import { startServer, type TestServer } from "./helpers/server.js";
import { op } from "./helpers/spec.js";

let server: TestServer;
const pending: (() => void)[] = [];
beforeAll(async () => {
  // Never answers until the test releases it: stands in for a server that hangs.
  server = await startServer((_request, response) => {
    pending.push(() => response.end());
  });
});
afterAll(async () => {
  for (const release of pending) release();
  await server.close();
});

/** A port with nothing listening: bind one, then close it. */
async function closedPort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const { port } = probe.address() as { port: number };
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

describe("transport failures", () => {
  it("throws NetworkError with method, url and cause when the connection is refused", async () => {
    const base = `http://127.0.0.1:${await closedPort()}`;
    const client = createRuntimeClient({ variables: { baseUrl: base } }, { retry: false });
    const error = await client.send(op({ method: "POST", path: "/x" }), undefined).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NetworkError);
    expect(error).not.toBeInstanceOf(TimeoutError);
    expect(error).toMatchObject({ method: "POST", url: `${base}/x` });
    expect((error as Error).cause).toBeInstanceOf(Error);
    expect((error as Error).message).toContain("ECONNREFUSED");
  });

  it("throws TimeoutError (a NetworkError) when no response comes within timeoutMs", async () => {
    const client = createRuntimeClient({ variables: { baseUrl: server.origin } }, { retry: false, timeoutMs: 20 });
    const error = await client.send(op(), undefined).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error).toBeInstanceOf(NetworkError);
    expect((error as TimeoutError).timeoutMs).toBe(20);
  });

  it("per-call timeoutMs overrides the client's", async () => {
    const client = createRuntimeClient({ variables: { baseUrl: server.origin } }, { retry: false });
    const error = await client.send(op(), undefined, { timeoutMs: 15 }).catch((e: unknown) => e);
    expect((error as TimeoutError).timeoutMs).toBe(15);
  });

  it("rethrows the caller's abort as an AbortError, not a NetworkError", async () => {
    const client = createRuntimeClient({ variables: { baseUrl: server.origin } }, {});
    const controller = new AbortController();
    const before = server.requests.length;
    const sent = client.send(op(), undefined, { signal: controller.signal }).catch((e: unknown) => e);
    // Abort once the server holds the request, so the abort hits an in-flight fetch.
    while (server.requests.length === before) await new Promise((resolve) => setImmediate(resolve));
    controller.abort();
    const error = await sent;
    expect(error).not.toBeInstanceOf(NetworkError);
    expect((error as DOMException).name).toBe("AbortError");
  });

  it("keeps a custom abort reason and does not send when already aborted", async () => {
    const client = createRuntimeClient({ variables: { baseUrl: server.origin } }, {});
    const before = server.requests.length;
    const reason = new Error("user navigated away");
    const error = await client.send(op(), undefined, { signal: AbortSignal.abort(reason) }).catch((e: unknown) => e);
    expect(error).toBe(reason);
    expect(server.requests.length).toBe(before);
  });
});
