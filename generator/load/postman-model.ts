/**
 * The Postman model `model` reads: the item tree, and for each request the values the
 * postman-collection SDK would give (its defaults, coercions and list rules), as plain data.
 *
 * Building the SDK's own objects is a fifth of pmgen's time on a large collection (a uuid per
 * item, lodash-heavy constructors, all of it cold code), for the dozen fields pmgen reads. So
 * the canonical v2.1 shapes, which is what Postman exports, are read here directly, and
 * anything else (a URL string, a `host` string, a typed variable, an unusual auth block...)
 * goes to the SDK itself, one request or auth block at a time (see sdk-model.ts). The test in
 * test/stages/postman-model.test.ts holds the two paths to the same IR on every test collection
 * and on the fuzz corpus.
 */
import { PmgenError } from "../base/diagnostics.js";
import { KNOWN_AUTH_TYPES } from "../base/auth-types.js";
import { isObject } from "./validate.js";

type RawNode = Record<string, unknown>;

/** A header, query parameter, path or collection variable, as the SDK holds it. */
export interface Entry {
  key?: unknown;
  value?: unknown;
  disabled?: unknown;
  description?: unknown;
}

export interface FormEntry extends Entry {
  type?: unknown;
  contentType?: unknown;
}

export interface UrlView {
  protocol?: unknown;
  host?: unknown;
  port?: unknown;
  path?: unknown;
  query: Entry[];
  variables: Entry[];
}

export interface BodyView {
  mode?: string;
  raw?: unknown;
  options?: unknown;
  urlencoded?: Entry[];
  formdata?: FormEntry[];
  graphql?: { query?: unknown; operationName?: unknown; variables?: unknown };
  disabled?: unknown;
}

export interface RequestView {
  method: string;
  url: UrlView;
  headers: Entry[];
  body?: BodyView;
  /** The auth block as the SDK would serialise it (a falsy block stays as written). */
  auth?: unknown;
  description?: unknown;
}

export interface FolderNode {
  kind: "folder";
  raw: RawNode;
  auth: unknown;
  items: ModelNode[];
}

export interface ItemNode {
  kind: "item";
  raw: RawNode;
  request: RequestView;
}

export type ModelNode = FolderNode | ItemNode;

export interface PostmanModel {
  auth: unknown;
  variables: Entry[];
  items: ModelNode[];
}

/** What the fast reader hands to the SDK when a shape is not canonical. */
export interface SdkFallback {
  request(raw: unknown): RequestView;
  auth(raw: unknown): unknown;
  variables(raw: unknown): Entry[];
  folder(raw: RawNode): FolderNode;
}

/**
 * @param fallback loaded lazily by the caller: on a canonical collection the SDK is never
 * required at all.
 */
export function readPostmanModel(json: RawNode, fileOf: (indexPath: string) => string, fallback: () => SdkFallback): PostmanModel {
  type At = { path: string[]; indexPath: string };
  const viaSdk = <T>(read: (sdk: SdkFallback) => T, { path, indexPath }: At): T => {
    try {
      return read(fallback());
    } catch (error) {
      if (error instanceof PmgenError) throw error;
      // The SDK throws plain errors on shapes the schema forbids; name the file and item instead.
      throw new PmgenError(`the postman-collection SDK cannot read this: ${(error as Error).message}`, {
        file: fileOf(indexPath),
        itemPath: path.join(" / ") || undefined,
      });
    }
  };
  const authOf = (raw: unknown, at: At) => (!raw || isCanonicalAuth(raw) ? raw : viaSdk((sdk) => sdk.auth(raw), at));

  const nodes = (items: unknown[], path: string[], prefix: string): ModelNode[] =>
    // validate.ts has refused items that are not objects, so node i is item i of the file.
    items.map((child, index): ModelNode => {
      const raw = child as RawNode;
      const name = typeof raw.name === "string" && raw.name.trim() ? raw.name : `#${index + 1}`;
      const at = { path: [...path, name], indexPath: `${prefix}${index}` };
      if (raw.item) {
        // A folder is whatever has a truthy `item`, as in the SDK's ItemGroup._createNewGroupOrItem.
        if (!Array.isArray(raw.item)) return viaSdk((sdk) => sdk.folder(raw), at);
        return { kind: "folder", raw, auth: authOf(raw.auth, at), items: nodes(raw.item, at.path, `${at.indexPath}/`) };
      }
      const request = readRequest(raw.request, (auth) => authOf(auth, at)) ?? viaSdk((sdk) => sdk.request(raw.request), at);
      return { kind: "item", raw, request };
    });

  const top = { path: [], indexPath: "" };
  const variables = readVariables(json.variable, false) ?? viaSdk((sdk) => sdk.variables(json.variable), top);
  return { auth: authOf(json.auth, top), variables, items: nodes(json.item as unknown[], [], "") };
}

/** A request in its canonical v2.1 form (an object; validate.ts refused a missing one), or undefined for the SDK to read. */
function readRequest(raw: unknown, authOf: (raw: unknown) => unknown): RequestView | undefined {
  // An `info` object would be where the SDK looks for the request's description.
  if (!isPlain(raw) || raw.info) return undefined;
  const url = readUrl(raw.url);
  const headers = raw.header === undefined || raw.header === null ? [] : readHeaders(raw.header);
  if (!url || !headers) return undefined;
  const view: RequestView = {
    method: raw.method === undefined || raw.method === null ? "GET" : String(raw.method).toUpperCase(),
    url,
    headers,
  };
  if ("body" in raw) {
    const body = readBody(raw.body);
    if (body === false) return undefined;
    view.body = body;
  }
  view.auth = authOf(raw.auth);
  if ("description" in raw) view.description = raw.description;
  return view;
}

function readUrl(raw: unknown): UrlView | undefined {
  // A URL string (and a falsy URL, which the SDK parses as "") goes through the SDK's parser.
  if (!isPlain(raw)) return undefined;
  const { host, path } = raw;
  if (typeof host === "string" || typeof path === "string") return undefined;
  const query = raw.query ? (Array.isArray(raw.query) ? entries(raw.query, queryParam) : undefined) : [];
  const variables = raw.variable ? readVariables(raw.variable, true) : [];
  if (!query || !variables) return undefined;
  return { protocol: raw.protocol, host, port: raw.port, path, query, variables };
}

function readHeaders(raw: unknown): Entry[] | undefined {
  if (!Array.isArray(raw)) return undefined;
  return entries(raw, (e) => withDescription(e, { key: e.key || "", value: e.value === undefined ? "" : e.value, ...ownDisabled(e) }));
}

/** `false` when the body needs the SDK; undefined when the SDK would build an empty body. */
function readBody(raw: unknown): BodyView | undefined | false {
  if (raw === undefined || raw === null) return {};
  if (!isPlain(raw)) return false;
  if (!raw.mode) return {};
  if (typeof raw.mode !== "string") return false;
  const lower = raw.mode.toLowerCase();
  const mode = BODY_MODES.has(lower) ? lower : lower in Object.prototype ? undefined : "raw";
  if (!mode) return false;
  const view: BodyView = { mode, raw: mode === "raw" && !raw.raw ? "" : raw.raw, disabled: raw.disabled };
  if (typeof raw.options === "object" && raw.options !== null) view.options = raw.options;
  if (raw.urlencoded) {
    const list = Array.isArray(raw.urlencoded) ? entries(raw.urlencoded, queryParam) : undefined;
    if (!list) return false;
    view.urlencoded = list;
  }
  if (raw.formdata) {
    const list = Array.isArray(raw.formdata) ? entries(raw.formdata, formParam) : undefined;
    if (!list) return false;
    view.formdata = list;
  }
  if (raw.graphql) {
    const g = raw.graphql as RawNode;
    view.graphql = { query: g.query, operationName: g.operationName, variables: g.variables };
  }
  return view;
}

const BODY_MODES = new Set(["raw", "urlencoded", "formdata", "file", "graphql"]);

/**
 * Collection variables and path variables. The SDK casts a value by the variable's `type`;
 * only values the cast leaves as they are are read here. Path variables also take their key
 * from the older `id` field, as the SDK's Url does.
 */
function readVariables(raw: unknown, pathVariables: boolean): Entry[] | undefined {
  if (raw === undefined || raw === null) return [];
  if (!Array.isArray(raw)) return undefined;
  return entries(raw, (e) => {
    if (!keepsValue(e)) return undefined;
    const key = pathVariables ? e.key || e.id : e.key;
    return withDescription(e, { key, value: e.value, ...ownDisabled(e) });
  });
}

/** The SDK's casts by variable type: `String`, `Boolean`, `Number`, and JSON handlers for the rest. */
const CASTS: Record<string, string | undefined> = { string: "string", boolean: "boolean", number: "number", array: undefined, object: undefined };

/** Whether the SDK's cast by `type` gives the value back unchanged. */
function keepsValue(e: RawNode): boolean {
  if (e.type === undefined || e.type === null) return true;
  if (typeof e.type !== "string") return false;
  const type = e.type.toLowerCase();
  if (type === "any") return true;
  // An absent value is cast too (`String(undefined)` is "undefined").
  if (Object.hasOwn(CASTS, type)) return CASTS[type] !== undefined && typeof e.value === CASTS[type];
  // A type named like an Object.prototype member reaches the cast table through its prototype.
  return !(type in Object.prototype);
}

function queryParam(e: RawNode): Entry {
  return withDescription(e, { key: e.key, value: e.value, ...ownDisabled(e, true) });
}

function formParam(e: RawNode): FormEntry {
  return withDescription(e, {
    key: e.key || "",
    value: e.value || "",
    type: e.type,
    contentType: e.contentType,
    ...ownDisabled(e, true),
  });
}

/**
 * Each entry of a list through `read`, or undefined when one is not a plain object the SDK
 * would read the same way (an entry with an `info` object takes its description from there).
 */
function entries<T>(list: unknown[], read: (entry: RawNode) => T | undefined): T[] | undefined {
  const result: T[] = [];
  for (const entry of list) {
    if (entry === null || entry === undefined) continue;
    if (!isPlain(entry) || entry.info) return undefined;
    const view = read(entry);
    if (view === undefined) return undefined;
    result.push(view);
  }
  return result;
}

function ownDisabled(e: RawNode, coerce = false): { disabled?: unknown } {
  return "disabled" in e ? { disabled: coerce ? Boolean(e.disabled) : e.disabled } : {};
}

function withDescription<T extends Entry>(e: RawNode, view: T): T {
  if ("description" in e) view.description = e.description;
  return view;
}

/** Auth types Postman knows; none is the name of a member of the SDK's auth object. */
const AUTH_TYPES = new Set<string>(KNOWN_AUTH_TYPES);

/**
 * An auth block the SDK would serialise with the same type and parameters: a known `type`, and
 * every block either a list of plain `{key, value}` entries or (v2.0) an object of parameters,
 * with non-empty keys and scalar values the SDK keeps as they are.
 */
function isCanonicalAuth(raw: unknown): boolean {
  if (!isPlain(raw) || typeof raw.type !== "string" || !AUTH_TYPES.has(raw.type)) return false;
  const isParam = (key: unknown, value: unknown) =>
    typeof key === "string" && key !== "" && !(key in Object.prototype) && (typeof value === "string" || typeof value === "number" || typeof value === "boolean");
  for (const [name, block] of Object.entries(raw)) {
    if (name === "type") continue;
    if (!AUTH_TYPES.has(name)) return false;
    if (Array.isArray(block)) {
      // A repeated key updates the first entry, keeping its type for the cast: left to the SDK.
      const keys = new Set(block.map((e) => (isPlain(e) ? e.key : undefined)));
      if (keys.size !== block.length || !block.every((e) => isPlain(e) && !e.info && isParam(e.key, e.value) && keepsValue(e))) return false;
    } else if (!isPlain(block) || !Object.entries(block).every(([key, value]) => isParam(key, value))) {
      return false;
    }
  }
  return true;
}

function isPlain(value: unknown): value is RawNode {
  return isObject(value) && Object.getPrototypeOf(value) === Object.prototype;
}
