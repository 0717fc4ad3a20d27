import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ApiError, createRuntimeClient, expectOk } from "../../templates/runtime/index.js";
import { startServer, type TestServer } from "./helpers/server.js";
import { op } from "./helpers/spec.js";

let server: TestServer;
beforeAll(async () => {
  server = await startServer((request, response) => {
    const url = new URL(request.url, "http://x");
    const status = Number(url.searchParams.get("status") ?? 200);
    const type = url.searchParams.get("type");
    const body = url.searchParams.get("body") ?? "";
    const headers: Record<string, string> = {};
    if (type) headers["content-type"] = type;
    for (const name of url.searchParams.getAll("header")) headers[name] = `id-for-${name}`;
    response.writeHead(status, headers);
    response.end(Buffer.from(body, "utf8"));
  });
});
afterAll(() => server.close());

const client = () => createRuntimeClient({ variables: { baseUrl: server.origin } }, { retry: false });
const get = (query: Record<string, string | string[]>, responses?: Record<string, "json" | "text" | "binary">, method = "GET") =>
  client().send(
    op({ method, query: Object.keys(query).map((key) => ({ key, kind: "caller" as const, required: true })), ...(responses ? { responses } : {}) }),
    { query },
  );

describe("response bodies", () => {
  it("parses JSON media types, and an empty JSON body is undefined", async () => {
    expect((await get({ type: "application/json; charset=utf-8", body: '{"a":1}' })).body).toEqual({ a: 1 });
    expect((await get({ type: "application/problem+json", body: '{"title":"x"}' })).body).toEqual({ title: "x" });
    expect((await get({ type: "application/json", body: "" })).body).toBeUndefined();
  });

  it("returns text for text/* and xml, and a Blob for binary types", async () => {
    expect((await get({ type: "text/plain", body: "héllo" })).body).toBe("héllo");
    expect((await get({ type: "application/xml", body: "<a/>" })).body).toBe("<a/>");
    const blob = (await get({ type: "application/octet-stream", body: "bin" })).body;
    expect(blob).toBeInstanceOf(Blob);
    expect(await (blob as Blob).text()).toBe("bin");
  });

  it("falls back to the documented kind when there is no Content-Type", async () => {
    expect((await get({ body: '{"x":true}' }, { "200": "json" })).body).toEqual({ x: true });
    expect((await get({ body: "abc" }, { "200": "binary" })).body).toBeInstanceOf(Blob);
    expect((await get({ body: '{"x":true}' })).body).toBe('{"x":true}');
  });

  it("keeps a non-JSON body under a JSON type as text rather than throwing", async () => {
    expect((await get({ type: "application/json", body: "<html>bad gateway</html>", status: "502" })).body).toBe("<html>bad gateway</html>");
  });

  it("has no body for 204 and HEAD", async () => {
    expect((await get({ status: "204" })).body).toBeUndefined();
    expect((await get({ type: "application/json", body: "{}" }, undefined, "HEAD")).body).toBeUndefined();
  });
});

describe("response metadata", () => {
  it("exposes the real Headers object and the request id", async () => {
    for (const name of ["opc-request-id", "x-request-id", "x-amzn-requestid", "x-github-request-id"]) {
      const res = await get({ header: name });
      expect(res.headers).toBeInstanceOf(Headers);
      expect(res.requestId).toBe(`id-for-${name}`);
    }
    expect((await get({})).requestId).toBeUndefined();
  });

  it("returns error statuses instead of throwing; expectOk throws ApiError for them", async () => {
    const res = await get({ status: "404", type: "application/json", body: '{"code":"NotFound"}', header: "opc-request-id" });
    expect([res.status, res.ok, res.body]).toEqual([404, false, { code: "NotFound" }]);
    const error = (() => {
      try {
        expectOk(res);
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 404, body: { code: "NotFound" }, requestId: "id-for-opc-request-id" });
    expect((error as Error).message).toContain("NotFound");
    const ok = await get({ status: "201" });
    expect(expectOk(ok)).toBe(ok);
  });
});
