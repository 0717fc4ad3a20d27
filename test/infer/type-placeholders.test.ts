/**
 * Postman's OpenAPI-import placeholders (`"<long>"`, `"<dateTime>"`) are evidence of a type,
 * never values: on crafted samples and on adobe-cja, a collection Postman imported from an
 * OpenAPI file.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { standIn, typePlaceholder, withStandIns } from "../../generator/infer/type-placeholders.js";
import { runPipeline } from "../../generator/pipeline.js";
import { ROOT, tempDir } from "../support.js";
import { inferTypes, jsonRequest, moduleOf, stringsRequest, typecheck } from "./helpers.js";

const infer = (texts: string[]) => inferTypes([jsonRequest("getThing:response:200", "GetThingResponse200", texts)]);

describe("type placeholders", () => {
  it("are read by name, case-insensitively, and only the importer's names", () => {
    expect(typePlaceholder("<long>")).toEqual({ kind: "integer" });
    expect(typePlaceholder("<dateTime>")).toEqual({ kind: "string", format: "date-time" });
    expect(typePlaceholder("<UUID>")).toEqual({ kind: "string", format: "uuid" });
    for (const value of ["<client_id>", "<secret>", "long", "<long", "< long >", "<Media2CloudEndpoint>"]) expect(typePlaceholder(value)).toBeUndefined();
  });

  it("type their position as the spec states, with the format as a constraint, and are never examples", () => {
    const result = infer(['{"count": "<long>", "ratio": "<double>", "ok": "<boolean>", "at": "<dateTime>", "id": "<uuid>", "name": "<string>", "meta": "<object>"}']);
    const schema = result.declarations[0]!.schema as { properties: Record<string, unknown> };
    expect(schema.properties).toEqual({
      count: { type: "integer" },
      ratio: { type: "number" },
      ok: { type: "boolean" },
      at: { type: "string", format: "date-time" },
      id: { type: "string", format: "uuid" },
      name: { type: "string" },
      meta: { type: "object" },
    });
    const source = moduleOf(result);
    expect(source).toContain("count: number;");
    expect(source).toContain("meta: Record<string, unknown>;");
    expect(source).not.toMatch(/@example.*</);
    expect(typecheck(source)).toEqual([]);
  });

  it("merge with real values: an integer placeholder beside a fraction is a number, a format holds only if the values have it", () => {
    const result = infer(['{"n": "<integer>", "at": "<dateTime>", "s": "<dateTime>"}', '{"n": 2.5, "at": "2024-05-01T10:00:00Z", "s": "yesterday"}']);
    const schema = result.declarations[0]!.schema as { properties: Record<string, unknown> };
    expect(schema.properties.n).toEqual({ type: "number" });
    expect(schema.properties.at).toEqual({ type: "string", format: "date-time" });
    expect(schema.properties.s).toEqual({ type: "string" });
  });

  it("type plain-text parameters too", () => {
    const result = inferTypes([stringsRequest("op:query:limit", ["<integer>"]), stringsRequest("op:query:flag", ["<boolean>", "true"]), stringsRequest("op:query:q", ["<string>"])]);
    expect(result.roots["op:query:limit"]!.schema).toEqual({ type: "integer" });
    expect(result.roots["op:query:flag"]!.schema).toEqual({ type: "boolean" });
    expect(result.roots["op:query:q"]!.schema).toEqual({ type: "string" });
  });

  it("become typed stand-ins in the sample values fixtures are built from, without touching the parsed sample", () => {
    const sample = JSON.parse('{"a": ["<long>", "x"], "b": {"c": "<dateTime>"}, "d": 1}');
    const copy = withStandIns(sample);
    expect(copy).toEqual({ a: [0, "x"], b: { c: "1970-01-01T00:00:00Z" }, d: 1 });
    expect(sample.a[0]).toBe("<long>");
    const plain = { a: 1 };
    expect(withStandIns(plain)).toBe(plain);
    expect(standIn({ kind: "string", format: "uuid" })).toBe("00000000-0000-0000-0000-000000000000");
    const result = infer(['{"count": "<long>"}']);
    expect(result.roots["getThing:response:200"]!.values[0]!.value).toEqual({ count: 0 });
  });
});

describe("a collection Postman imported from an OpenAPI file (adobe-cja)", () => {
  const [collection] = runPipeline({ inputs: [join(ROOT, "test/fixtures/corpus/adobe-cja.postman_collection.json")], cwd: ROOT });
  const files = [...collection!.files].filter(([path]) => !path.startsWith("runtime/"));

  it("types no field from a placeholder as a string of that text, and shows none as an example", () => {
    const types = collection!.files.get("types.ts")!;
    expect(types).not.toMatch(/@example "?<(string|integer|long|number|float|double|boolean|dateTime|date|uuid)>/);
    // `shareId`, `totalElements` and `offset` are `<long>` in every sample: numbers, not strings.
    expect(types).toMatch(/shareId\??: number;/);
    expect(types).toMatch(/totalElements\??: number;/);
    expect(types).toMatch(/@format date-time\s*\*\/\s*\n\s*createdDate\??: string;/);
    for (const [path, content] of files) expect(content, path).not.toMatch(/\b(?:count|offset|shareId|totalElements): "<long>"/);
  });
});

describe("a placeholder under a parameter named like a credential", () => {
  const dir = tempDir("placeholder-secret");
  afterAll(() => dir.remove());

  it("is not a secret value: every other <integer> keeps its type", () => {
    // parliament.uk's bills API: a `Session` query parameter (a session number) holds `<integer>`;
    // taken for a secret, that text was redacted everywhere and every integer became a string.
    const url = (query: { key: string; value: string }[]) => ({ raw: "https://api.example.com/bills", host: ["api", "example", "com"], path: ["bills"], query });
    const request = { method: "GET", url: url([{ key: "Session", value: "<integer>" }, { key: "Take", value: "<integer>" }]) };
    const file = join(dir.path, "bills.postman_collection.json");
    writeFileSync(
      file,
      JSON.stringify({
        info: { name: "Bills", schema: "https://schema.getpostman.com/json/collection/v2.1.0/collection.json" },
        item: [{ name: "List bills", request, response: [{ name: "OK", originalRequest: request, code: 200, header: [{ key: "Content-Type", value: "application/json" }], body: '{"itemsPerPage": "<integer>", "items": [{"billId": "<integer>"}]}' }] }],
      }),
    );
    const [collection] = runPipeline({ inputs: [file], cwd: ROOT });
    const types = [...collection!.files].filter(([path]) => !path.startsWith("runtime/")).map(([, content]) => content).join("\n");
    expect(types).toMatch(/itemsPerPage: number;/);
    expect(types).toMatch(/billId: number;/);
    expect(types).not.toContain("[redacted]");
  });
});
