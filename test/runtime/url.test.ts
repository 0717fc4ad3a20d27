import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { encodeQueryParam } from "postman-url-encoder/encoder/index.js";
import { createRuntimeClient, MissingParameterError, MissingVariableError, VariableCycleError } from "../../templates/runtime/index.js";
import { last, op } from "./helpers/spec.js";
import { startServer, type TestServer } from "./helpers/server.js";

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.close());

const client = (variables: Record<string, string> = {}, defaults: Record<string, string | undefined> = {}) =>
  createRuntimeClient({ variables: { baseUrl: server.origin, ...defaults } }, { variables, random: () => 0.5 });

describe("variables", () => {
  it("resolves caller variables over collection defaults, recursively", async () => {
    const spec = op({ path: "/{{version}}/items", headers: [{ key: "x-v", kind: "static", value: "{{label}}", required: true }] });
    await client({ version: "v{{major}}" }, { version: "v0", major: "2", label: "{{version}}-{{major}}" }).send(spec, undefined);
    const request = last(server.requests);
    expect(request.url).toBe("/v2/items");
    expect(request.headers["x-v"]).toBe("v2-2");
  });

  it("names the variable and the operation when one is missing", async () => {
    const spec = op({ id: "listThings", path: "/{{tenant}}/things" });
    const error = await client().send(spec, undefined).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MissingVariableError);
    expect((error as MissingVariableError).variable).toBe("tenant");
    expect((error as Error).message).toContain("listThings");
    expect((error as Error).message).toContain("{{tenant}}");
  });

  it("reports a cycle instead of recursing forever", async () => {
    const spec = op({ path: "/{{a}}" });
    const error = await client({ a: "x{{b}}" }, { b: "{{c}}", c: "{{a}}" }).send(spec, undefined).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(VariableCycleError);
    expect((error as VariableCycleError).cycle).toEqual(["a", "b", "c", "a"]);
  });

  it("computes dynamic variables at call time", async () => {
    const clock = () => new Date("2024-02-03T04:05:06.700Z");
    const names = ["$guid", "$randomUUID", "$timestamp", "$isoTimestamp", "$randomInt", "$randomEmail", "$randomIP", "$randomSemver", "$randomHexColor", "$randomBoolean"];
    const spec = op({ query: names.map((name) => ({ key: name, kind: "static" as const, value: `{{${name}}}`, required: true })) });
    const c = createRuntimeClient({ variables: { baseUrl: server.origin } }, { clock });
    await c.send(spec, undefined);
    const first = new URL(last(server.requests).url, server.origin).searchParams;
    await c.send(spec, undefined);
    const second = new URL(last(server.requests).url, server.origin).searchParams;
    const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
    expect(first.get("$guid")).toMatch(uuid);
    expect(first.get("$randomUUID")).toMatch(uuid);
    expect(first.get("$guid")).not.toBe(second.get("$guid"));
    expect(first.get("$timestamp")).toBe("1706933107"); // Postman rounds: 06.7 s → 07
    expect(first.get("$isoTimestamp")).toBe("2024-02-03T04:05:06.700Z");
    const int = Number(first.get("$randomInt"));
    expect(Number.isInteger(int) && int >= 0 && int <= 1000).toBe(true);
    expect(first.get("$randomEmail")).toMatch(/^[a-z]+\.[a-z]+@[a-z]+\.[a-z]+$/);
    expect(first.get("$randomIP")).toMatch(/^(\d{1,3}\.){3}\d{1,3}$/);
    expect(first.get("$randomSemver")).toMatch(/^\d+\.\d+\.\d+$/);
    expect(first.get("$randomHexColor")).toMatch(/^#[0-9a-f]{6}$/);
    expect(["true", "false"]).toContain(first.get("$randomBoolean"));
  });

  it("treats an unknown dynamic variable as missing", async () => {
    const error = await client().send(op({ path: "/{{$noSuchThing}}" }), undefined).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MissingVariableError);
  });
});

describe("base URL and path", () => {
  it("uses config.baseUrl only for overridable bases", async () => {
    const overridden = createRuntimeClient({ variables: { baseUrl: "http://127.0.0.1:1" } }, { baseUrl: `${server.origin}/api/` });
    await overridden.send(op({ path: "/things" }), undefined);
    expect(last(server.requests).url).toBe("/api/things");
    const other = op({ base: `${server.origin}/fixed`, overridableBase: false, path: "/x" });
    await overridden.send(other, undefined);
    expect(last(server.requests).url).toBe("/fixed/x");
  });

  it("encodes path parameters as single segments and keeps collection text as Postman does", async () => {
    const spec = op({ path: "/files/:fileId/{{folder}}/:name" });
    await client({ folder: "a b%20c" }).send(spec, { path: { fileId: "dir/x y?#%", name: 42 } });
    expect(last(server.requests).url).toBe("/files/dir%2Fx%20y%3F%23%25/a%20b%20c/42");
  });

  it("reads a path variable inside a segment as Postman does: the name ends at the first dot, the rest stays", async () => {
    const spec = op({ path: "/Accounts/:AccountSid/Calls/:Sid.json" });
    await client().send(spec, { path: { AccountSid: "AC1", Sid: "CA 2" } });
    expect(last(server.requests).url).toBe("/Accounts/AC1/Calls/CA%202.json");
  });

  it("throws for a missing path parameter", async () => {
    const error = await client().send(op({ path: "/v/:id" }), { path: {} }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MissingParameterError);
    expect((error as MissingParameterError).parameter).toBe("id");
  });
});

describe("query", () => {
  const tricky = ["plain", "a b", "x&y=z", "q\"#'<>", "ünï", "50%", "%41", "a+b", "semi;colon/slash?", "~!*()$,@:"];

  it("sends static parameters encoded exactly as postman-url-encoder encodes them", async () => {
    const query = tricky.map((value, i) => ({ key: `k${i} =&`, kind: "static" as const, value, required: true }));
    await client().send(op({ query }), undefined);
    const expected = tricky.map((value, i) => encodeQueryParam({ key: `k${i} =&`, value })).join("&");
    expect(last(server.requests).url).toBe(`/?${expected}`);
  });

  it("sends caller values so they arrive intact, in spec order, arrays repeated, undefined omitted", async () => {
    const spec = op({
      query: [
        { key: "first", kind: "caller", required: true },
        { key: "fixed", kind: "static", value: "{{v}}", required: true },
        { key: "many", kind: "caller", required: false },
        { key: "absent", kind: "caller", required: false },
        { key: "flag", kind: "static", required: false },
      ],
    });
    await client({ v: "1 2" }).send(spec, { query: { many: tricky, first: true, absent: undefined, extra: 7 } });
    const target = last(server.requests).url;
    expect(target.startsWith("/?first=true&fixed=1%202&many=plain&many=a%20b&")).toBe(true);
    expect(target.endsWith("&flag&extra=7")).toBe(true);
    const received = new URL(target, server.origin).searchParams;
    expect(received.getAll("many")).toEqual(tricky);
    expect(received.has("absent")).toBe(false);
  });

  it("differs from Postman only where a caller value would otherwise be misread", async () => {
    // Postman keeps `+` (read as a space by servers) and an existing `%41`; caller values are data.
    await client().send(op({ query: [{ key: "k", kind: "caller", required: true }] }), { query: { k: "a+b%41" } });
    expect(last(server.requests).url).toBe("/?k=a%2Bb%2541");
    expect(encodeQueryParam({ key: "k", value: "a+b%41" })).toBe("k=a+b%41");
  });

  it("sends a parameter's default as Postman writes it, a caller value instead, and nothing for null", async () => {
    const spec = op({
      query: [
        { key: "access", kind: "caller", default: "public", required: false },
        { key: "q", kind: "caller", default: "a b", required: false },
        { key: "tag", kind: "caller", default: "x", required: false },
        { key: "tag", kind: "caller", default: "y", required: false },
      ],
    });
    await client().send(spec, undefined);
    expect(last(server.requests).url).toBe("/?access=public&q=a%20b&tag=x&tag=y");
    await client().send(spec, { query: { access: "private", q: null, tag: ["1", "2"] } });
    expect(last(server.requests).url).toBe("/?access=private&tag=1&tag=2");
  });

  it("lets a caller value replace a static one and throws for a missing required one", async () => {
    const spec = op({ query: [{ key: "limit", kind: "static", value: "10", required: true }, { key: "id", kind: "caller", required: true }] });
    await client().send(spec, { query: { limit: 5, id: "x" } });
    expect(last(server.requests).url).toBe("/?limit=5&id=x");
    const error = await client().send(spec, { query: {} }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MissingParameterError);
    expect((error as MissingParameterError).location).toBe("query");
  });
});
