import { Validator } from "@seriousme/openapi-schema-validator";
import { describe, expect, it } from "vitest";
import { inferTypes } from "../../generator/infer/index.js";
import type { CollectionIR, OperationIR } from "../../generator/model/ir.js";
import { buildOpenApi, buildOpenApiDocument } from "../../generator/openapi/index.js";
import { openApiPath, serverObject } from "../../generator/openapi/servers.js";
import { discoverCollections } from "../../generator/load/discover.js";
import { loadCollection } from "../../generator/load/load-collection.js";
import { buildCollectionIR } from "../../generator/model/build.js";
import { collectTypeRequests } from "../../generator/infer/requests.js";

type Doc = Record<string, any>;

function operation(overrides: Partial<OperationIR>): OperationIR {
  return {
    id: "getVolumeBackup",
    typeName: "GetVolumeBackup",
    name: "Get volume backup",
    folderPath: ["volumeBackups"],
    itemPath: "volumeBackups / Get volume backup",
    source: { file: "oci.json", itemPath: "volumeBackups / Get volume backup" },
    method: "GET",
    url: {
      raw: "{{baseUrl}}/volumeBackups/:volumeBackupId",
      template: "{{baseUrl}}/volumeBackups/:volumeBackupId",
      base: "{{baseUrl}}",
      path: "/volumeBackups/:volumeBackupId",
      variables: ["baseUrl"],
    },
    pathParams: [{ key: "volumeBackupId", kind: "caller", required: true, value: "ocid1.x", samples: ["ocid1.x"] }],
    query: [],
    headers: [],
    auth: { type: "noauth", params: {}, from: "collection" },
    responses: [],
    ...overrides,
  };
}

const error = (name: string, status: number) => ({
  name,
  status,
  headers: [{ key: "opc-request-id", value: "abc" }, { key: "Content-Type", value: "application/json" }],
  contentType: "application/json",
  body: JSON.stringify({ code: "NotAuthorized", message: `status ${status}` }),
});

function collection(operations: OperationIR[]): CollectionIR {
  return {
    name: "oci",
    title: "OCI",
    schemaVersion: "2.1",
    environments: [],
    source: { file: "oci.json" },
    variables: [
      { key: "baseUrl", default: "https://{{host}}/20160918", secret: false, usedInUrl: true },
      { key: "host", default: "iaas.{{region}}.oraclecloud.com", secret: false, usedInUrl: true },
      { key: "region", secret: false, usedInUrl: true },
    ],
    operations,
  };
}

function fixture(): { ir: CollectionIR; doc: Doc } {
  const ir = collection([
    operation({
      query: [{ key: "limit", kind: "caller", required: false, value: "10", samples: ["10", "20", "50"], description: "Page size" }],
      headers: [
        { key: "opc-request-id", kind: "caller", required: false, samples: ["x"] },
        { key: "authorization", kind: "auth", required: true, samples: [] },
        { key: "x-date", kind: "auth", required: true, samples: [] },
      ],
      responses: [
        {
          name: "OK",
          status: 200,
          headers: [{ key: "etag", value: "1" }],
          contentType: "application/json",
          body: JSON.stringify({ id: "ocid1.a", sizeInGBs: 50, timeCreated: "2024-01-01T00:00:00Z" }),
        },
        error("Unauthorized", 401),
        error("Not found", 404),
      ],
    }),
    operation({
      id: "createVolumeBackup",
      typeName: "CreateVolumeBackup",
      name: "Create volume backup",
      method: "POST",
      url: { raw: "{{baseUrl}}/volumeBackups", template: "{{baseUrl}}/volumeBackups", base: "{{baseUrl}}", path: "/volumeBackups", variables: ["baseUrl"] },
      pathParams: [],
      body: { mode: "raw", language: "json", contentType: "application/json", samples: [{ origin: "request", text: '{"volumeId": "ocid1.v", "type": "FULL"}' }] },
      responses: [error("Unauthorized", 401)],
    }),
    operation({
      id: "uploadFile",
      typeName: "UploadFile",
      name: "Upload",
      method: "POST",
      url: {
        raw: "https://files.example.com/upload",
        template: "https://files.example.com/upload",
        base: "https://files.example.com",
        path: "/upload",
        variables: [],
      },
      pathParams: [],
      body: {
        mode: "formdata",
        samples: [],
        fields: [
          { key: "file", type: "file", required: true, samples: [] },
          { key: "note", type: "text", required: false, samples: ["hello"] },
        ],
      },
      auth: { type: "apikey", params: { in: "header", key: "X-Key" }, from: "request" },
      responses: [{ name: "Created", status: 201, headers: [], contentType: "text/plain", body: "created" }],
    }),
  ]);
  return { ir, doc: buildOpenApi(ir, inferTypes(collectTypeRequests(ir))) as Doc };
}

describe("servers and paths", () => {
  it("resolves variable defaults through other variables and leaves the rest as server variables", () => {
    const { variables } = collection([]);
    expect(serverObject("{{baseUrl}}", variables)).toEqual({
      url: "https://iaas.{region}.oraclecloud.com/20160918",
      variables: { region: { default: "", description: expect.stringContaining("{{region}}") } },
    });
    expect(serverObject("api.example.com", [])).toEqual({ url: "https://api.example.com" });
  });

  it("turns :params into {params} and unresolved path variables into path parameters", () => {
    expect(openApiPath("/repos/:owner/:repo/{{version}}")).toEqual({ path: "/repos/{owner}/{repo}/{version}", unresolved: ["version"] });
    expect(openApiPath("")).toEqual({ path: "/", unresolved: [] });
    // A path variable inside a segment, as Postman reads it: the name ends at the first dot.
    expect(openApiPath("/Accounts/:AccountSid/Calls/:Sid.json")).toEqual({ path: "/Accounts/{AccountSid}/Calls/{Sid}.json", unresolved: [] });
  });
});

describe("buildOpenApi", () => {
  it("produces a valid OpenAPI 3.1 document", async () => {
    const { doc } = fixture();
    const result = await new Validator().validate(doc);
    expect(result.errors).toBeUndefined();
    expect(result.valid).toBe(true);
    expect(doc.openapi).toBe("3.1.0");
  });

  it("describes operations, parameters and shared schemas", () => {
    const { doc } = fixture();
    expect(doc.servers[0].url).toBe("https://iaas.{region}.oraclecloud.com/20160918");
    const get = doc.paths["/volumeBackups/{volumeBackupId}"].get;
    expect(get.operationId).toBe("getVolumeBackup");
    expect(get.summary).toBe("Get volume backup");
    expect(get.parameters).toEqual([
      { name: "volumeBackupId", in: "path", required: true, schema: { type: "string" } },
      { name: "limit", in: "query", required: false, schema: { type: "integer" }, description: "Page size" },
      { name: "opc-request-id", in: "header", required: false, schema: { type: "string" } },
    ]);
    // One error shape for every error status of every operation, under components.
    expect(get.responses["401"].content["application/json"].schema).toEqual({ $ref: "#/components/schemas/ErrorResponse" });
    expect(get.responses["404"].content["application/json"].schema).toEqual({ $ref: "#/components/schemas/ErrorResponse" });
    expect(doc.paths["/volumeBackups"].post.responses["401"].content["application/json"].schema).toEqual({
      $ref: "#/components/schemas/ErrorResponse",
    });
    expect(doc.components.schemas.ErrorResponse).toMatchObject({ type: "object", required: ["code", "message"] });
    expect(doc.components.schemas.GetVolumeBackupResponse200.properties.timeCreated).toEqual({ type: "string", "x-pmgen-format-hint": "date-time" });
    // One value ("1") says whole number, too little to say integer.
    expect(get.responses["200"].headers).toEqual({ etag: { schema: { type: "number", "x-pmgen-integer-hint": true } } });
    expect(get.responses["200"].content["application/json"].examples).toEqual({
      OK: { value: { id: "ocid1.a", sizeInGBs: 50, timeCreated: "2024-01-01T00:00:00Z" } },
    });
  });

  it("types request bodies per mode and declares supported auth", () => {
    const { doc } = fixture();
    const create = doc.paths["/volumeBackups"].post;
    expect(create.requestBody.content["application/json"].schema).toEqual({ $ref: "#/components/schemas/CreateVolumeBackupRequest" });
    const upload = doc.paths["/upload"].post;
    expect(upload.servers).toEqual([{ url: "https://files.example.com" }]);
    expect(upload.requestBody.content["multipart/form-data"].schema).toEqual({
      type: "object",
      properties: { file: { type: "string", format: "binary" }, note: { type: "string" } },
      required: ["file"],
    });
    expect(upload.security).toEqual([{ "apiKey_header_X-Key": [] }]);
    expect(doc.components.securitySchemes["apiKey_header_X-Key"]).toEqual({ type: "apiKey", in: "header", name: "X-Key" });
    expect(upload.responses["201"].content["text/plain"]).toEqual({ schema: { type: "string" }, examples: { Created: { value: "created" } } });
  });

  it("merges items with the same method and path into one operation that carries what each says", () => {
    const ir = collection([
      operation({
        query: [{ key: "limit", kind: "caller", required: true, samples: ["10"] }],
        responses: [{ name: "OK", status: 200, headers: [], contentType: "application/json", body: '{"id": "a", "size": 1}' }],
      }),
      operation({
        id: "getVolumeBackupWithPage",
        name: "Get volume backup (paged)",
        query: [
          { key: "limit", kind: "caller", required: true, samples: ["20"] },
          { key: "page", kind: "caller", required: true, samples: ["2"] },
        ],
        responses: [
          { name: "Paged", status: 200, headers: [], contentType: "application/json", body: '{"items": ["x"]}' },
          error("Not found", 404),
        ],
      }),
    ]);
    const { document, report } = buildOpenApiDocument(ir, inferTypes(collectTypeRequests(ir)));
    const doc = document as Doc;
    const get = doc.paths["/volumeBackups/{volumeBackupId}"].get;
    expect(get.operationId).toBe("getVolumeBackup");
    expect(get["x-pmgen-merged-items"].map((i: { operationId: string }) => i.operationId)).toEqual(["getVolumeBackup", "getVolumeBackupWithPage"]);
    // `limit` is sent by both, `page` by one: required only where every item requires it.
    expect(get.parameters.filter((p: { in: string }) => p.in === "query").map((p: { name: string; required: boolean }) => [p.name, p.required])).toEqual([
      ["limit", true],
      ["page", false],
    ]);
    const ok = get.responses["200"].content["application/json"];
    expect(ok.schema.anyOf).toHaveLength(2);
    expect(Object.keys(ok.examples)).toEqual(["OK", "Paged"]);
    expect(Object.keys(get.responses)).toEqual(["200", "404"]);
    expect(report).toMatchObject({ operations: 1, skipped: [] });
    expect(report.merged.map((m) => [m.item.id, m.into.id])).toEqual([["getVolumeBackupWithPage", "getVolumeBackup"]]);
    expect(doc["x-pmgen-skipped-operations"]).toBeUndefined();
  });

  it("leaves out only what OpenAPI cannot hold, and reports it", () => {
    const ir = collection([operation({}), operation({ id: "copyVolumeBackup", method: "COPY" })]);
    const { report } = buildOpenApiDocument(ir, inferTypes(collectTypeRequests(ir)));
    expect(report.skipped.map((s) => [s.item.id, s.reason])).toEqual([["copyVolumeBackup", "OpenAPI has no COPY operations"]]);
  });
});

describe("every fixture and corpus collection", () => {
  const cwd = new URL("../..", import.meta.url).pathname;
  const sources = discoverCollections(["test/fixtures/collections", "test/fixtures/corpus"], cwd);
  it.each(sources.map((source) => [source.name, source] as const))("%s exports a valid OpenAPI 3.1 document", async (_, source) => {
    const { ir } = buildCollectionIR(loadCollection(source, cwd));
    const doc = buildOpenApi(ir, inferTypes(collectTypeRequests(ir))) as Doc;
    const result = await new Validator().validate(JSON.parse(JSON.stringify(doc)));
    expect(result.errors).toBeUndefined();
    expect(result.valid).toBe(true);
    // Every item is an operation, merged into one, or named as left out.
    const operations = Object.values(doc.paths as Record<string, Record<string, Doc>>).flatMap((item) => Object.values(item));
    const items = operations.reduce((n, op) => n + (op["x-pmgen-merged-items"]?.length ?? 1), 0);
    expect(items + (doc["x-pmgen-skipped-operations"]?.length ?? 0)).toBe(ir.operations.length);
  });
});
