import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createRuntimeClient, MissingParameterError } from "../../templates/runtime/index.js";
import type { BodySpec } from "../../templates/runtime/spec.js";
import { startServer, type Captured, type TestServer } from "./helpers/server.js";
import { last, op } from "./helpers/spec.js";

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.close());

const send = (body: BodySpec, value: unknown, headers?: Record<string, string>) =>
  createRuntimeClient({ variables: { baseUrl: server.origin, tag: "t1" } }, {}).send(op({ method: "POST", body }), { body: value, ...(headers ? { headers } : {}) });

/** Parses a received multipart body with undici's multipart parser. */
const parts = (request: Captured): Promise<FormData> =>
  new Response(new Uint8Array(request.body), { headers: { "content-type": String(request.headers["content-type"]) } }).formData();

describe("raw", () => {
  it("serializes JSON values and sends strings as written", async () => {
    await send({ mode: "raw", language: "json", contentType: "application/json" }, { a: [1, "é"] });
    expect(last(server.requests).body.toString()).toBe('{"a":[1,"é"]}');
    expect(last(server.requests).headers["content-type"]).toBe("application/json");
    await send({ mode: "raw", language: "json", contentType: "application/json" }, '{ "pre": "serialized" }');
    expect(last(server.requests).body.toString()).toBe('{ "pre": "serialized" }');
  });

  it("sends text and xml as strings with the spec's Content-Type unless the caller sets one", async () => {
    await send({ mode: "raw", language: "xml", contentType: "application/xml" }, "<a>1</a>");
    expect(last(server.requests).body.toString()).toBe("<a>1</a>");
    expect(last(server.requests).headers["content-type"]).toBe("application/xml");
    await send({ mode: "raw", language: "text", contentType: "text/plain" }, "hi", { "Content-Type": "text/csv" });
    expect(last(server.requests).headers["content-type"]).toBe("text/csv");
  });
});

describe("urlencoded", () => {
  it("sends static then caller fields in field order, arrays repeated", async () => {
    const body: BodySpec = {
      mode: "urlencoded",
      fields: [
        { key: "grant_type", type: "text", kind: "static", value: "client_credentials", required: true },
        { key: "scope", type: "text", kind: "caller", required: true },
        { key: "tag", type: "text", kind: "static", value: "{{tag}}", required: true },
        { key: "optional", type: "text", kind: "caller", required: false },
      ],
    };
    await send(body, { tag: ["a", "b c"], scope: "read+write &" });
    const request = last(server.requests);
    expect(request.headers["content-type"]).toBe("application/x-www-form-urlencoded");
    expect([...new URLSearchParams(request.body.toString())]).toEqual([
      ["grant_type", "client_credentials"],
      ["scope", "read+write &"],
      ["tag", "a"],
      ["tag", "b c"],
    ]);
    const error = await send(body, {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MissingParameterError);
  });
});

describe("formdata", () => {
  it("sends text fields and file parts with names and types, boundary set by fetch", async () => {
    const body: BodySpec = {
      mode: "formdata",
      fields: [
        { key: "title", type: "text", kind: "static", value: "report {{tag}}", required: true },
        { key: "upload", type: "file", kind: "caller", required: true, contentType: "text/csv" },
        { key: "image", type: "file", kind: "caller", required: false },
        { key: "raw", type: "file", kind: "caller", required: false },
      ],
    };
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 255]);
    await send(body, {
      upload: { data: "a,b\n1,2\n", filename: "data.csv" },
      image: new File([png], "pixel.png", { type: "image/png" }),
      raw: png,
      note: 42,
    });
    const request = last(server.requests);
    expect(request.headers["content-type"]).toMatch(/^multipart\/form-data; boundary=/);
    const form = await parts(request);
    expect(form.get("title")).toBe("report t1");
    const upload = form.get("upload") as File;
    expect([upload.name, upload.type, await upload.text()]).toEqual(["data.csv", "text/csv", "a,b\n1,2\n"]);
    const image = form.get("image") as File;
    expect([image.name, image.type]).toEqual(["pixel.png", "image/png"]);
    expect(new Uint8Array(await image.arrayBuffer())).toEqual(png);
    const raw = form.get("raw") as File;
    expect([raw.name, raw.type]).toEqual(["raw", "application/octet-stream"]);
    expect(form.get("note")).toBe("42");
    expect([...form.keys()]).toEqual(["title", "upload", "image", "raw", "note"]);
  });
});

describe("file and graphql", () => {
  it("sends Blob, ArrayBuffer, Uint8Array and string file bodies as bytes", async () => {
    const bytes = new Uint8Array([0, 1, 2, 253, 254, 255]);
    for (const value of [new Blob([bytes]), bytes.buffer.slice(0), bytes, new Uint8Array([9, ...bytes]).subarray(1)]) {
      await send({ mode: "file", contentType: "application/octet-stream" }, value);
      expect(new Uint8Array(last(server.requests).body)).toEqual(bytes);
    }
    await send({ mode: "file" }, "text file");
    expect(last(server.requests).body.toString()).toBe("text file");
    expect(last(server.requests).headers["content-type"]).toBe("application/octet-stream");
  });

  it("sends the collection's graphql query and variables with {{variables}} resolved, as Postman writes them", async () => {
    const body: BodySpec = { mode: "graphql", query: 'query { tag(id: "{{tag}}") { id } }', variables: '{"tag": "{{tag}}", "n": 1}', operationName: "Q" };
    await send(body, undefined);
    expect(last(server.requests).body.toString()).toBe('{"query":"query { tag(id: \\"t1\\") { id } }","operationName":"Q","variables":{"tag": "t1", "n": 1}}');
    // What the caller gives is data: sent as given, with the rest from the collection.
    await send(body, { variables: { tag: "{{tag}}" } });
    expect(JSON.parse(last(server.requests).body.toString())).toEqual({ query: 'query { tag(id: "t1") { id } }', operationName: "Q", variables: { tag: "{{tag}}" } });
    // A variables payload that is one variable sends that variable's JSON.
    await createRuntimeClient({ variables: { baseUrl: server.origin, bundle: '{"a":[1]}' } }, {}).send(op({ method: "POST", body: { mode: "graphql", query: "mutation { x }", variables: "{{bundle}}" } }), undefined);
    expect(JSON.parse(last(server.requests).body.toString())).toEqual({ query: "mutation { x }", variables: { a: [1] } });
  });

  it("sends graphql as JSON { query, variables }", async () => {
    await send({ mode: "graphql" }, { query: "query Q($id: ID!) { node(id: $id) { id } }", variables: { id: "1" } });
    const request = last(server.requests);
    expect(request.headers["content-type"]).toBe("application/json");
    expect(JSON.parse(request.body.toString())).toEqual({ query: "query Q($id: ID!) { node(id: $id) { id } }", variables: { id: "1" } });
  });
});
