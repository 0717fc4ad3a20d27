/** One test per merging rule in the README (Type inference). */
import { describe, expect, it } from "vitest";
// inferTypes here renders the graph (see helpers.ts)
import { inferTypes, jsonRequest, moduleOf, stringsRequest, typecheck } from "./helpers.js";

function infer(texts: string[], name = "GetThingResponse200", key = "getThing:response:200") {
  return inferTypes([jsonRequest(key, name, texts)]);
}

function declaration(result: ReturnType<typeof inferTypes>, name: string): string {
  const found = result.declarations.find((d) => d.name === name);
  if (found === undefined) throw new Error(`no declaration ${name} in ${result.declarations.map((d) => d.name).join(", ")}`);
  return found.tsSource;
}

/** A declaration's members without JSDoc, one per line. */
function members(result: ReturnType<typeof inferTypes>, name: string): string[] {
  return declaration(result, name)
    .split("\n")
    .filter((line) => /^  [^ /*]/.test(line))
    .map((line) => line.trim());
}

describe("merging samples", () => {
  it("a key missing in some samples is optional; null is nullable, not optional", () => {
    // A request body: keys every example sent stay required (partial bodies are a response rule).
    const result = infer(['{"a": 1, "b": null, "c": "x"}', '{"a": 2, "b": "y"}'], "PutThingRequest", "putThing:request");
    expect(members(result, "PutThingRequest")).toEqual(["a: number;", "b: string | null;", "c?: string;"]);
    expect(result.declarations[0]!.schema).toMatchObject({ required: ["a", "b"] });
  });

  it("a response key in every sample is required when the samples agree on their keys", () => {
    const result = infer(['{"a": 1, "b": null, "n": {"x": 1}}', '{"a": 2, "b": "y", "n": {"x": 2}}']);
    expect(members(result, "GetThingResponse200")).toEqual(["a: number;", "b: string | null;", "n: N;"]);
    expect(members(result, "N")).toEqual(["x: number;"]);
    // Array elements of one sample differing is data, not a partial body: `id` stays required.
    const list = infer(['[{"id": 1}, {"id": 2, "name": "x"}]'], "ListResponse200", "list:response:200");
    expect(members(list, "ListResponse200Item")).toEqual(["id: number;", "name?: string;"]);
  });
});

describe("partial response bodies", () => {
  // Twitter-style field selection: each example asked for other fields.
  const tweets = [
    '{"data": {"id": "1", "text": "a", "lang": "en", "geo": {"place_id": "p1"}}}',
    '{"data": {"id": "2", "text": "b", "author_id": "7", "geo": {"place_id": "p2"}}}',
    '{"data": {"id": "3", "text": "c", "lang": "fr", "geo": {"place_id": "p3"}}}',
  ];

  it("where samples disagree on an object's keys, keys in every sample are optional below 10 samples", () => {
    const result = infer(tweets);
    expect(members(result, "Data")).toEqual(["id?: string;", "text?: string;", "lang?: string;", "geo?: Geo;", "author_id?: string;"]);
    // The root's samples agree ({data}): `data` stays required.
    expect(members(result, "GetThingResponse200")).toEqual(["data: Data;"]);
    // Nested below a partial position, agreeing samples are no proof either.
    expect(members(result, "Geo")).toEqual(["place_id?: string;"]);
    const schema = result.declarations.find((d) => d.name === "Data")!.schema;
    expect(schema).not.toHaveProperty("required");
  });

  it("from 10 agreeing samples on, a key in every sample is required again", () => {
    const many = Array.from({ length: 10 }, (_, i) => `{"id": ${i}, "text": "t"${i % 2 === 0 ? ', "lang": "en"' : ""}}`);
    const result = infer(many);
    expect(members(result, "GetThingResponse200")).toEqual(["id: number;", "text: string;", "lang?: string;"]);
    expect(members(infer(many.slice(0, 9)), "GetThingResponse200")).toEqual(["id?: number;", "text?: string;", "lang?: string;"]);
  });

  it("the held-out example of a partial body validates (the bench's leave-one-out case)", async () => {
    const { pmgenSchema } = await import("../../bench/inference/tools.js");
    const { compile } = await import("../../bench/inference/score.js");
    const training = { item: {}, status: 200, collection: { info: {}, item: [] } };
    const validate = compile(pmgenSchema({ ...training, bodies: tweets.slice(0, 2) }).schema, "2020")!;
    expect(validate(JSON.parse(tweets[2]!))).toBe(true);
    expect(validate(JSON.parse('{"data": {"id": "4", "text": "d"}}'))).toBe(true);
    expect(validate(JSON.parse('{"data": {"id": 4, "text": "d"}}'))).toBe(false);
  });

  it("a single example of an error status makes no key required; two agreeing ones do", () => {
    const lone = infer(['{"error": {"name": "malformedRequestError", "message": "m", "details": {"item": "c"}}}'], "CreateResponse400", "create:response:400");
    expect(members(lone, "CreateResponse400")).toEqual(["error?: CreateResponse400Error;"]);
    expect(members(lone, "CreateResponse400Error")).toEqual(["name?: string;", "message?: string;", "details?: Details;"]);
    expect(lone.declarations.every((d) => !("required" in (d.schema as object)))).toBe(true);
    const agreeing = infer(['{"code": "A", "message": "m"}', '{"code": "B", "message": "n"}'], "CreateResponse404", "create:response:404");
    expect(members(agreeing, "CreateResponse404")).toEqual(["code: string;", "message: string;"]);
    // Another error example (any operation) with the same root keys corroborates a lone one.
    const corroborated = inferTypes([
      jsonRequest("create:response:400", "CreateResponse400", ['{"code": "A", "message": "m"}']),
      jsonRequest("other:response:404", "OtherResponse404", ['{"code": "C", "message": "o"}']),
      jsonRequest("third:response:409", "ThirdResponse409", ['{"code": "D", "reason": "r"}']),
    ]);
    expect(members(corroborated, "ErrorResponse")).toEqual(["code: string;", "message: string;"]);
    expect(members(corroborated, "ThirdResponse409")).toEqual(["code?: string;", "reason?: string;"]);
    // A success body with one sample keeps every key required.
    expect(members(infer(['{"code": "A", "message": "m"}']), "GetThingResponse200")).toEqual(["code: string;", "message: string;"]);
  });

  it("keys that vary between samples over like values also type the keys not seen", () => {
    const result = infer(
      ['{"details": {"param": "collection", "uid": "u1"}}', '{"details": {"param": "schedule.timezone"}}', '{"details": {"param": "monitor"}}'],
      "CreateMonitorResponse400",
      "createMonitor:response:400",
    );
    expect(members(result, "Details")).toEqual(["param?: string;", "uid?: string;", "[key: string]: string | undefined;"]);
    const schema = result.declarations.find((d) => d.name === "Details")!.schema;
    expect(schema).toMatchObject({ additionalProperties: { type: "string" } });
    expect(typecheck(moduleOf(result))).toEqual([]);
    // A key seen only as null in such a bag holds the same kind as its siblings (exivity's mail headers).
    const mail = infer(['{"h": {"to": "a@b.c", "cc": null}}', '{"h": {"to": "d@e.f", "bcc": null}}'], "SendResponse200", "send:response:200");
    expect(members(mail, "H")).toEqual(["to?: string;", "cc?: string | null;", "bcc?: string | null;", "[key: string]: string | null | undefined;"]);
    expect(typecheck(moduleOf(mail))).toEqual([]);
    // Mixed kinds, or one key only, say nothing about other keys.
    const mixed = infer(['{"d": {"a": "x", "n": 1}}', '{"d": {"a": "y"}}']);
    expect(mixed.declarations.find((d) => d.name === "D")!.schema).not.toHaveProperty("additionalProperties");
    const single = infer(['{"d": {"a": "x"}}', '{"d": {}}', '{"d": {"a": "y"}}']);
    expect(JSON.stringify(single.declarations.map((d) => d.schema))).not.toContain("additionalProperties");
    // Samples that agree leave the object open.
    const agree = infer(['{"d": {"a": "x", "b": "y"}}', '{"d": {"a": "z", "b": "w"}}']);
    expect(agree.declarations.find((d) => d.name === "D")!.schema).not.toHaveProperty("additionalProperties");
  });

  it("different primitives at one position become a union", () => {
    const result = infer(['{"v": "x"}', '{"v": 3}', '{"v": true}']);
    expect(members(result, "GetThingResponse200")).toEqual(["v: string | number | boolean;"]);
    expect(result.declarations[0]!.schema).toMatchObject({ properties: { v: { type: ["string", "number", "boolean"] } } });
  });

  it("keeps integer apart from number in the schema, both number in TypeScript", () => {
    const result = infer(['{"count": 1, "ratio": 0.5}', '{"count": 2, "ratio": 1}', '{"count": 3, "ratio": 2}']);
    expect(members(result, "GetThingResponse200")).toEqual(["count: number;", "ratio: number;"]);
    expect(result.declarations[0]!.schema).toMatchObject({
      properties: { count: { type: "integer" }, ratio: { type: "number" } },
    });
  });

  it("calls a number an integer only from 3 distinct whole values; fewer are a hint", () => {
    const result = infer(['{"count": 1}', '{"count": 2}', '{"count": 2}']);
    expect(result.declarations[0]!.schema).toMatchObject({ properties: { count: { type: "number", "x-pmgen-integer-hint": true } } });
    expect(declaration(result, "GetThingResponse200")).toContain("Whole numbers in every sample (too few to be sure it is always one).");
  });

  it("an empty object is Record<string, unknown> and an empty array unknown[]", () => {
    const result = infer(['{"meta": {}, "tags": []}']);
    expect(members(result, "GetThingResponse200")).toEqual(["meta: Record<string, unknown>;", "tags: unknown[];"]);
    expect(infer(["{}"]).roots["getThing:response:200"]!.tsType).toBe("Record<string, unknown>");
    expect(infer(["[]"]).roots["getThing:response:200"]!.tsType).toBe("unknown[]");
  });

  it("an empty array in one sample takes the evidence of a filled one", () => {
    const result = infer(['{"tags": []}', '{"tags": ["a", "b"]}']);
    expect(members(result, "GetThingResponse200")).toEqual(["tags: string[];"]);
  });

  it("uses every element of every array, not the first", () => {
    const result = infer(['[{"id": 1}, {"id": 2, "name": "x"}, {"id": null}]'], "ListResponse200", "list:response:200");
    expect(result.roots["list:response:200"]!.tsType).toBe("ListResponse200Item[]");
    expect(members(result, "ListResponse200Item")).toEqual(["id: number | null;", "name?: string;"]);
  });

  it("objects with a tag field and disjoint shapes become a discriminated union", () => {
    const result = infer(
      ['{"events": [{"type": "push", "id": 1, "commits": 3}, {"type": "watch", "id": 2, "action": "started"}]}'],
    );
    expect(members(result, "GetThingResponse200")).toEqual(["events: (PushEvent | WatchEvent)[];"]);
    expect(members(result, "PushEvent")).toEqual(['type: "push";', "id: number;", "commits: number;"]);
    expect(members(result, "WatchEvent")).toEqual(['type: "watch";', "id: number;", "action: string;"]);
  });

  it("objects that share their keys merge even when a string field differs", () => {
    const result = infer(['{"items": [{"type": "a", "id": 1}, {"type": "b", "id": 2, "note": "x"}]}']);
    expect(members(result, "Item")).toEqual(["type: string;", "id: number;", "note?: string;"]);
  });

  it("an object without a conventional tag field is not split by an id-like field", () => {
    const result = infer(['{"items": [{"name": "a", "x": 1}, {"name": "b", "y": 2}]}']);
    expect(members(result, "Item")).toEqual(["name: string;", "x?: number;", "y?: number;"]);
  });

  it("roots that are scalars or arrays of scalars are inline", () => {
    expect(infer(['"x"', '"y"']).roots["getThing:response:200"]!.tsType).toBe("string");
    expect(infer(["[1, 2.5]"]).roots["getThing:response:200"]!.tsType).toBe("number[]");
    expect(infer(['[1, "a"]']).roots["getThing:response:200"]!.tsType).toBe("(string | number)[]");
    // `null` alone is no evidence of a type.
    expect(infer(["null"]).roots["getThing:response:200"]!.tsType).toBe("unknown");
  });

  it("a field seen only as null says nothing about its type: unknown, with a note, not null", () => {
    const result = infer(['{"deletedAt": null, "tags": [null]}', '{"deletedAt": null, "tags": []}']);
    expect(members(result, "GetThingResponse200")).toEqual(["deletedAt: unknown;", "tags: unknown[];"]);
    expect(declaration(result, "GetThingResponse200")).toContain("Only `null` was seen here: the samples do not say what else it holds.");
    expect(result.declarations[0]!.schema).toMatchObject({ properties: { deletedAt: {}, tags: { type: "array", items: {} } } });
    // Beside a value, null still makes the type nullable.
    expect(members(infer(['{"n": null}', '{"n": "x"}']), "GetThingResponse200")).toEqual(["n: string | null;"]);
  });
});

describe("maps", () => {
  it("objects keyed by numbers, UUIDs or dates are records", () => {
    const result = infer([
      '{"byId": {"1": {"n": 1}, "2": {"n": 2}}, "byUuid": {"0b5d2a0e-3f39-4b8a-9d55-0d7a2f6b1c11": true}, "byDay": {"2024-01-01": 3, "2024-01-02": 4}}',
    ]);
    expect(members(result, "GetThingResponse200")).toEqual([
      "byId: Record<string, ByIdValue>;",
      "byUuid: Record<string, boolean>;",
      "byDay: Record<string, number>;",
    ]);
    expect(result.declarations.find((d) => d.name === "GetThingResponse200")!.schema).toMatchObject({
      properties: { byDay: { type: "object", additionalProperties: { type: "number", "x-pmgen-integer-hint": true } } },
    });
  });

  it("keys that change between samples with one value shape make a record", () => {
    const result = infer(['{"languages": {"C": 10, "Go": 3}}', '{"languages": {"Rust": 5, "Zig": 1, "Go": 2}}']);
    expect(members(result, "GetThingResponse200")).toEqual(["languages: Record<string, number>;"]);
  });

  it("keys written as words with spaces are data", () => {
    const result = infer(['{"assertions": {"Status code is 200": {"ok": true}}}']);
    expect(members(result, "GetThingResponse200")).toEqual(["assertions: Record<string, Assertion>;"]);
  });

  it("a record of fixed field names stays an interface", () => {
    const result = infer(['{"permissions": {"admin": true, "push": false, "pull": true}}', '{"permissions": {"admin": false, "push": false, "pull": true}}']);
    expect(members(result, "Permissions")).toEqual(["admin: boolean;", "push: boolean;", "pull: boolean;"]);
  });

  it("a property named for HTTP headers, keyed by header names, is a record", () => {
    // A mock server's stub (wiremock): header names are data, whichever ones a sample shows.
    const result = infer([
      '{"request": {"headers": {"Accept": {"equalTo": "text/plain"}}}, "response": {"headers": {"Content-Type": "text/plain", "X-Request-Id": "r1"}}, "captureHeaders": {"Accept": {}, "Content-Type": {"caseInsensitive": true}}, "response_headers": {"content-length": "12"}}',
    ]);
    expect(members(result, "GetThingResponse200Request")).toEqual(["headers: Record<string, Header>;"]);
    expect(members(result, "GetThingResponse200Response")).toEqual(["headers: Record<string, string>;"]);
    expect(members(result, "GetThingResponse200")).toContain("captureHeaders: Record<string, CaptureHeader>;");
    expect(members(result, "GetThingResponse200")).toContain("response_headers: Record<string, string>;");
    // Keys that are not header names, or a property not named for headers, stay fields.
    const fields = infer(['{"headers": {"row_count": 2, "title": "t"}, "subheaders": {"Accept": "x"}, "meta": {"Content-Type": "x"}}']);
    expect(members(fields, "GetThingResponse200")).toEqual(["headers: GetThingResponse200Headers;", "subheaders: Subheaders;", "meta: Meta;"]);
  });

  it("keys numbered the way example generators write map entries make a record; beside named fields they are no fields", () => {
    // openapi-to-postmanv2 writes key_0, key_1 for additionalProperties; Swagger UI additionalProp1.
    const result = infer(['{"labels": {"key_0": "a", "key_1": "b"}, "extra": {"additionalProp1": 1}}'], "GetThingResponse200");
    expect(members(result, "GetThingResponse200")).toEqual(["labels: Record<string, string>;", "extra: Record<string, number>;"]);
    // A problem body whose spec allows other keys: the generator's entries are not its fields.
    const problem = infer(['{"detail": "d", "status": 400, "key_0": 296, "key_1": 5843}'], "GetThingResponse400", "getThing:response:400");
    expect(members(problem, "GetThingResponse400")).toEqual(["detail?: string;", "status?: number;"]);
    expect(problem.declarations[0]!.schema).not.toHaveProperty("properties.key_0");
    // Two samples that differ only in how many entries the generator wrote agree on their keys.
    const agree = infer(['{"id": 1, "key_0": "a"}', '{"id": 2, "key_0": "a", "key_1": "b"}']);
    expect(members(agree, "GetThingResponse200")).toEqual(["id: number;"]);
  });

  it("many keys with one value shape make a record", () => {
    const big = Object.fromEntries(Array.from({ length: 40 }, (_, i) => [`word${String.fromCharCode(97 + (i % 26))}${i}`, i]));
    expect(infer([JSON.stringify({ dictionary: big })]).declarations[0]!.tsSource).toContain("dictionary: Record<string, number>;");
  });
});

describe("formats", () => {
  it("a format is claimed when 3 distinct values all have it, kept in JSDoc and schema", () => {
    const result = infer([
      '{"at": "2024-05-01T10:00:00Z", "day": "2024-05-01", "id": "0b5d2a0e-3f39-4b8a-9d55-0d7a2f6b1c11", "url": "https://x.io/a?b=1", "mail": "a.b@example.com"}',
      '{"at": "2024-05-02T10:00:00.123+02:00", "day": "2024-02-29", "id": "1b5d2a0e-3f39-4b8a-9d55-0d7a2f6b1c11", "url": "http://x.io", "mail": "c@d.org"}',
      '{"at": "2024-05-03T00:00:00Z", "day": "2024-12-31", "id": "2b5d2a0e-3f39-4b8a-9d55-0d7a2f6b1c11", "url": "https://y.org/", "mail": "e@f.net"}',
    ]);
    const source = declaration(result, "GetThingResponse200");
    for (const format of ["date-time", "date", "uuid", "uri", "email"]) expect(source).toContain(`@format ${format}`);
    expect(result.declarations[0]!.schema).toMatchObject({
      properties: {
        at: { type: "string", format: "date-time" },
        day: { format: "date" },
        id: { format: "uuid" },
        url: { format: "uri" },
        mail: { format: "email" },
      },
    });
    expect(members(result, "GetThingResponse200")).toContain("at: string;");
  });

  it("fewer distinct values make a format a hint, not a constraint", () => {
    const result = infer(['{"ref": "https://docs.example.com/errors#unauthorized"}', '{"ref": "https://docs.example.com/errors#unauthorized"}']);
    expect(declaration(result, "GetThingResponse200")).toContain("Looks like uri (too few values to be sure; not checked).");
    expect(declaration(result, "GetThingResponse200")).not.toContain("@format");
    expect(result.declarations[0]!.schema).toMatchObject({ properties: { ref: { type: "string", "x-pmgen-format-hint": "uri" } } });
    expect((result.declarations[0]!.schema as { properties: { ref: object } }).properties.ref).not.toHaveProperty("format");
  });

  it("one disagreeing value drops the format", () => {
    const result = infer(['{"at": "2024-05-01T10:00:00Z"}', '{"at": "yesterday"}', '{"at": "2023-02-29"}']);
    expect(declaration(result, "GetThingResponse200")).not.toContain("@format");
  });

  it("a URL template with braces is not a uri", () => {
    expect(declaration(infer(['{"u": "https://api.github.com/repos/{owner}"}']), "GetThingResponse200")).not.toContain("@format");
  });

  it("integers beyond 2^53 produce a warning naming the position and the source", () => {
    const result = infer(['{"id": 12345678901234567890}']);
    expect(result.diagnostics).toHaveLength(1);
    expect(result.diagnostics[0]).toMatchObject({ severity: "warning", source: { file: "fixture.json", itemPath: "Folder / Item" } });
    expect(result.diagnostics[0]!.message).toMatch(/\$\.id.*2\^53/);
  });
});

describe("enums", () => {
  it("two values, each repeated, from at least two samples make a literal union", () => {
    const result = infer(['[{"state": "open"}, {"state": "closed"}]', '[{"state": "closed"}, {"state": "open"}]'], "ListResponse200", "list:response:200");
    expect(members(result, "ListResponse200Item")).toEqual(['state: "open" | "closed";']);
    expect(result.declarations[0]!.schema).toMatchObject({ properties: { state: { type: "string", enum: ["open", "closed"] } } });
  });

  it("counts a sample repeated word for word (the same body in every example's request) once", () => {
    const body = '[{"state": "open"}, {"state": "closed"}]';
    const result = infer([body, body, body], "ListResponse200", "list:response:200");
    expect(members(result, "ListResponse200Item")).toEqual(["state: string;"]);
  });

  it("never from one sample, however often the values repeat", () => {
    const result = infer(['[{"state": "open"}, {"state": "closed"}, {"state": "open"}, {"state": "closed"}]'], "ListResponse200", "list:response:200");
    expect(members(result, "ListResponse200Item")).toEqual(["state: string;"]);
  });

  it("not when a value is seen only once", () => {
    const result = infer(['{"s": "a"}', '{"s": "a"}', '{"s": "b"}', '{"s": "a"}']);
    expect(members(result, "GetThingResponse200")).toEqual(["s: string;"]);
  });

  it("not from free text", () => {
    const result = infer(['{"s": "hello world"}', '{"s": "hi there"}', '{"s": "hello world"}', '{"s": "hi there"}']);
    expect(members(result, "GetThingResponse200")).toEqual(["s: string;"]);
  });
});

describe("plain-text samples (headers, query)", () => {
  it("types integers, numbers and booleans only when every sample agrees", () => {
    const result = inferTypes([
      stringsRequest("op:query:page", ["1", "20", "3"]),
      stringsRequest("op:query:ratio", ["1", "0.5"]),
      stringsRequest("op:query:flag", ["true", "false"]),
      stringsRequest("op:query:mixed", ["1", "abc"]),
      stringsRequest("op:header:id", ["12345678901234567890"]),
      stringsRequest("op:header:none", []),
      stringsRequest("op:header:date", ["2024-01-01", "2024-01-02", "2024-01-03"]),
    ]);
    const types = Object.fromEntries(Object.entries(result.roots).map(([key, root]) => [key, root.tsType]));
    expect(types).toEqual({
      "op:query:page": "number",
      "op:query:ratio": "number",
      "op:query:flag": "boolean",
      "op:query:mixed": "string",
      "op:header:id": "string",
      "op:header:none": "string",
      "op:header:date": "string",
    });
    expect(result.roots["op:query:page"]!.schema).toEqual({ type: "integer" });
    expect(result.roots["op:header:date"]!.schema).toEqual({ type: "string", format: "date" });
    expect(result.roots["op:query:page"]!.values.map((v) => v.value)).toEqual([1, 20, 3]);
  });
});

describe("bodies that are not JSON", () => {
  it("text bodies give string and a warning naming file and item", () => {
    const result = infer(["<html>oops</html>", "plain"]);
    expect(result.roots["getThing:response:200"]).toMatchObject({ tsType: "string", values: [] });
    expect(result.diagnostics).toHaveLength(2);
    expect(result.diagnostics[0]).toMatchObject({ severity: "warning", source: { file: "fixture.json", itemPath: "Folder / Item" } });
    expect(result.diagnostics[0]!.message).toMatch(/not JSON .*line 1 column 1/);
  });

  it("no samples (or only empty ones) give unknown without a warning", () => {
    const result = infer(["", "  "]);
    expect(result.roots["getThing:response:200"]!.tsType).toBe("unknown");
    expect(result.diagnostics).toEqual([]);
  });

  it("mixed JSON and text infer from the JSON samples and warn about the rest", () => {
    const result = infer(['{"a": 1}', "not json"]);
    expect(result.roots["getThing:response:200"]!.tsType).toBe("GetThingResponse200");
    expect(result.roots["getThing:response:200"]!.values).toHaveLength(1);
    expect(result.diagnostics).toHaveLength(1);
  });

  it("reads Postman's {{placeholders}}, trailing commas and comments leniently", () => {
    const result = infer(['{"id": {{id}}, "name": "{{name}}", "n": 1, // note\n "tags": ["a",],}', '{"id": 5, "name": "x", "n": 2, "tags": []}']);
    expect(members(result, "GetThingResponse200")).toEqual(["id: number;", "name: string;", "n: number;", "tags: string[];"]);
    // The sample with a placeholder is evidence, not a fixture value.
    expect(result.roots["getThing:response:200"]!.values.map((v) => v.origin)).toEqual(["example 2"]);
    expect(result.diagnostics.map((d) => d.message)).toEqual([expect.stringMatching(/comment, trailing comma.*leniently/)]);
  });
});

describe("output", () => {
  it("never contains any or an empty interface, and type-checks", () => {
    const result = infer([
      '{"a": {}, "b": [], "c": [[], [{}]], "d": {"e": null}, "f": [null], "g": [{"h": []}], "i": {"1": {}}}',
    ]);
    const source = moduleOf(result);
    expect(source).not.toMatch(/\bany\b/);
    expect(source).not.toMatch(/\{\s*\}/);
    expect(typecheck(source)).toEqual([]);
  });

  it("is byte-identical across runs and independent of object key order in shape sharing", () => {
    const requests = [
      jsonRequest("a:response:200", "AResponse200", ['{"x": {"p": 1, "q": "s"}, "y": [{"q": "t", "p": 2}]}']),
      jsonRequest("b:response:200", "BResponse200", ['{"z": {"q": "s", "p": 1}}']),
    ];
    const first = JSON.stringify(inferTypes(requests));
    expect(JSON.stringify(inferTypes(requests))).toBe(first);
    const result = inferTypes(requests);
    // {p, q} appears three times with two key orders: one declaration.
    expect(result.declarations.map((d) => d.name)).toEqual(["AResponse200", "BResponse200", "X"]);
    expect(members(result, "AResponse200")).toEqual(["x: X;", "y: X[];"]);
  });

  it("declarations are sorted by name and list their references", () => {
    const result = infer(['{"owner": {"id": 1}, "repo": {"owner": {"id": 2}, "name": "r"}}']);
    expect(result.declarations.map((d) => d.name)).toEqual(["GetThingResponse200", "Owner", "Repo"]);
    expect(result.declarations[0]!.refs).toEqual(["Owner", "Repo"]);
    expect(result.roots["getThing:response:200"]!.refs).toEqual(["GetThingResponse200"]);
  });
});
