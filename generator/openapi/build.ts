/**
 * CollectionIR + TypeGraph → an OpenAPI 3.1.0 document. The schemas are the inferred ones
 * (JSON Schema 2020-12, OpenAPI 3.1's dialect): the same graph as the TypeScript types, shared
 * types under `components/schemas`.
 */
import { ExactNumber, typesOf, type InferredRoot, type JsonValue, type OperationTypes, type TypeGraph } from "../infer/contract.js";
import type { AuthIR, BodyIR, CollectionIR, OperationIR, ResponseIR } from "../model/ir.js";
import { declarationSchema, schemaOf, type JsonSchema } from "./schema.js";
import { mergeOperations } from "./merge.js";
import { openApiPath, serverObject, type ServerObject } from "./servers.js";
import { compareText } from "../base/compare.js";

type Obj = Record<string, unknown>;

/** Header parameters OpenAPI ignores (they are described by `content` and `security`). */
const IGNORED_HEADERS = new Set(["accept", "content-type", "authorization"]);
const METHODS = new Set(["get", "put", "post", "delete", "options", "head", "patch", "trace"]);

/** Example values as plain JSON (digits beyond 2^53 become numbers: examples are illustrative). */
function plain(value: JsonValue): unknown {
  return JSON.parse(
    JSON.stringify(value, (_, v: unknown) => (v instanceof ExactNumber ? Number(v.raw) : v)),
  ) as unknown;
}

/**
 * Whether an example holds a `$ref` key. Such examples (API definitions as payloads, as in the
 * Postman API) are left out: OpenAPI tools resolve every `$ref` they meet, examples included.
 */
function holdsRef(value: unknown): boolean {
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const next = stack.pop();
    if (Array.isArray(next)) for (const item of next) stack.push(item);
    else if (next !== null && typeof next === "object") {
      if (Object.hasOwn(next, "$ref")) return true;
      for (const item of Object.values(next)) stack.push(item);
    }
  }
  return false;
}

/** Named examples from the samples that parsed; undefined when none is usable. */
function examplesOf(values: readonly { origin: string; value: JsonValue }[], used: Set<string>): Record<string, Obj> | undefined {
  const examples: Record<string, Obj> = {};
  for (const v of values) {
    const value = plain(v.value);
    if (!holdsRef(value)) own(examples, exampleKey(v.origin, used), { value });
  }
  return Object.keys(examples).length > 0 ? examples : undefined;
}

function own<T>(target: Record<string, T>, key: string, value: T): void {
  Object.defineProperty(target, key, { value, writable: true, enumerable: true, configurable: true });
}

function mediaType(contentType: string | undefined, fallback: string): string {
  const base = (contentType ?? "").split(";")[0]!.trim().toLowerCase();
  return /^[a-z0-9!#$&^_.+-]+\/[a-z0-9!#$&^_.+-]+$/.test(base) ? base : fallback;
}

function exampleKey(name: string, used: Set<string>): string {
  const base = name.replace(/[^A-Za-z0-9._-]+/g, "_").replace(/^_+|_+$/g, "") || "example";
  let key = base;
  for (let n = 2; used.has(key); n++) key = `${base}_${n}`;
  used.add(key);
  return key;
}

/** The schema of an inferred position, or `fallback` when nothing was inferred there. */
function rootSchema(root: InferredRoot | undefined, fallback: JsonSchema = { type: "string" }): JsonSchema {
  return root === undefined ? fallback : schemaOf(root.type);
}

/** What the export did with each item, for the command's summary and warnings. */
export interface OpenApiReport {
  /** Operations written (each a path and method). */
  operations: number;
  /** Items merged into an earlier item's operation (same method and path). */
  merged: { item: OperationIR; into: OperationIR }[];
  /** Items OpenAPI cannot hold (a method it has no field for), each left out with a warning. */
  skipped: { item: OperationIR; reason: string }[];
}

export function buildOpenApi(collection: CollectionIR, graph: TypeGraph): object {
  return buildOpenApiDocument(collection, graph).document;
}

export function buildOpenApiDocument(collection: CollectionIR, graph: TypeGraph): { document: object; report: OpenApiReport } {
  const servers: ServerObject[] = [];
  const serverKey = (server: ServerObject) => JSON.stringify(server);
  const securitySchemes: Record<string, Obj> = {};
  const report: OpenApiReport = { operations: 0, merged: [], skipped: [] };
  const groups = new Map<string, { path: string; method: string; items: { op: OperationIR; operation: Obj }[] }>();

  for (const op of collection.operations) {
    const method = op.method.toLowerCase();
    if (!METHODS.has(method)) {
      report.skipped.push({ item: op, reason: `OpenAPI has no ${op.method} operations` });
      continue;
    }
    const server = serverObject(op.url.base, collection.variables);
    if (!servers.some((s) => serverKey(s) === serverKey(server))) servers.push(server);
    const { path, unresolved } = openApiPath(op.url.path);
    const operation = buildOperation(op, collection, unresolved, typesOf(graph, op.id));
    if (serverKey(server) !== serverKey(servers[0]!)) operation.servers = [server];
    const security = securityOf(op.auth, securitySchemes);
    if (security !== undefined) operation.security = security;
    const key = `${method} ${path}`;
    const group = groups.get(key);
    if (group === undefined) groups.set(key, { path, method, items: [{ op, operation }] });
    else {
      report.merged.push({ item: op, into: group.items[0]!.op });
      group.items.push({ op, operation });
    }
  }
  const paths: Record<string, Record<string, Obj>> = {};
  for (const { path, method, items } of groups.values()) {
    const pathItem = paths[path] ?? {};
    own(pathItem, method, mergeOperations(items.map((i) => i.operation)));
    own(paths, path, pathItem);
    report.operations++;
  }

  const schemas: Record<string, JsonSchema> = {};
  for (const declaration of graph.declarations) own(schemas, declaration.name, declarationSchema(declaration));

  const info: Obj = { title: collection.title || collection.name, version: "1.0.0" };
  if (collection.description) info.description = collection.description;
  const document: Obj = {
    openapi: "3.1.0",
    info,
    servers: servers.length > 0 ? servers : [{ url: "/" }],
    paths,
    components: { schemas, ...(Object.keys(securitySchemes).length > 0 ? { securitySchemes } : {}) },
  };
  if (report.skipped.length > 0) document["x-pmgen-skipped-operations"] = report.skipped.map((s) => s.item.id);
  return { document, report };
}

function buildOperation(op: OperationIR, collection: CollectionIR, unresolvedPathVariables: string[], types: OperationTypes): Obj {
  const operation: Obj = { operationId: op.id, summary: op.name };
  if (op.description) operation.description = op.description;
  if (op.folderPath.length > 0) operation.tags = [op.folderPath[0]];

  const parameters: Obj[] = [];
  const seen = new Set<string>();
  const add = (parameter: Obj) => {
    const id = `${String(parameter.in)}:${String(parameter.name).toLowerCase()}`;
    if (seen.has(id)) return;
    seen.add(id);
    parameters.push(parameter);
  };
  const { path } = openApiPath(op.url.path);
  for (const p of op.pathParams) {
    if (!path.includes(`{${p.key}}`)) continue;
    add({ name: p.key, in: "path", required: true, schema: rootSchema(types.path.get(p.key)), ...(p.description ? { description: p.description } : {}) });
  }
  for (const name of unresolvedPathVariables) {
    const saved = collection.variables.find((v) => v.key === name)?.default;
    const schema = saved === undefined || saved === "" ? { type: "string" } : { type: "string", example: saved };
    add({ name, in: "path", required: true, schema, description: `The Postman variable {{${name}}}.` });
  }
  for (const q of op.query) {
    add({ name: q.key, in: "query", required: q.required, schema: rootSchema(types.query.get(q.key)), ...(q.description ? { description: q.description } : {}) });
  }
  for (const h of op.headers) {
    if (h.kind === "auth" || IGNORED_HEADERS.has(h.key.toLowerCase())) continue;
    add({ name: h.key, in: "header", required: h.required, schema: rootSchema(types.headers.get(h.key)), ...(h.description ? { description: h.description } : {}) });
  }
  if (parameters.length > 0) operation.parameters = parameters;

  if (op.body !== undefined) {
    const requestBody = buildRequestBody(op.body, types);
    if (requestBody !== undefined) operation.requestBody = requestBody;
  }
  const responses = buildResponses(op, types);
  if (Object.keys(responses).length > 0) operation.responses = responses;
  return operation;
}

function buildRequestBody(body: BodyIR, types: OperationTypes): Obj | undefined {
  const content: Record<string, Obj> = {};
  switch (body.mode) {
    case "raw": {
      if (body.language === "json") {
        const media: Obj = { schema: rootSchema(types.request, {}) };
        const examples = examplesOf(types.request?.values ?? [], new Set());
        if (examples !== undefined) media.examples = examples;
        own(content, mediaType(body.contentType, "application/json"), media);
      } else {
        const sample = body.samples[0]?.text;
        own(content, mediaType(body.contentType, "text/plain"), { schema: { type: "string" }, ...(sample ? { example: sample } : {}) });
      }
      break;
    }
    case "urlencoded":
    case "formdata": {
      const properties: Record<string, JsonSchema> = {};
      const required: string[] = [];
      for (const field of body.fields ?? []) {
        const schema: JsonSchema =
          field.type === "file"
            ? { type: "string", format: "binary", ...(field.contentType ? { contentMediaType: field.contentType } : {}) }
            : rootSchema(types.form.get(field.key));
        own(properties, field.key, field.description && typeof schema === "object" ? { ...schema, description: field.description } : schema);
        if (field.required && !required.includes(field.key)) required.push(field.key);
      }
      const schema: Obj = { type: "object", properties };
      if (required.length > 0) schema.required = required;
      own(content, body.mode === "urlencoded" ? "application/x-www-form-urlencoded" : "multipart/form-data", { schema });
      break;
    }
    case "file":
      own(content, mediaType(body.contentType, "application/octet-stream"), { schema: { type: "string", format: "binary" } });
      break;
    case "graphql":
      own(content, "application/json", {
        schema: {
          type: "object",
          properties: { query: { type: "string" }, variables: rootSchema(types.request, { type: "object" }) },
          required: ["query"],
        },
      });
      break;
    default:
      return undefined;
  }
  return { required: true, content };
}

function statusKey(status: number): string {
  return Number.isInteger(status) && status >= 100 && status <= 599 ? String(status) : "default";
}

function buildResponses(op: OperationIR, types: OperationTypes): Obj {
  const byStatus = new Map<string, ResponseIR[]>();
  for (const response of op.responses) {
    const key = statusKey(response.status);
    byStatus.set(key, [...(byStatus.get(key) ?? []), response]);
  }
  const responses: Record<string, Obj> = {};
  for (const [key, examples] of [...byStatus].sort(([a], [b]) => compareText(a, b))) {
    const status = examples[0]!.status;
    const first = examples[0]!;
    const response: Obj = { description: first.name || first.statusText || `Status ${key}` };

    const headers: Record<string, Obj> = {};
    for (const example of examples) {
      for (const header of example.headers) {
        const name = header.key.toLowerCase();
        if (name === "content-type" || Object.hasOwn(headers, header.key)) continue;
        if (Object.keys(headers).some((k) => k.toLowerCase() === name)) continue;
        own(headers, header.key, { schema: rootSchema(types.responseHeaders.get(status)?.get(name)) });
      }
    }
    if (Object.keys(headers).length > 0) response.headers = headers;

    const root = types.responses.get(status);
    const content: Record<string, Obj> = {};
    const used = new Set<string>();
    if (key !== "default" && root !== undefined) {
      const media: Obj = { schema: schemaOf(root.type) };
      const exampleValues = examplesOf(root.values, used);
      if (exampleValues !== undefined) media.examples = exampleValues;
      const jsonType = examples.map((e) => e.contentType).find((t) => t !== undefined && t.toLowerCase().includes("json"));
      own(content, mediaType(jsonType, "application/json"), media);
    } else {
      const texts = examples.filter((e) => e.body !== undefined && e.body !== "");
      if (texts.length > 0) {
        const exampleValues: Record<string, Obj> = {};
        for (const e of texts) own(exampleValues, exampleKey(e.name, used), { value: e.body });
        own(content, mediaType(texts[0]!.contentType, "text/plain"), { schema: { type: "string" }, examples: exampleValues });
      }
    }
    if (Object.keys(content).length > 0) response.content = content;
    own(responses, key, response);
  }
  return responses;
}

/** Security requirement for the auth kinds OpenAPI can express; the rest are described by the runtime. */
function securityOf(auth: AuthIR, schemes: Record<string, Obj>): Obj[] | undefined {
  let name: string;
  let scheme: Obj;
  switch (auth.type) {
    case "noauth":
      return [];
    case "basic":
    case "digest":
    case "bearer":
      name = `${auth.type}Auth`;
      scheme = { type: "http", scheme: auth.type };
      break;
    case "apikey": {
      const where = auth.params.in === "query" ? "query" : "header";
      const key = auth.params.key || "X-API-Key";
      name = `apiKey_${where}_${key}`.replace(/[^A-Za-z0-9._-]/g, "_");
      scheme = { type: "apiKey", in: where, name: key };
      break;
    }
    default:
      return undefined;
  }
  if (!Object.hasOwn(schemes, name)) own(schemes, name, scheme);
  return [{ [name]: [] }];
}
