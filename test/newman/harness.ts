/**
 * Newman equivalence harness: every item of a collection is sent once by Newman and once by the
 * client pmgen generates for it, both to a capture server on 127.0.0.1, and the two captured
 * requests are compared.
 *
 * Pointing both sides at the capture server, without changing what is compared:
 *  - A URL whose base starts with a variable (`{{baseUrl}}/...`): the variable is overridden on
 *    both sides (Newman: environment, which beats collection variables; client: `variables`)
 *    with its own value re-rooted under the capture origin: `https://iaas.{{region}}.x.com/v1`
 *    becomes `http://127.0.0.1:PORT/iaas.{{region}}.x.com/v1`, so nested references are still
 *    resolved by each side and the original host survives as the first path segment.
 *  - A literal base (`https://postman-echo.com`): Newman gets a copy of the collection whose URL
 *    is rewritten the same way (`http://127.0.0.1:PORT/postman-echo.com/...`); the client gets
 *    `createClient({ baseUrl })` with that value, or, for an operation on another host than the
 *    collection's main one (`overridableBase: false`), a `fetch` that re-roots the URL identically.
 *  - Variables: both sides get the collection's values; a referenced variable that is empty or
 *    undefined gets `v-<name>` on both sides, so URLs, headers and tokens carry real values.
 *  - Auth: Newman applies the auth blocks of the copy; the client gets `createClient({ auth })`
 *    built from the same block (values resolved with the same variables). OAuth 1 gets a fixed
 *    nonce and timestamp on both sides (Postman's `nonce`/`timestamp` auth params).
 *  - Caller-supplied params take the item's own values (what Newman sends): path variables,
 *    enabled query params and headers without a default, body fields (params the collection
 *    sends by default are not given: the client must send them unasked); a raw body is passed as the caller would
 *    write it (collection variables filled in, JSON parsed to an object). File parts and file
 *    bodies are temp files for Newman and the same bytes as a `Blob` (with the file name) for
 *    the client.
 */
import { createRequire } from "node:module";
import { randomUUID } from "node:crypto";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { generateKeyPairSync } from "node:crypto";
import { runPipeline } from "../../generator/pipeline.js";
import { discoverCollections } from "../../generator/load/discover.js";
import { loadCollection } from "../../generator/load/load-collection.js";
import { sdkCollection } from "../../generator/load/sdk-model.js";
import type { OperationIR } from "../../generator/model/ir.js";
import { pathVariable } from "../../generator/model/path-variables.js";
import type { Captured, CaptureServer } from "./capture.js";
import { compareCaptures, type Difference } from "./compare.js";

const require = createRequire(import.meta.url);
const newman = require("newman") as {
  run(options: Record<string, unknown>, callback: (error: Error | null, summary: unknown) => void): NodeJS.EventEmitter;
};

export const REPO = resolve(new URL("../..", import.meta.url).pathname);
const TMP = join(REPO, "test/.tmp/newman");

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

export interface ItemResult {
  /** `Folder / Item`, as in the IR. */
  itemPath: string;
  operationId: string;
  differences: Difference[];
  newman?: Captured;
  client?: Captured;
  clientError?: string;
}

export interface CollectionRun {
  name: string;
  results: ItemResult[];
}

interface Leaf {
  item: Json;
  path: string;
  /** Auth blocks from the request outwards. */
  authChain: unknown[];
}

const OAUTH1_NONCE = "pmgenNonce42";
const OAUTH1_TIMESTAMP = "1700000000";

/**
 * Runs one collection (file or folder form) through both sides. With `environment` (the name of
 * one of its generated presets, `environments.<name>`), Newman runs with that Postman
 * environment file (`-e`) and the client with the preset: the environment's values beat the
 * collection's, and what the harness sets (overrides, `v-` values, secrets) beats both, on both sides.
 */
export async function runCollection(input: string, server: CaptureServer, options: { environment?: string } = {}): Promise<CollectionRun> {
  const source = discoverCollections([input], REPO)[0];
  const generated = runPipeline({ inputs: [input], cwd: REPO })[0];
  if (!source || !generated) throw new Error(`no collection at ${input}`);
  const dir = join(TMP, `${source.name}-${process.pid}`);
  rmSync(dir, { recursive: true, force: true });
  for (const [path, content] of generated.files) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
  const client = (await import(join(dir, "index.ts"))) as GeneratedModule;

  const loaded = loadCollection(source, REPO);
  // The collection as the SDK normalises it, which is what Newman runs.
  const json = sdkCollection(loaded.json).toJSON() as Json;
  const leaves = collectLeaves(json);
  const ops = generated.ir.operations;
  if (leaves.length !== ops.length || leaves.some((leaf, i) => leaf.path !== ops[i]?.itemPath)) {
    throw new Error(`items and operations differ: ${leaves.map((l) => l.path).join(", ")} vs ${ops.map((o) => o.itemPath).join(", ")}`);
  }

  const environmentIR = options.environment === undefined ? undefined : generated.ir.environments.find((e) => e.name === options.environment);
  if (options.environment !== undefined && environmentIR === undefined) throw new Error(`${source.name} has no environment ${options.environment}`);
  const environmentFile = environmentIR && loaded.environments.find((e) => e.file === environmentIR.file);
  const fromEnvironment = Object.fromEntries((environmentFile?.values ?? []).map((v) => [v.key, v.value]));
  const declared = Object.fromEntries(((json.variable ?? []) as Json[]).filter((v) => typeof v.key === "string" && !v.disabled).map((v) => [v.key, v.value === undefined || v.value === null ? "" : String(v.value)]));
  const variables = collectionVariables(json, loaded.json, fromEnvironment);
  const redirect = (value: string): string => reroot(value, server.origin);
  for (const name of baseVariables(ops)) variables[name] = redirect(variables[name] ?? `v-${name}`);

  const files = join(dir, "files");
  mkdirSync(files, { recursive: true });
  const fileParts = new Map<string, { path: string; name: string; bytes: Buffer }>();
  leaves.forEach((leaf, index) => {
    leaf.item.id = `pmgen-${index}`;
    prepareNewmanItem(leaf, ops[index]!, server.origin, files, fileParts, index);
  });

  for (const folder of [json, ...folders(json)]) if (Array.isArray(folder.event)) folder.event = (folder.event as Json[]).filter((e) => e.listen !== "test");
  // Newman's environment holds what differs from the collection's own values (as `-e` would).
  await runNewman(json, Object.fromEntries(Object.entries(variables).filter(([key, value]) => declared[key] !== value || key in fromEnvironment)), server);
  const newmanCaptures = leaves.map((_, index) => server.take(`newman:${index}`));

  // The client gets only what differs from the preset and the defaults it was generated with
  // (overrides, `v-` values, secrets it has no value for): its own values must do the rest.
  const defaults = (client.collection as { variables: Record<string, string | undefined> }).variables;
  const preset = options.environment === undefined ? undefined : (client.environments as Record<string, Record<string, string>>)[options.environment]!;
  const known = (key: string) => (preset !== undefined && Object.hasOwn(preset, key) ? preset[key] : defaults[key]);
  const clientVariables = Object.fromEntries(Object.entries(variables).filter(([key, value]) => known(key) !== value));
  const ociKey = generateKeyPairSync("rsa", { modulusLength: 2048 }).privateKey.export({ type: "pkcs8", format: "pem" }).toString();
  const results: ItemResult[] = [];
  for (const [index, leaf] of leaves.entries()) {
    const op = ops[index]!;
    const spec = client[`${op.id}Spec`] as ClientSpec;
    const label = `client:${index}`;
    server.label(label);
    let clientError: string | undefined;
    try {
      const api = client.createClient({
        variables: clientVariables,
        ...(preset !== undefined ? { environment: preset } : {}),
        ...(spec.overridableBase && !spec.base.startsWith("{{") ? { baseUrl: redirect(spec.base) } : {}),
        fetch: (url: string | URL | Request, init?: RequestInit) =>
          globalThis.fetch(spec.overridableBase || spec.base.startsWith("{{") ? url : redirect(String(url)), init),
        auth: credentials(leaf, variables, ociKey),
        retry: false,
      });
      await api.send(spec, callerParams(leaf.item, spec, variables, fileParts, index));
    } catch (error) {
      clientError = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    }
    const clientCaptures = server.take(label);
    const newmanSide = newmanCaptures[index]?.at(-1);
    const clientSide = clientCaptures.at(-1);
    const differences: Difference[] = [];
    if (!newmanSide) differences.push({ part: "not sent by Newman", newman: "(none)", client: clientSide ? "sent" : "(none)" });
    if (!clientSide) {
      const part = `not sent by client: ${clientError ? clientError.slice(0, clientError.indexOf(":")) : "no request"}`;
      differences.push({ part, newman: newmanSide ? "sent" : "(none)", client: clientError ?? "(none)" });
    }
    const dynamic = [...JSON.stringify(leaf.item).matchAll(/\{\{\s*(\$\w+)\s*\}\}/g)].map((m) => m[1]!);
    if (newmanSide && clientSide) differences.push(...compareCaptures(newmanSide, clientSide, dynamic));
    results.push({ itemPath: leaf.path, operationId: op.id, differences, newman: newmanSide, client: clientSide, clientError });
  }
  rmSync(dir, { recursive: true, force: true });
  return { name: source.name, results };
}

interface GeneratedModule {
  createClient(options: Record<string, unknown>): { send(spec: unknown, params: unknown): Promise<unknown> };
  [name: string]: unknown;
}

interface ClientSpec {
  id: string;
  base: string;
  overridableBase: boolean;
  path: string;
  query: { key: string; kind: string; default?: string }[];
  headers: { key: string; kind: string; default?: string }[];
  body?: { mode: string; language?: string; fields?: { key: string; kind: string; type: string }[] };
}

function folders(json: Json): Json[] {
  const out: Json[] = [];
  const walk = (items: Json[] | undefined) => {
    for (const item of items ?? []) if (Array.isArray(item.item)) (out.push(item), walk(item.item));
  };
  walk(json.item);
  return out;
}

/** Leaf items in traversal order, named as the IR names them. */
function collectLeaves(json: Json): Leaf[] {
  const leaves: Leaf[] = [];
  const walk = (items: Json[] | undefined, folders: string[], chain: unknown[]) => {
    (items ?? []).forEach((item, index) => {
      const name = typeof item.name === "string" && item.name.trim() ? item.name : `#${index + 1}`;
      if (Array.isArray(item.item)) {
        walk(item.item, [...folders, name], [item.auth, ...chain]);
      } else {
        leaves.push({ item, path: [...folders, name].join(" / "), authChain: [item.request?.auth, ...chain] });
      }
    });
  };
  walk(json.item, [], [json.auth]);
  return leaves;
}

/** The collection's variables, with `v-<name>` for every referenced one that is empty or undefined. */
function collectionVariables(json: Json, raw: Json, extra: Record<string, string>): Record<string, string> {
  const values: Record<string, string> = {};
  for (const v of (json.variable ?? []) as Json[]) {
    if (typeof v.key === "string" && !v.disabled) values[v.key] = v.value === undefined || v.value === null ? "" : String(v.value);
  }
  // Folder and item variables (in the raw file: the SDK drops them) are left to each side.
  const local = new Set<string>();
  const walk = (items: Json[] | undefined) => {
    for (const item of items ?? []) {
      for (const v of (item.variable ?? []) as Json[]) if (typeof v.key === "string") local.add(v.key);
      walk(item.item);
    }
  };
  walk(raw.item as Json[]);
  for (const match of JSON.stringify(json).matchAll(/\{\{([^{}$]+)\}\}/g)) {
    const name = match[1]!.trim();
    if (!values[name] && !local.has(name)) values[name] = `v-${name}`;
  }
  return { ...values, ...extra };
}

/** Variables that start an operation's base URL (`{{baseUrl}}/...`). */
function baseVariables(ops: readonly OperationIR[]): Set<string> {
  const names = new Set<string>();
  for (const op of ops) {
    const match = /^\{\{([^{}]+)\}\}/.exec(op.url.base);
    if (match) names.add(match[1]!.trim());
  }
  return names;
}

/** `https://host/rest` (or `host/rest`) → `<origin>/host/rest`. */
export function reroot(value: string, origin: string): string {
  return `${origin}/${value.replace(/^[a-z][a-z0-9+.-]*:\/\//i, "")}`;
}

/** Rewrites a literal base for Newman, fixes the OAuth 1 nonce, and points file parts at temp files. */
function prepareNewmanItem(
  leaf: Leaf,
  op: OperationIR,
  origin: string,
  files: string,
  fileParts: Map<string, { path: string; name: string; bytes: Buffer }>,
  index: number,
): void {
  // Test scripts run after the response: they do not shape this request, but they reset
  // variables from the capture server's `{}` answer and redirect the run (setNextRequest).
  if (Array.isArray(leaf.item.event)) leaf.item.event = (leaf.item.event as Json[]).filter((e) => e.listen !== "test");
  const request = leaf.item.request as Json;
  const url = request.url as Json | undefined;
  // A path variable the item leaves empty takes its example's sample (or `v-<name>`) on both sides.
  for (const param of op.pathParams) {
    // A `{{name}}` segment pmgen made a path parameter is left alone: both sides use `{{name}}`'s value.
    const segments = (Array.isArray(url?.path) ? url!.path : []) as unknown[];
    if (!segments.some((segment) => pathVariable(typeof segment === "string" ? segment : String((segment as Json)?.value ?? ""))?.name === param.key)) continue;
    const variable = ((url?.variable ?? []) as Json[]).find((v) => v.key === param.key);
    const value = variable?.value === undefined || variable.value === null ? "" : String(variable.value);
    if (value === "") {
      const sample = param.samples.find((s) => s !== "") ?? `v-${param.key}`;
      if (variable) variable.value = sample;
      else if (url) url.variable = [...((url.variable ?? []) as Json[]), { key: param.key, value: sample }];
    }
  }
  if (url && !op.url.base.startsWith("{{")) {
    const host = [(url.host ?? []).join("."), url.port ? `:${url.port}` : ""].join("");
    const port = new URL(origin).port;
    url.protocol = "http";
    url.host = ["127", "0", "0", "1"];
    url.port = port;
    url.path = [host, ...(url.path ?? [])];
    delete url.raw;
  }
  const auth = leaf.authChain.find((a) => a && typeof a === "object" && (a as Json).type) as Json | undefined;
  if (auth?.type === "oauth1") {
    // The request gets its own copy of the inherited block with a fixed nonce and timestamp.
    const params = ((auth.oauth1 ?? []) as Json[]).filter((p) => p.key !== "nonce" && p.key !== "timestamp");
    request.auth = { type: "oauth1", oauth1: [...params, { key: "nonce", value: OAUTH1_NONCE }, { key: "timestamp", value: OAUTH1_TIMESTAMP }] };
  }
  const body = request.body as Json | undefined;
  const makeFile = (key: string, src: unknown): string => {
    const name = typeof src === "string" && src ? basename(src) : `${key || "body"}.bin`;
    const bytes = Buffer.from(`file ${key} of item ${index}: ${name}\n\u00e9\u0000\u00ff`, "latin1");
    const path = join(files, `${index}-${key || "body"}`, name);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, bytes);
    fileParts.set(`${index}:${key}`, { path, name, bytes });
    return path;
  };
  if (body?.mode === "formdata") {
    for (const field of (body.formdata ?? []) as Json[]) {
      const src = Array.isArray(field.src) ? field.src[0] : field.src;
      // A file part gets a file on both sides, also where the collection has none selected.
      if (field.type === "file" && !field.disabled) field.src = makeFile(String(field.key), src);
    }
  }
  // A file body without a file (`"file": {}`) sends nothing, on both sides.
  if (body?.mode === "file" && typeof body.file?.src === "string" && body.file.src) body.file = { src: makeFile("", body.file.src) };
}

function runNewman(collection: Json, variables: Record<string, string>, server: CaptureServer): Promise<void> {
  return new Promise((done, fail) => {
    const emitter = newman.run(
      {
        collection,
        environment: { values: Object.entries(variables).map(([key, value]) => ({ key, value, enabled: true })) },
        reporters: [],
        timeoutRequest: 10_000,
        insecureFileRead: true,
        ignoreRedirects: true,
      },
      (error) => (error ? fail(error) : done()),
    );
    emitter.on("beforeItem", (_error: unknown, args: { item: { id: string } }) => {
      server.label(`newman:${args.item.id.replace("pmgen-", "")}`);
    });
  });
}

/** `{{name}}` resolved from `variables`; dynamic variables as the caller would generate them. */
function fill(text: string, variables: Record<string, string>, depth = 0): string {
  if (depth > 10) return text;
  return text.replace(/\{\{([^{}]+)\}\}/g, (whole, raw: string) => {
    const name = raw.trim();
    if (Object.prototype.hasOwnProperty.call(variables, name)) return fill(variables[name] ?? "", variables, depth + 1);
    switch (name) {
      case "$guid":
      case "$randomUUID":
        return randomUUID();
      case "$timestamp":
        return String(Math.floor(Date.now() / 1000));
      case "$isoTimestamp":
        return new Date().toISOString();
      case "$randomInt":
        return String(Math.floor(Math.random() * 1001));
      default:
        return whole;
    }
  });
}

function enabled(list: unknown): Json[] {
  return Array.isArray(list) ? (list as Json[]).filter((entry) => entry && !entry.disabled) : [];
}

/** The caller's params: the item's own values for every parameter the spec leaves to the caller. */
function callerParams(
  item: Json,
  spec: ClientSpec,
  variables: Record<string, string>,
  fileParts: Map<string, { path: string; name: string; bytes: Buffer }>,
  index: number,
): Record<string, unknown> {
  const request = item.request as Json;
  const url = (request.url ?? {}) as Json;
  const params: Record<string, unknown> = {};
  const path: Record<string, string> = {};
  for (const segment of spec.path.split("/")) {
    const name = pathVariable(segment)?.name;
    if (name === undefined) continue;
    const variable = ((url.variable ?? []) as Json[]).find((v) => v.key === name);
    // A `{{name}}` segment pmgen turned into `:name` carries the variable's value, as in Newman.
    const value = variable ? variable.value : variables[name];
    path[name] = value === undefined || value === null ? "" : fill(String(value), variables);
  }
  if (Object.keys(path).length) params.path = path;

  const query: Record<string, string | string[]> = {};
  const staticKeys = new Set(spec.query.filter((q) => q.kind === "static").map((q) => q.key));
  // A parameter the collection sends by default is left to the client: what it sends unasked
  // must be what Newman sends.
  for (const param of spec.query.filter((q) => q.kind === "caller" && q.default === undefined && !staticKeys.has(q.key))) {
    const values = enabled(url.query).filter((q) => q.key === param.key).map((q) => fill(String(q.value ?? ""), variables));
    if (values.length) query[param.key] = values.length === 1 ? values[0]! : values;
  }
  if (Object.keys(query).length) params.query = query;

  const headers: Record<string, string> = {};
  for (const header of spec.headers.filter((h) => h.kind === "caller" && h.default === undefined)) {
    const found = enabled(request.header).filter((h) => String(h.key).toLowerCase() === header.key.toLowerCase());
    if (found.length) headers[header.key] = fill(String(found.at(-1)!.value ?? ""), variables);
  }
  if (Object.keys(headers).length) params.headers = headers;

  const body = request.body as Json | undefined;
  if (spec.body && body) {
    switch (spec.body.mode) {
      case "raw": {
        const text = fill(String(body.raw ?? ""), variables);
        let value: unknown = text;
        if (spec.body.language === "json") {
          // The caller's body is data, as the example's sample reads: Postman strips `//` and
          // `/* */` comments from JSON bodies before sending, and so does the caller here.
          try {
            value = JSON.parse(stripJsonComments(text));
          } catch {
            value = text;
          }
        }
        if (text !== "") params.body = value;
        break;
      }
      case "urlencoded":
      case "formdata": {
        const values: Record<string, unknown[]> = {};
        const callerFields = new Set((spec.body.fields ?? []).filter((f) => f.kind === "caller").map((f) => f.key));
        for (const field of enabled(body[spec.body.mode])) {
          const key = String(field.key ?? "");
          if (!callerFields.has(key)) continue;
          const part = fileParts.get(`${index}:${key}`);
          const value = field.type === "file" && part
            ? { data: new Blob([new Uint8Array(part.bytes)]), filename: part.name }
            : String(field.value ?? "");
          (values[key] ??= []).push(value);
        }
        params.body = Object.fromEntries(Object.entries(values).map(([k, v]) => [k, v.length === 1 ? v[0] : v]));
        break;
      }
      case "file": {
        const part = fileParts.get(`${index}:`);
        if (part) params.body = new Blob([new Uint8Array(part.bytes)]);
        break;
      }
      case "graphql":
        // Nothing: the client sends the collection's query and variables, resolved, unasked.
        break;
    }
  }
  return params;
}

/** `createClient({ auth })` from the item's effective auth block, resolved with `variables`. */
function credentials(leaf: Leaf, variables: Record<string, string>, ociKey: string): Record<string, unknown> | undefined {
  const block = leaf.authChain.find((a) => a && typeof a === "object" && (a as Json).type) as Json | undefined;
  if (!block) return undefined;
  const type = String(block.type);
  const list = block[type];
  const p: Record<string, string> = {};
  if (Array.isArray(list)) for (const entry of list as Json[]) p[entry.key] = fill(String(entry.value ?? ""), variables);
  switch (type) {
    case "basic":
      return { type, username: p.username ?? "", password: p.password ?? "" };
    case "bearer":
      return { type, token: p.token ?? "" };
    case "apikey":
      return { type, key: p.key, value: p.value ?? "", in: p.in === "query" ? "query" : "header" };
    case "oauth2":
      return { type, accessToken: p.accessToken ?? "" };
    case "digest":
      return { type, username: p.username ?? "", password: p.password ?? "" };
    case "oauth1":
      return {
        type,
        consumerKey: p.consumerKey ?? "",
        consumerSecret: p.consumerSecret ?? "",
        token: p.token || undefined,
        tokenSecret: p.tokenSecret || undefined,
        ...(p.realm ? { realm: p.realm } : {}),
        nonce: () => OAUTH1_NONCE,
        timestamp: () => OAUTH1_TIMESTAMP,
      };
    case "oci":
      return { type, tenancyId: "ocid1.tenancy.oc1..pmgen", userId: "ocid1.user.oc1..pmgen", fingerprint: "00:11", privateKey: ociKey };
    default:
      return undefined;
  }
}

/** `//` and `/* *\/` comments outside string literals removed, as Postman does for JSON bodies. */
export function stripJsonComments(text: string): string {
  let out = "";
  for (let i = 0; i < text.length; ) {
    const ch = text[i];
    if (ch === '"') {
      let j = i + 1;
      while (j < text.length && text[j] !== '"') j += text[j] === "\\" ? 2 : 1;
      out += text.slice(i, j + 1);
      i = j + 1;
    } else if (ch === "/" && text[i + 1] === "/") {
      const end = text.indexOf("\n", i);
      i = end === -1 ? text.length : end;
    } else if (ch === "/" && text[i + 1] === "*") {
      const end = text.indexOf("*/", i + 2);
      i = end === -1 ? text.length : end + 2;
    } else {
      out += ch;
      i++;
    }
  }
  return out;
}
