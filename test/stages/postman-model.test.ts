/**
 * The fast Postman reader (load/postman-model.ts) against the postman-collection SDK it stands
 * in for: on every test collection, on crafted shapes only the SDK reads, and on the fuzz
 * corpus, the IR built from the fast reader's model equals the IR built from the SDK's.
 */
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { PmgenError } from "../../generator/base/diagnostics.js";
import { discoverCollections } from "../../generator/load/discover.js";
import { loadCollection, type LoadedCollection } from "../../generator/load/load-collection.js";
import { readPostmanModel } from "../../generator/load/postman-model.js";
import { sdkFallback, sdkPostmanModel } from "../../generator/load/sdk-model.js";
import { buildCollectionIR } from "../../generator/model/build.js";
import { fuzzCollections } from "../ci/fuzz-corpus.js";
import { FIXTURES, OCI_FOLDER, ROOT, tempDir } from "../support.js";

const work = tempDir("postman-model");
afterAll(() => work.remove());

/** The IR and warnings from a model, as JSON: everything `model` makes of it. */
function irOf(loaded: LoadedCollection): string {
  const { ir, diagnostics } = buildCollectionIR(loaded);
  return JSON.stringify({ ir, diagnostics });
}

/** The IR from the fast reader, and how many times it asked the SDK. */
function fastWay(input: string, cwd: string): { ir: string; fallbacks: number } {
  const [source] = discoverCollections([input], cwd);
  const loaded = loadCollection(source!, cwd);
  let fallbacks = 0;
  const model = readPostmanModel(loaded.json, loaded.fileOf, () => {
    fallbacks++;
    return sdkFallback();
  });
  return { ir: irOf({ ...loaded, model }), fallbacks };
}

/** The IR from the SDK's model, from a fresh load (the SDK's Url rewrites path variables in place). */
function sdkWay(input: string, cwd: string): string {
  const [source] = discoverCollections([input], cwd);
  const loaded = loadCollection(source!, cwd);
  return irOf({ ...loaded, model: sdkPostmanModel(loaded.json) });
}

/** Requests whose URL is a string (or that are one), which only the SDK's URL parser reads. */
function stringUrls(items: unknown[]): number {
  return items.reduce<number>((count, item) => {
    const node = item as { item?: unknown[]; request?: unknown };
    if (Array.isArray(node.item)) return count + stringUrls(node.item);
    const request = node.request as { url?: unknown } | string;
    return count + (typeof request === "string" || typeof request?.url === "string" ? 1 : 0);
  }, 0);
}

function bothWays(input: string, cwd = ROOT): { fast: string; sdk: string; fallbacks: number } {
  const { ir, fallbacks } = fastWay(input, cwd);
  return { fast: ir, sdk: sdkWay(input, cwd), fallbacks };
}

describe("the fast Postman reader", () => {
  const collections = readdirSync(FIXTURES).filter((f) => f.endsWith(".json"));

  it.each(collections)("reads %s as the SDK does, without the SDK", (file) => {
    const { fast, sdk, fallbacks } = bothWays(join(FIXTURES, file));
    expect(fast).toBe(sdk);
    // Exports from Postman are canonical: only URLs written as strings (v2.0) need the SDK's parser.
    expect(fallbacks).toBe(stringUrls(JSON.parse(readFileSync(join(FIXTURES, file), "utf8")).item));
  });

  it("reads the OCI folder collection as the SDK does", () => {
    const { fast, sdk } = bothWays(OCI_FOLDER);
    expect(fast).toBe(sdk);
  });

  it("hands every non-canonical shape to the SDK and gets the SDK's answer", () => {
    const item = (name: string, request: unknown) => ({ name, request, response: [] });
    const collection = {
      info: { name: "Shapes", schema: "https://schema.getpostman.com/json/collection/v2.1.0/collection.json" },
      variable: [
        { key: "base", value: "https://api.example.com", type: "string" },
        { key: "n", value: 5, type: "number" },
        { key: "flag", value: "true", type: "boolean" },
      ],
      auth: { type: "bearer", bearer: { token: "{{token}}" } },
      item: [
        item("url string", { method: "post", url: "{{base}}/users/:id?limit=10&q", header: "Accept: application/json\nX-Trace: {{trace}}" }),
        item("host and path strings", { method: "GET", url: { raw: "x", protocol: "https", host: "api.example.com", path: "/v1/items/:itemId", variable: [{ key: "", id: "itemId", value: "7" }] } }),
        item("typed path variable", { url: { host: ["{{base}}"], path: ["a", ":n"], variable: [{ key: "n", value: "3", type: "number" }] } }),
        item("form field with info", { method: "POST", url: { host: ["{{base}}"], path: ["form"] }, body: { mode: "urlencoded", urlencoded: [{ key: "a", value: "1", info: { description: "(Optional) a" } }] } }),
        item("mode in capitals", { method: "PUT", url: { host: ["{{base}}"], path: ["x"] }, body: { mode: "RAW", raw: '{"a":1}' } }),
        item("query entry with info", { url: { host: ["{{base}}"], query: [{ key: "q", value: "1", info: { description: "(Required) from info" } }] } }),
        item("auth as an object", { url: { host: ["{{base}}"] }, auth: { type: "apikey", apikey: { key: "X-Key", value: "{{key}}", in: "header" } } }),
        item("auth of an unknown type", { url: { host: ["{{base}}"] }, auth: { type: "custom-scheme", "custom-scheme": [{ key: "a", value: "b" }] } }),
        { name: "folder", auth: { type: "basic", basic: [{ key: "username", value: "u", type: "string" }, { key: "password", value: 1, type: "any" }] }, item: [item("inner", "https://example.com/inner")] },
      ],
    };
    const file = join(work.path, "shapes.json");
    writeFileSync(file, JSON.stringify(collection));
    const { fast, sdk, fallbacks } = bothWays(file, work.path);
    expect(fast).toBe(sdk);
    expect(fallbacks).toBeGreaterThan(0);
    // The SDK's answers are the interesting ones: spot-check that they arrived.
    const ir = JSON.parse(fast).ir as { operations: { name: string; method: string; query: { key: string }[]; pathParams: { key: string }[] }[] };
    const byName = new Map(ir.operations.map((op) => [op.name, op]));
    expect(byName.get("url string")?.method).toBe("POST");
    expect(byName.get("url string")?.query.map((q) => q.key)).toEqual(["limit", "q"]);
    expect(byName.get("host and path strings")?.pathParams.map((p) => p.key)).toEqual(["itemId"]);
  });

  it("reads odd but canonical values itself, with the SDK's defaults and coercions", () => {
    const url = (path: string, extra: object = {}) => ({ protocol: "https", host: ["api", "example", "com"], path: [path], ...extra });
    const collection = {
      info: { name: "Odd values" },
      variable: [
        { key: "v", value: 1, type: "default" },
        { key: "w", value: "a", type: "secret" },
        { key: "d", value: "z", disabled: "no" },
        { key: "n", value: 2, type: "number" },
      ],
      item: [
        {
          name: "headers",
          request: {
            method: "patch",
            url: url("h"),
            header: [{ key: "X-No-Value" }, { key: 0, value: "zero key" }, { key: "X-Off", value: "1", disabled: "yes" }, { key: "Accept", value: null }],
            description: { content: "Request description", type: "text/markdown" },
          },
        },
        {
          name: "query and variables",
          request: {
            method: null,
            url: url(":id", { query: [{ key: "q", disabled: 1 }, { key: "r", value: 5 }, { key: null, value: "x" }], variable: [{ key: "id", value: 7, disabled: "x" }] }),
            auth: null,
          },
        },
        {
          name: "form",
          request: {
            method: "POST",
            url: url("f"),
            body: { mode: "formdata", formdata: [{ key: "f", disabled: [] }, { key: "g" }, { key: "", value: "x" }, { key: 0, value: "zero" }, { key: "h", type: "file", src: "a.txt" }, { key: "g", value: ["a", "b"] }] },
          },
        },
        { name: "raw null", request: { method: "PUT", url: url("r"), body: { mode: "Raw", raw: null } } },
        { name: "odd mode", request: { method: "PUT", url: url("o"), body: { mode: "text", raw: "plain" } } },
        { name: "graphql", request: { method: "POST", url: url("g"), body: { mode: "graphql", graphql: { query: "{ a }", variables: '{"x":1}' } } } },
        { name: "empty urlencoded", request: { method: "POST", url: url("u"), body: { mode: "urlencoded" } } },
        { name: "folder", auth: { type: "noauth" }, item: [{ name: "inner", request: { url: url("i"), auth: { type: "apikey", apikey: [{ key: "in", value: "query" }, { key: "key", value: "k" }] } } }] },
      ],
    };
    const file = join(work.path, "odd.json");
    writeFileSync(file, JSON.stringify(collection));
    const { fast, sdk, fallbacks } = bothWays(file, work.path);
    expect(fast).toBe(sdk);
    expect(fallbacks).toBe(0);
  });

  it("names the file and item when the SDK cannot read a shape", () => {
    const collection = {
      info: { name: "Broken" },
      item: [{ name: "Folder", item: [{ name: "Bad", request: { url: { host: ["h"], query: [{ key: "toString", value: "x" }] }, header: "x" } }] }],
    };
    const failing = () => {
      throw new Error("boom");
    };
    try {
      readPostmanModel(collection, () => "broken.json", () => ({ request: failing, auth: failing, variables: failing, folder: failing }));
      expect.unreachable("the reader should have asked the SDK");
    } catch (error) {
      expect(error).toBeInstanceOf(PmgenError);
      expect((error as PmgenError).source).toEqual({ file: "broken.json", itemPath: "Folder / Bad" });
      expect((error as Error).message).toContain("boom");
    }
  });

  it("agrees with the SDK on the fuzz corpus", () => {
    const seed = 7;
    let compared = 0;
    const disagreements: string[] = [];
    for (const { run, text } of fuzzCollections(seed, 2000)) {
      const file = join(work.path, `fuzz${run}.json`);
      writeFileSync(file, text);
      const attempt = <T>(read: () => T): T | { error: string } => {
        try {
          return read();
        } catch (error) {
          return { error: error instanceof PmgenError ? "PmgenError" : `${(error as Error).message}` };
        }
      };
      const fast = attempt(() => fastWay(file, work.path).ir);
      const sdk = attempt(() => sdkWay(file, work.path));
      if (typeof fast !== "string") {
        // A rejection is fine when the SDK cannot read it either (or validation refused it).
        if (fast.error !== "PmgenError" || typeof sdk === "string") disagreements.push(`run ${run} (seed ${seed}): fast ${fast.error}, sdk ${typeof sdk === "string" ? "read it" : sdk.error}`);
        continue;
      }
      compared++;
      if (fast !== sdk) disagreements.push(`run ${run} (seed ${seed}): ${typeof sdk === "string" ? "the IRs differ" : `the SDK failed: ${sdk.error}`}`);
    }
    expect(disagreements.slice(0, 5)).toEqual([]);
    expect(compared).toBeGreaterThan(1000);
  }, 300_000);
});
