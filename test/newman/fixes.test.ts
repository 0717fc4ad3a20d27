/**
 * The generator and runtime fixes the Newman comparison led to, pinned on their own, plus the
 * comparison itself (it must be able to fail).
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { modelCollections } from "../../generator/pipeline.js";
import { createRuntimeClient, RuntimeError, type OperationSpec } from "../../templates/runtime/index.js";
import { compareCaptures } from "./compare.js";
import type { Captured } from "./capture.js";
import { REPO } from "./harness.js";

async function sent(spec: OperationSpec, params: Parameters<ReturnType<typeof createRuntimeClient>["send"]>[1], variables: Record<string, string> = {}) {
  let request: Request | undefined;
  const client = createRuntimeClient({ variables }, {
    retry: false,
    fetch: async (input, init) => {
      request = new Request(input, init);
      return new Response("{}", { status: 200, headers: { "content-type": "application/json" } });
    },
  });
  await client.send(spec, params);
  return { request: request!, body: request!.body ? await request!.text() : undefined };
}

const base = { id: "op", method: "POST", base: "https://x.test", overridableBase: true, path: "/p", query: [], headers: [], auth: { type: "noauth", params: {} } } as const;

describe("runtime: Postman semantics the comparison found", () => {
  it("substitutes again when a substitution forms a new reference", async () => {
    const { request } = await sent({ ...base, method: "GET", path: "/get/{{hello_{{var}}}}" }, undefined, { var: "v", hello_v: "hi" });
    expect(new URL(request.url).pathname).toBe("/get/hi");
  });

  it("sends no body for a form with nothing to send", async () => {
    const fields = [{ key: "a", type: "text", kind: "caller", required: false }] as const;
    for (const mode of ["formdata", "urlencoded"] as const) {
      const { request, body } = await sent({ ...base, body: { mode, fields } }, { body: {} });
      expect(body).toBeUndefined();
      expect(request.headers.get("content-type")).toBeNull();
    }
  });

  it("encodes urlencoded fields as Postman does (RFC 3986: %20, !*'() encoded)", async () => {
    const fields = [{ key: "k y", type: "text", kind: "caller", required: true }] as const;
    const { body } = await sent({ ...base, body: { mode: "urlencoded", fields } }, { body: { "k y": "a b!*'()~+&é" } });
    expect(body).toBe("k%20y=a%20b%21%2A%27%28%29~%2B%26%C3%A9");
  });
});

describe("runtime: a GET with a body", () => {
  const spec = { ...base, method: "GET", body: { mode: "urlencoded", fields: [{ key: "a", type: "text", kind: "caller", required: true }] } } as const;

  it("is refused plainly, once, instead of failing in fetch as a retried network error", async () => {
    let calls = 0;
    const client = createRuntimeClient({ variables: {} }, { fetch: async () => (calls++, new Response("{}")), sleep: async () => {} });
    const error = await client.send(spec, { body: { a: "1" } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RuntimeError);
    expect((error as Error).message).toContain("fetch cannot send a body with GET");
    expect(calls).toBe(0);
  });

  it("can be sent once onRequest moves the body", async () => {
    const urls: string[] = [];
    const client = createRuntimeClient({ variables: {} }, {
      retry: false,
      fetch: async (input) => (urls.push(String(input)), new Response("{}")),
      onRequest: (request) => ({ ...request, url: `${request.url}?${String(request.body)}`, body: undefined }),
    });
    await client.send(spec, { body: { a: "1" } });
    expect(urls).toEqual(["https://x.test/p?a=1"]);
  });
});

describe("model: what the comparison found", () => {
  const dir = join(REPO, "test/.tmp/newman-fixes");
  const collection = (item: unknown[], variable: unknown[] = []) => {
    mkdirSync(dir, { recursive: true });
    const file = join(dir, `c${Math.random().toString(36).slice(2)}.json`);
    writeFileSync(file, JSON.stringify({ info: { name: "c", schema: "https://schema.getpostman.com/json/collection/v2.1.0/collection.json" }, item, variable }));
    return modelCollections([file], REPO)[0]!.ir;
  };

  it("disabled query params, headers and form fields of the feature collection are optional caller params", () => {
    const ir = modelCollections([join(REPO, "test/newman/features.postman_collection.json")], REPO)[0]!.ir;
    const op = (name: string) => ir.operations.find((o) => o.name === name)!;
    const disabled = op("Disabled query params and headers");
    // Enabled ones with a value are sent as written unless the caller says otherwise.
    expect(disabled.query.map((q) => [q.key, q.kind, q.required, q.default])).toEqual([["q", "caller", false, "shoes"], ["page", "caller", false, undefined], ["sort", "caller", false, "asc"]]);
    expect(disabled.headers.map((h) => [h.key, h.kind, h.required, h.default])).toEqual([["X-Trace", "caller", false, "abc"], ["X-Debug", "caller", false, undefined]]);
    const form = op("Urlencoded").body!.fields!;
    expect(form.map((f) => [f.key, f.value, f.required])).toEqual([["a", undefined, true], ["b", undefined, true], ["c", undefined, false], ["who", "{{itemName}}", true]]);
  });

  it("a disabled form field with a {{reference}} is an optional caller field, not a static one", () => {
    const ir = collection([{ name: "f", request: { method: "POST", url: "https://x.test/f", body: { mode: "formdata", formdata: [
      { key: "x-api-key", value: "{{key}}", type: "text", disabled: true },
      { key: "url", value: "{{url}}", type: "text" },
    ] } } }]);
    const fields = ir.operations[0]!.body!.fields!;
    expect(fields.map((f) => [f.key, f.value, f.required])).toEqual([["x-api-key", undefined, false], ["url", "{{url}}", true]]);
  });

  it("a variable named by a formed reference keeps its collection default", () => {
    const ir = collection(
      [{ name: "g", request: { method: "GET", url: "https://x.test/:m/{{hello_{{var}}}}" } }],
      [{ key: "var", value: "v" }, { key: "hello_v", value: "hi" }, { key: "unused", value: "u" }],
    );
    expect(ir.variables.map((v) => [v.key, v.default])).toEqual([["hello_v", "hi"], ["var", "v"]]);
  });
});

describe("compare: what counts as the same request", () => {
  const capture = (over: Partial<Captured> = {}): Captured => ({
    method: "POST",
    target: "/a?x=1",
    headers: { "content-type": "application/json", "user-agent": "one", "content-length": "9" },
    body: Buffer.from('{"a": 1 }'),
    ...over,
  });
  const multipart = (boundary: string, filename: string): Captured => capture({
    headers: { "content-type": `multipart/form-data; boundary=${boundary}` },
    body: Buffer.from(`--${boundary}\r\ncontent-disposition: form-data; name="f"; filename="${filename}"\r\n\r\nbytes\r\n--${boundary}--\r\n`),
  });

  it("ignores transport headers, JSON formatting and multipart boundaries", () => {
    expect(compareCaptures(capture(), capture({ headers: { "content-type": "application/json", "user-agent": "two", "content-length": "7" }, body: Buffer.from('{"a":1}') }))).toEqual([]);
    expect(compareCaptures(multipart("b1", "f.bin"), multipart("b2", "f.bin"))).toEqual([]);
  });

  it("reports method, path, query, header, JSON, multipart and dynamic-shape differences", () => {
    const parts = (a: Captured, b: Captured, dynamic: string[] = []) => compareCaptures(a, b, dynamic).map((d) => d.part);
    expect(parts(capture(), capture({ method: "PUT", target: "/b?x=2" }))).toEqual(["method", "path", "query"]);
    expect(parts(capture(), capture({ headers: { "content-type": "application/json", "x-extra": "1", "content-length": "9" } }))).toEqual(["header x-extra"]);
    expect(parts(capture(), capture({ body: Buffer.from('{"a":2}') }))).toEqual(["body (json)"]);
    expect(parts(multipart("b1", "f.bin"), multipart("b2", "g.bin"))).toEqual(["body (multipart)"]);
    const id = (uuid: string) => capture({ target: `/e?id=${uuid}` });
    expect(parts(id("0b6a3f43-5f2e-4b7c-9a43-1d2e3f4a5b6c"), id("9d1c2b3a-1111-4222-8333-444455556666"))).toEqual([]);
    expect(parts(id("0b6a3f43-5f2e-4b7c-9a43-1d2e3f4a5b6c"), id("not-a-uuid"))).toEqual(["query"]);
    const n = (value: string) => capture({ body: Buffer.from(`{"name":"Sample ${value}"}`) });
    expect(parts(n("528"), n("811"))).toEqual(["body (json)"]);
    expect(parts(n("528"), n("811"), ["$randomInt"])).toEqual([]);
  });
});
