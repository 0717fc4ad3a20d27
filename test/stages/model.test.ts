import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { discoverCollections } from "../../generator/load/discover.js";
import { loadCollection } from "../../generator/load/load-collection.js";
import { buildCollectionIR } from "../../generator/model/build.js";
import { generatedNames } from "../../generator/pipeline.js";
import type { CollectionIR } from "../../generator/model/ir.js";
import { methodName } from "../../generator/model/names.js";
import { collectTypeRequests } from "../../generator/infer/requests.js";
import { keyOf } from "../infer/helpers.js";
import { OCI_FOLDER, ROOT, tempDir } from "../support.js";

const dir = tempDir("model");
afterAll(() => dir.remove());

function build(input: string, cwd = ROOT) {
  const [source] = discoverCollections([input], cwd);
  return buildCollectionIR(loadCollection(source!, cwd), generatedNames());
}

function buildJson(collection: object) {
  const file = join(dir.path, `c${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(file, JSON.stringify(collection));
  return build(file);
}

const op = (ir: CollectionIR, id: string) => {
  const found = ir.operations.find((o) => o.id === id);
  if (!found) throw new Error(`no operation ${id} in ${ir.operations.map((o) => o.id).join(", ")}`);
  return found;
};

describe("the OCI seed", () => {
  const { ir, diagnostics } = build(OCI_FOLDER);
  const create = op(ir, "createVolumeBackup");

  it("has the collection's variables and its OCI auth", () => {
    expect(diagnostics).toEqual([]);
    expect(ir.variables).toEqual([
      expect.objectContaining({ key: "baseUrl", default: "https://iaas.{{region}}.oraclecloud.com/20160918", usedInUrl: true }),
      expect.objectContaining({ key: "region", default: "us-ashburn-1", usedInUrl: true }),
    ]);
    expect(create.auth).toEqual({ type: "oci", params: {}, from: "collection" });
  });

  it("models CreateVolumeBackup: URL, folder path, headers by kind, body and every example", () => {
    expect(create).toMatchObject({
      name: "CreateVolumeBackup",
      folderPath: ["volumeBackups"],
      itemPath: "volumeBackups / CreateVolumeBackup",
      method: "POST",
      url: { template: "{{baseUrl}}/volumeBackups", base: "{{baseUrl}}", path: "/volumeBackups", variables: ["baseUrl"] },
    });
    expect(create.headers.map((h) => [h.key, h.kind, h.required])).toEqual([
      ["opc-retry-token", "caller", false],
      ["Date", "auth", false],
      ["Authorization", "auth", false],
      ["x-content-sha256", "auth", false],
    ]);
    expect(create.body).toMatchObject({ mode: "raw", language: "json", contentType: "application/json" });
    expect(create.body!.samples).toHaveLength(8);
    expect(create.responses.map((r) => r.status)).toEqual([200, 400, 401, 404, 409, 500, 500]);
    expect(create.responses[0]!.headers.map((h) => h.key)).toEqual(["etag", "opc-request-id", "Content-Type"]);
    expect(create.description).toMatch(/^Creates a new backup of the specified volume/);
  });

  it("is plain data that round-trips through JSON", () => {
    expect(JSON.parse(JSON.stringify(ir))).toEqual(ir);
  });

  it("asks infer for the request body, each status and each header position", () => {
    const keys = collectTypeRequests(ir).map((r) => keyOf(r.operation, r.position));
    expect(keys).toContain("createVolumeBackup:request");
    expect(keys).toContain("createVolumeBackup:response:200");
    expect(keys).toContain("createVolumeBackup:response:500");
    expect(keys).toContain("createVolumeBackup:header:opc-retry-token");
    expect(keys).not.toContain("createVolumeBackup:header:Authorization");
  });
});

describe("auth inheritance", () => {
  const bearer = (token: string) => ({ type: "bearer", bearer: [{ key: "token", value: token }] });
  const { ir } = buildJson({
    info: { name: "Auth", schema: "https://schema.getpostman.com/json/collection/v2.1.0/collection.json" },
    auth: { type: "basic", basic: [{ key: "username", value: "u" }, { key: "password", value: "p4ssw0rd-secret" }] },
    item: [
      { name: "Top", request: { url: "https://api.example.com/top" } },
      { name: "Own", request: { url: "https://api.example.com/own", auth: bearer("t0ken-value") } },
      {
        name: "Keys",
        auth: { type: "apikey", apikey: [{ key: "key", value: "X-Api-Key" }, { key: "value", value: "k3y-secret" }, { key: "in", value: "header" }] },
        item: [
          { name: "In folder", request: { url: "https://api.example.com/f", header: [{ key: "X-Api-Key", value: "{{key}}" }] } },
          { name: "Open", request: { url: "https://api.example.com/open", auth: { type: "noauth" } } },
          { name: "Hawk", request: { url: "https://api.example.com/hawk", auth: { type: "hawk", hawk: [{ key: "authKey", value: "h" }] } } },
        ],
      },
    ],
  });

  it("takes the request's, then the nearest folder's, then the collection's; noauth stops it", () => {
    expect(op(ir, "top").auth).toEqual({ type: "basic", params: {}, from: "collection" });
    expect(op(ir, "own").auth).toEqual({ type: "bearer", params: {}, from: "request" });
    expect(op(ir, "inFolder").auth).toEqual({ type: "apikey", params: { key: "X-Api-Key", in: "header" }, from: 'folder "Keys"' });
    expect(op(ir, "open").auth.type).toBe("noauth");
  });

  it("never copies secrets into the IR, and marks the header the auth computes", () => {
    const text = JSON.stringify(ir);
    for (const secret of ["p4ssw0rd-secret", "t0ken-value", "k3y-secret"]) expect(text).not.toContain(secret);
    expect(op(ir, "inFolder").headers).toEqual([expect.objectContaining({ key: "X-Api-Key", kind: "auth" })]);
  });

  it("keeps unsupported types for the sign hook", () => {
    expect(op(ir, "hawk").auth.type).toBe("hawk");
  });
});

describe("parameters, variables and body modes", () => {
  const { ir, diagnostics } = buildJson({
    info: { name: "Modes", schema: "https://schema.getpostman.com/json/collection/v2.0.0/collection.json" },
    variable: [
      { key: "baseUrl", value: "https://{{host}}/v1" },
      { key: "host", value: "api.example.com" },
      { key: "apiToken", value: "should-not-leak" },
    ],
    item: [
      {
        name: "Users",
        variable: [{ key: "version", value: "2024-01-01" }],
        item: [
          {
            name: "Get user",
            request: {
              method: "GET",
              url: {
                raw: "{{baseUrl}}/users/:userId?expand=profile&limit=10&debug=true",
                host: ["{{baseUrl}}"],
                path: ["users", ":userId"],
                query: [
                  { key: "expand", value: "profile" },
                  { key: "limit", value: "10", disabled: true },
                  { key: "api-version", value: "{{version}}" },
                ],
                variable: [{ key: "userId", value: "42", description: "The user id" }],
              },
              header: [
                { key: "Accept", value: "application/json" },
                { key: "X-Trace", value: "abc", disabled: true },
                { key: "Authorization", value: "Bearer {{apiToken}}" },
              ],
            },
            response: [
              { name: "OK", code: 200, header: [{ key: "Content-Type", value: "application/json" }], body: '{"id":42}' },
              { name: "404 - missing", header: [], body: '{"message":"no"}' },
            ],
          },
        ],
      },
      { name: "Form", request: { method: "POST", url: "https://api.example.com/form", body: { mode: "urlencoded", urlencoded: [{ key: "a", value: "1" }, { key: "b", value: "2", disabled: true }] } } },
      { name: "Upload", request: { method: "POST", url: "https://api.example.com/up", body: { mode: "formdata", formdata: [{ key: "name", value: "x", type: "text" }, { key: "file", src: "/tmp/a.png", type: "file" }] } } },
      { name: "Binary", request: { method: "PUT", url: "https://api.example.com/bin", body: { mode: "file", file: { src: "a.bin" } } } },
      { name: "Query", request: { method: "POST", url: "https://api.example.com/graphql", body: { mode: "graphql", graphql: { query: "query { me { id } }", variables: '{"first": 10}' } } } },
      { name: "Get user", request: { url: "https://api.example.com/dup" } },
    ],
  });

  it("classifies path, query and headers; disabled ones become optional, ones with a value are sent by default", () => {
    const get = op(ir, "usersGetUser");
    expect(get.pathParams).toEqual([{ key: "userId", kind: "caller", required: true, value: "42", samples: ["42"], description: "The user id" }]);
    expect(get.query.map((q) => [q.key, q.kind, q.required, q.value, q.default])).toEqual([
      ["expand", "caller", false, "profile", "profile"],
      ["limit", "caller", false, "10", undefined],
      ["api-version", "static", true, "2024-01-01", undefined],
    ]);
    expect(get.headers.map((h) => [h.key, h.kind, h.required])).toEqual([
      ["Accept", "static", true],
      ["X-Trace", "caller", false],
      ["Authorization", "static", true],
    ]);
  });

  it("substitutes folder variables and lists the collection variables the client resolves", () => {
    expect(op(ir, "usersGetUser").url.template).toBe("{{baseUrl}}/users/:userId");
    expect(ir.variables.map((v) => [v.key, v.default, v.secret, v.usedInUrl])).toEqual([
      ["apiToken", undefined, true, false],
      ["baseUrl", "https://{{host}}/v1", false, true],
      ["host", "api.example.com", false, true],
    ]);
    expect(JSON.stringify(ir)).not.toContain("should-not-leak");
  });

  it("reads the status of an example without a code from its name", () => {
    expect(op(ir, "usersGetUser").responses.map((r) => r.status)).toEqual([200, 404]);
    expect(diagnostics.some((d) => /no usable status code/.test(d.message))).toBe(false);
  });

  it("models every body mode", () => {
    expect(op(ir, "form").body).toMatchObject({
      mode: "urlencoded",
      contentType: "application/x-www-form-urlencoded",
      fields: [{ key: "a", type: "text", required: true }, { key: "b", type: "text", required: false }],
    });
    expect(op(ir, "upload").body).toMatchObject({ mode: "formdata", fields: [{ key: "name", type: "text" }, { key: "file", type: "file" }] });
    expect(op(ir, "binary").body).toMatchObject({ mode: "file", contentType: "application/octet-stream" });
    expect(op(ir, "query").body).toMatchObject({ mode: "graphql", graphqlQuery: "query { me { id } }", samples: [{ text: '{"first": 10}' }] });
  });

  it("qualifies colliding names with their folder and warns, naming the item", () => {
    expect(ir.operations.map((o) => o.id).sort()).toEqual(["binary", "form", "getUser", "query", "upload", "usersGetUser"]);
    const warning = diagnostics.find((d) => d.message.includes("used by more than one request"));
    expect(warning?.source.itemPath).toMatch(/Get user$/);
  });
});

describe("the status of a saved example", () => {
  it("is its code, else the code of its reason phrase, else a code its name starts with; else a warning", () => {
    const example = (name: string, extra: object) => ({ name, originalRequest: { method: "GET", url: "https://x.test/a" }, body: "", ...extra });
    const { ir, diagnostics } = buildJson({
      info: { name: "Statuses" },
      item: [
        {
          name: "Get",
          request: { method: "GET", url: "https://x.test/a" },
          response: [
            example("ok", { code: 200, status: "Not Found" }),
            example("gone", { status: " not found " }),
            example("201 - made", {}),
            example("teapot", { status: "I'm a Teapot" }),
            example("nothing", { status: "Sort Of Fine" }),
          ],
        },
      ],
    });
    const statuses = Object.fromEntries(ir.operations[0]!.responses.map((r) => [r.name, r.status]));
    expect(statuses).toEqual({ ok: 200, gone: 404, "201 - made": 201, teapot: 418 });
    expect(diagnostics).toEqual([expect.objectContaining({ message: expect.stringMatching(/^example "nothing" has no usable status code/) })]);
  });
});

describe("a GET with a body", () => {
  it("is a warning naming the item: fetch cannot send it", () => {
    const { diagnostics } = buildJson({
      info: { name: "Get body" },
      item: [{ name: "Folder", item: [{ name: "Find", request: { method: "GET", url: "https://x.test/find", body: { mode: "raw", raw: '{"q":1}' } } }] }],
    });
    expect(diagnostics).toEqual([
      expect.objectContaining({ severity: "warning", source: expect.objectContaining({ itemPath: "Folder / Find" }), message: expect.stringMatching(/^GET request with a raw body: fetch cannot send/) }),
    ]);
  });
});

describe("identifier variables in the path", () => {
  const { ir } = buildJson({
    info: { name: "Ids" },
    variable: [{ key: "host", value: "https://api.example.com" }, { key: "account_id", value: "acc-1" }],
    item: [{ name: "Get dispute", request: { url: "{{host}}/v3/accounts/{{account_id}}/disputes/{{dispute_id}}/{{project-key}}" } }],
  });
  const get = op(ir, "getDispute");

  it("become path params when the collection does not define them and they are named like ids", () => {
    expect(get.url.path).toBe("/v3/accounts/{{account_id}}/disputes/:dispute_id/{{project-key}}");
    expect(get.pathParams.map((p) => [p.key, p.required])).toEqual([["dispute_id", true]]);
    expect(ir.variables.map((v) => v.key)).toEqual(["account_id", "host", "project-key"]);
  });
});

describe("variables scripts set, in the path", () => {
  const setRoom = { listen: "test", script: { exec: ['const room = pm.response.json();', 'pm.environment.set("_room", room.id);'] } };
  const { ir } = buildJson({
    info: { name: "Chained" },
    variable: [{ key: "api", value: "https://webexapis.com/v1" }],
    item: [
      { name: "Create a room", event: [setRoom], request: { method: "POST", url: "{{api}}/rooms" } },
      { name: "Get room", request: { url: "{{api}}/rooms/{{_room}}/{{version}}" } },
      { name: "Get room later", event: [{ ...setRoom, disabled: true }], request: { url: "{{api}}/later/{{_later}}" } },
    ],
  });

  it("become path params: a value saved from one response for the next request is a per-call value", () => {
    const get = op(ir, "getRoom");
    expect(get.url.path).toBe("/rooms/:_room/{{version}}");
    expect(get.pathParams.map((p) => [p.key, p.required])).toEqual([["_room", true]]);
  });

  it("stay variables when no enabled script sets them and they are not named like ids", () => {
    expect(op(ir, "getRoomLater").url.path).toBe("/later/{{_later}}");
    expect(ir.variables.map((v) => v.key)).toEqual(["_later", "api", "version"]);
  });
});

describe("names the generated client already exports", () => {
  it("are not taken by operations, with a warning naming the item", () => {
    const { ir, diagnostics } = buildJson({
      info: { name: "Taken" },
      item: ["Send", "expect ok", "Operation", "create client", "List"].map((name) => ({ name, request: { url: "https://x.test/a" } })),
    });
    expect(ir.operations.map((o) => o.id)).toEqual(["sendOperation", "expectOkOperation", "operationOperation", "createClientOperation", "list"]);
    expect(diagnostics.filter((d) => /already exports/.test(d.message)).map((d) => d.source.itemPath)).toEqual(["Send", "expect ok", "Operation"]);
  });
});

describe("pre-request scripts", () => {
  const script = (...exec: string[]) => [{ listen: "prerequest", script: { exec } }, { listen: "test", script: { exec: ["pm.request.headers.add({})"] } }];
  it("that change the request or set a variable it uses give one warning each, where the script lives", () => {
    const { diagnostics } = buildJson({
      info: { name: "Scripts" },
      event: script('pm.request.headers.add({key: "X-Agent", value: "a"})', "// pm.request.body.update('x')"),
      item: [
        { name: "Auth", event: script('pm.environment.set("token", "t")'), item: [{ name: "Me", request: { url: "https://x.test/me", header: [{ key: "Authorization", value: "Bearer {{token}}" }] } }] },
        { name: "Sign", event: script("pm.request.body.raw = sign(pm.request.body.raw)"), request: { method: "POST", url: "https://x.test/sign", body: { mode: "raw", raw: "{}" } } },
        { name: "Unused", event: script('pm.collectionVariables.set("other", 1)'), request: { url: "https://x.test/u" } },
      ],
    });
    expect(diagnostics.filter((d) => /pre-request script/.test(d.message)).map((d) => `${d.source.itemPath ?? "(collection)"}: ${d.message}`)).toEqual([
      "(collection): the collection's pre-request script sets headers for the 3 request(s) below it; the client does not run scripts: do the same in an onRequest hook",
      "Auth: the folder's pre-request script sets {{token}}, used by the 1 request(s) below it; the client does not run scripts: pass the value in createClient({ variables })",
      "Sign: its pre-request script rewrites the body for this request; the client does not run scripts: do the same in an onRequest hook",
    ]);
  });
});

describe("graphql bodies", () => {
  it("keep the query, variables text and operation name, and their {{variables}} are client variables", () => {
    const { ir } = buildJson({
      info: { name: "Graph" },
      variable: [{ key: "baseUrl", value: "https://api.example.com" }, { key: "locale", value: "en-us" }],
      item: [
        {
          name: "Entry",
          request: {
            method: "POST",
            url: "{{baseUrl}}/graphql",
            body: { mode: "graphql", graphql: { query: 'query { entry(locale: "{{locale}}") { id } }', variables: '{"uid": "{{entry_uid}}"}', operationName: "E" } },
          },
        },
      ],
    });
    const body = ir.operations[0]!.body!;
    expect([body.graphqlQuery, body.graphqlVariables, body.graphqlOperationName]).toEqual(['query { entry(locale: "{{locale}}") { id } }', '{"uid": "{{entry_uid}}"}', "E"]);
    expect(ir.variables.map((v) => [v.key, v.default])).toEqual([
      ["baseUrl", "https://api.example.com"],
      ["entry_uid", undefined],
      ["locale", "en-us"],
    ]);
  });
});

describe("path variables", () => {
  it("inside a segment are path parameters, named as Postman reads them, never their saved values", () => {
    const { ir } = buildJson({
      info: { name: "Twilio-like" },
      variable: [{ key: "AccountSid", value: "AC_saved" }],
      item: [
        {
          name: "Fetch a call",
          request: {
            url: {
              raw: "https://api.example.com/2010-04-01/Accounts/:AccountSid/Calls/:Sid.json",
              host: ["https://api.example.com"],
              path: ["2010-04-01", "Accounts", ":AccountSid", "Calls", ":Sid.json"],
              variable: [{ key: "AccountSid", value: "AC_path" }, { key: "Sid", value: "CA_saved" }],
            },
          },
        },
      ],
    });
    const [call] = ir.operations;
    expect(call!.url.path).toBe("/2010-04-01/Accounts/:AccountSid/Calls/:Sid.json");
    expect(call!.pathParams.map((p) => [p.key, p.value, p.required])).toEqual([
      ["AccountSid", "AC_path", true],
      ["Sid", "CA_saved", true],
    ]);
  });
});

describe("method names", () => {
  it("are lowerCamelCase identifiers, deterministic for odd input", () => {
    expect(methodName("CreateVolumeBackup")).toBe("createVolumeBackup");
    expect(methodName("Get a user")).toBe("getAUser");
    expect(methodName("6. Withdraw Dispute by ID")).toBe("withdrawDisputeById");
    expect(methodName("delete")).toBe("deleteOperation");
    expect(methodName("🚀")).toBe("operation");
    expect(methodName("404")).toBe("operation404");
    expect(methodName("List /users/{id}")).toBe("listUsersId");
  });

  it("join possessives and contractions to their word, as a person writes them", () => {
    expect(methodName("Get Track's Audio Features")).toBe("getTracksAudioFeatures");
    expect(methodName("Update Profile (What's App Only)")).toBe("updateProfileWhatsAppOnly");
    expect(methodName("Get the user’s playlists")).toBe("getTheUsersPlaylists");
    expect(methodName("Don't retry")).toBe("dontRetry");
  });

  it("cut long names after a whole word, never mid-word", () => {
    const name = methodName("Measurement families (only available since the 7.0 version) for the current catalog");
    expect(name).toBe("measurementFamiliesOnlyAvailableSinceThe70");
    expect(name.length).toBeLessThanOrEqual(48);
    expect(methodName("Supercalifragilisticexpialidociousandmoresupercalifragilisticexpialidocious")).toBe(
      "supercalifragilisticexpialidociousandmoresupercalifragilisticexpialidocious",
    );
  });

  it("that differ only in letter case are told apart like any collision, with a note", () => {
    const { ir, diagnostics } = buildJson({
      info: { name: "Case" },
      item: [
        { name: "Cart", item: [{ name: "reOrder", request: { url: "https://x.test/a" } }] },
        { name: "Orders", item: [{ name: "Reorder", request: { url: "https://x.test/b" } }] },
        { name: "WhatsApp", request: { url: "https://x.test/c" } },
        { name: "Whatsapp", request: { url: "https://x.test/d" } },
      ],
    });
    expect(ir.operations.map((o) => o.id)).toEqual(["cartReOrder", "ordersReorder", "whatsApp", "whatsapp2"]);
    expect(new Set(ir.operations.map((o) => o.id.toLowerCase())).size).toBe(4);
    const notes = diagnostics.filter((d) => d.severity === "note" && /letter case/.test(d.message));
    expect(notes.map((d) => d.source.itemPath)).toEqual(["Cart / reOrder", "Orders / Reorder", "Whatsapp"]);
  });

  it("qualify collisions with the folder name without its remarks", () => {
    const { ir } = buildJson({
      info: { name: "Remarks" },
      item: ["Attribute (>= v2)", "Family (EE only)"].map((folder) => ({ name: folder, item: [{ name: "get", request: { url: "https://x.test/a" } }] })),
    });
    expect(ir.operations.map((o) => o.id)).toEqual(["attributeGet", "familyGet"]);
  });
});
