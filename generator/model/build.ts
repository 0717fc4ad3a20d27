/**
 * `model`: a loaded collection → the IR. Walks the loaded item tree (each node's request as the
 * SDK reads it, beside its raw JSON for the fields the SDK drops), resolves auth and folder
 * variables, classifies every part of each request, and gives each operation a unique method name.
 */
import type { Diagnostic } from "../base/diagnostics.js";
import { DiagnosticSink } from "../base/diagnostics.js";
import type { LoadedCollection } from "../load/load-collection.js";
import type { Entry, ModelNode, RequestView } from "../load/postman-model.js";
import { headersComputedBy, resolveAuth } from "./auth.js";
import { readBody } from "./body.js";
import type { SourceLocation } from "../base/diagnostics.js";
import type { CollectionIR, EnvironmentIR, OperationIR, VariableIR } from "./ir.js";
import { assignMethodNames } from "./operation-names.js";
import { camelCase } from "./names.js";
import { classifyHeaders, isRequired, readRequestParts, type PathSegmentVariables } from "./request-parts.js";
import { readResponse } from "./responses.js";
import { readExamples, type ExampleRequest } from "./examples.js";
import { collectionSecrets, isSecretVariable, redactIR } from "./secrets.js";
import { substituteLocalVariables } from "./local-variables.js";
import { preRequestScript, requestChanges, variablesSet, variablesSetByScripts } from "./scripts.js";
import { variableReferences } from "./templates.js";
import { descriptionText, requiredMarker, stringValue } from "./text.js";

export interface BuildResult {
  ir: CollectionIR;
  diagnostics: Diagnostic[];
}

/** What the whole collection says about how to read each request. */
interface Conventions {
  /** Parameters are marked "(Required)" in their descriptions (see usesRequiredMarkers). */
  markersInUse: boolean;
  /** Which lone `{{name}}` path segments are path params (see request-parts.ts). */
  pathVariables: PathSegmentVariables;
}

interface Scope {
  folderPath: string[];
  authChain: { auth: unknown; from: string }[];
  variables: Record<string, string>;
}

type RawNode = Record<string, unknown>;

/**
 * @param reservedNames names the generated index exports besides the operations' own
 * (see `generatedNames` in pipeline.ts); method names avoid them.
 */
export function buildCollectionIR(loaded: LoadedCollection, reservedNames?: ReadonlySet<string>): BuildResult {
  const sink = new DiagnosticSink();
  sink.add(loaded.diagnostics.items);
  const { json, source } = loaded;
  const info = json.info as RawNode;
  const { model } = loaded;
  const conventions: Conventions = { markersInUse: usesRequiredMarkers(json), pathVariables: { defined: definedVariables(model.variables), setByScripts: variablesSetByScripts(json) } };
  const collectionAuth = model.auth;
  const secrets = collectionSecrets(json, loaded.environments.flatMap((environment) => environment.values));

  const operations: Omit<OperationIR, "id" | "typeName">[] = [];
  const scripts: ScriptScope[] = [{ folderPath: [], source: { file: source.displayPath }, script: preRequestScript(json.event), what: "the collection's" }];
  const visit = (nodes: readonly ModelNode[], prefix: string, scope: Scope) => {
    nodes.forEach((node, index) => {
      const { raw } = node;
      const indexPath = `${prefix}${index}`;
      const name = typeof raw.name === "string" && raw.name.trim() ? raw.name : `#${index + 1}`;
      const script = preRequestScript(raw.event);
      if (script) {
        const path = [...scope.folderPath, name];
        scripts.push({ folderPath: path, item: node.kind === "item", source: { file: loaded.fileOf(indexPath), itemPath: path.join(" / ") }, script, what: node.kind === "folder" ? "the folder's" : "its" });
      }
      if (node.kind === "folder") {
        visit(node.items, `${indexPath}/`, {
          folderPath: [...scope.folderPath, name],
          authChain: [{ auth: node.auth, from: `folder "${name}"` }, ...scope.authChain],
          variables: { ...scope.variables, ...localVariables(raw.variable, secrets.authVariables) },
        });
        return;
      }
      const itemPath = [...scope.folderPath, name].join(" / ");
      const location: SourceLocation = { file: loaded.fileOf(indexPath), itemPath };
      operations.push(
        buildOperation(node.request, raw, name, location, scope, conventions, sink, {
          ...scope.variables,
          ...localVariables(raw.variable, secrets.authVariables),
        }),
      );
    });
  };
  visit(model.items, "", {
    folderPath: [],
    authChain: [{ auth: collectionAuth, from: "collection" }],
    variables: {},
  });

  const named = assignMethodNames(operations, sink, reservedNames);
  const variables = collectVariables(model.variables, named, secrets.authVariables);
  for (const scope of scripts) warnAboutScript(scope, named, sink);
  const ir: CollectionIR = {
    name: source.name,
    title: typeof info.name === "string" && info.name ? info.name : source.name,
    description: descriptionText(info.description ?? json.description),
    schemaVersion: loaded.version,
    source: { file: source.displayPath },
    variables,
    environments: environmentPresets(loaded.environments, variables, secrets.authVariables),
    auth: resolveAuth([{ auth: collectionAuth, from: "collection" }], [], { file: source.displayPath }, new DiagnosticSink()),
    operations: named,
  };
  // Nothing downstream sees a secret value: every later stage reads text from the IR.
  return { ir: redactIR(ir, secrets.values), diagnostics: sink.items };
}

function buildOperation(
  request: RequestView,
  raw: RawNode,
  name: string,
  source: SourceLocation,
  scope: Scope,
  { markersInUse, pathVariables }: Conventions,
  sink: DiagnosticSink,
  localVars: Record<string, string>,
): Omit<OperationIR, "id" | "typeName"> {
  const examples = readExamples(raw);
  const exampleRequests = examples.flatMap((e) => (e.request ? [e.request] : []));
  const parts = readRequestParts(request, exampleRequests, markersInUse, pathVariables);
  const auth = resolveAuth(
    [{ auth: request.auth, from: "request" }, ...scope.authChain],
    parts.headers.filter((h) => !h.disabled),
    source,
    sink,
  );
  const headers = classifyHeaders(parts.headers, headersComputedBy(auth), markersInUse);
  const contentTypeHeader = headers.find((h) => h.key.toLowerCase() === "content-type" && h.kind === "static")?.value;
  const body = readBody(
    request,
    examples.flatMap((e) => (e.request ? [{ name: e.name, request: e.request }] : [])),
    contentTypeHeader,
    (description) => isRequired(description, markersInUse),
  );
  const method = (request.method || "GET").toUpperCase();
  if (body && (method === "GET" || method === "HEAD")) {
    sink.warn(
      `${method} request with a ${body.mode} body: fetch cannot send a body with ${method}, so the client refuses the call unless an onRequest hook drops or moves the body`,
      source,
    );
  }
  // The body owns its Content-Type: one source of truth, and multipart needs fetch's boundary.
  const requestHeaders = body ? headers.filter((h) => h.key.toLowerCase() !== "content-type") : headers;
  const responses = examples.flatMap((e) => {
    const response = readResponse(e, source, sink);
    if (!response) return [];
    const query = exampleQuery(e.request);
    return [query ? { ...response, requestQuery: query } : response];
  });
  responses.sort((a, b) => a.status - b.status);

  const operation: Omit<OperationIR, "id" | "typeName"> = {
    name,
    folderPath: scope.folderPath,
    itemPath: source.itemPath ?? name,
    source,
    method,
    url: parts.url,
    pathParams: parts.pathParams,
    query: parts.query,
    headers: requestHeaders,
    body,
    auth,
    responses,
    description: descriptionText(request.description) ?? descriptionText(raw.description),
  };
  return substituteLocalVariables(operation, localVars);
}

/**
 * Each environment as a preset named after its file (`plaid.sandbox.postman_environment.json`
 * → `sandbox`): the values it gives the variables the requests use, secrets left out and named.
 */
function environmentPresets(
  environments: LoadedCollection["environments"],
  variables: readonly VariableIR[],
  authVariables: ReadonlySet<string>,
): EnvironmentIR[] {
  const used = new Set(variables.map((v) => v.key));
  const taken = new Set<string>();
  return environments.map((environment) => {
    let name = camelCase(environment.fileLabel) || "environment";
    if (/^[0-9]/.test(name)) name = `environment${name}`;
    for (let n = 2; taken.has(name); n++) name = `${camelCase(environment.fileLabel) || "environment"}${n}`;
    taken.add(name);
    const values: Record<string, string> = {};
    const secrets: string[] = [];
    for (const { key, value, secretType } of environment.values) {
      if (secretType || isSecretVariable(key, value, authVariables)) secrets.push(key);
      else if (used.has(key)) Object.defineProperty(values, key, { value, writable: true, enumerable: true, configurable: true });
    }
    return { name, title: environment.title, file: environment.file, values, secrets: [...new Set(secrets)].sort() };
  });
}

/** A pre-request script and where it applies: the requests under `folderPath` (the item's own when `item`). */
interface ScriptScope {
  folderPath: string[];
  item?: boolean;
  source: SourceLocation;
  script: string;
  /** Whose script it is, for the message: "the collection's", "the folder's", "its". */
  what: string;
}

/**
 * One warning per script that changes the requests it runs before, or sets a variable they
 * use: a generated client runs no scripts, so the caller must do it (an `onRequest` hook, or
 * the variable's value in `createClient({ variables })`).
 */
function warnAboutScript(scope: ScriptScope, operations: readonly OperationIR[], sink: DiagnosticSink): void {
  const within = (op: OperationIR) => {
    const path = scope.item ? [...op.folderPath, op.name] : op.folderPath;
    return scope.folderPath.every((name, i) => path[i] === name) && (!scope.item || path.length === scope.folderPath.length);
  };
  const affected = operations.filter(within);
  if (affected.length === 0) return;
  const changes = requestChanges(scope.script);
  const used = new Set(affected.flatMap(variablesUsedBy));
  const set = variablesSet(scope.script).filter((name) => used.has(name));
  const requests = scope.item ? "this request" : `the ${affected.length} request(s) below it`;
  if (changes.length > 0) {
    sink.warn(`${scope.what} pre-request script ${changes.join(", ")} for ${requests}; the client does not run scripts: do the same in an onRequest hook`, scope.source);
  }
  if (set.length > 0) {
    const names = set.map((name) => `{{${name}}}`).join(", ");
    sink.warn(`${scope.what} pre-request script sets ${names}, used by ${requests}; the client does not run scripts: pass the value in createClient({ variables })`, scope.source);
  }
}

/** Every variable an operation's URL, fixed query parameters, headers and body fields refer to. */
function variablesUsedBy(op: OperationIR): string[] {
  const texts = [
    op.url.template,
    ...op.query.map((q) => q.value),
    ...op.headers.map((h) => h.value),
    ...(op.body?.fields ?? []).map((f) => f.value),
    ...(op.body?.samples ?? []).map((sample) => sample.text),
    op.body?.graphqlQuery,
    op.body?.graphqlVariables,
  ];
  return texts.flatMap((text) => variableReferences(text));
}

/** The enabled, literal query parameters of an example's original request. */
function exampleQuery(request: ExampleRequest | undefined): Record<string, string> | undefined {
  const query: Record<string, string> = {};
  for (const p of request?.query ?? []) {
    if (!p.key || p.disabled || p.value === undefined || p.value.includes("{{")) continue;
    query[p.key] = p.value;
  }
  return Object.keys(query).length ? query : undefined;
}

/** Folder and item `variable` arrays; secret ones stay references the client resolves. */
function localVariables(value: unknown, authVariables: ReadonlySet<string>): Record<string, string> {
  const result: Record<string, string> = {};
  if (!Array.isArray(value)) return result;
  for (const entry of value as RawNode[]) {
    const key = typeof entry?.key === "string" ? entry.key : undefined;
    const text = stringValue(entry?.value);
    if (key && text !== undefined && !entry.disabled && !isSecretVariable(key, text, authVariables)) result[key] = text;
  }
  return result;
}

function definedVariables(collectionVariables: readonly Entry[]): Set<string> {
  const names = new Set<string>();
  for (const v of collectionVariables) {
    if (v.key && !v.disabled && stringValue(v.value)) names.add(v.key as string);
  }
  return names;
}

function collectVariables(collectionVariables: readonly Entry[], operations: readonly OperationIR[], authVariables: ReadonlySet<string>): VariableIR[] {
  const declared = new Map<string, { value?: string; description?: string }>();
  for (const v of collectionVariables) {
    if (!v.key || v.disabled) continue;
    declared.set(v.key as string, { value: stringValue(v.value), description: descriptionText(v.description) });
  }
  const inUrl = new Set<string>();
  const used = new Set<string>();
  const expand = (names: string[], into: Set<string>, seen = new Set<string>()) => {
    for (const name of names) {
      if (name.startsWith("$") || seen.has(name)) continue;
      seen.add(name);
      into.add(name);
      expand(variableReferences(declared.get(name)?.value), into, seen);
    }
  };
  // A reference formed by substitution (`{{hello_{{var}}}}` → `{{hello_value}}`) uses a variable too.
  const references = (text: string | undefined): string[] => {
    const names: string[] = [];
    let current = text ?? "";
    for (let pass = 0; pass < 19 && current.includes("{{"); pass++) {
      names.push(...variableReferences(current));
      const next = current.replace(/\{\{([^{}]+?)\}\}/g, (whole, name: string) => declared.get(name.trim())?.value ?? whole);
      if (next === current) break;
      current = next;
    }
    return names;
  };
  for (const op of operations) {
    expand(references(op.url.template), inUrl);
    const texts = [
      op.url.template,
      ...op.query.map((q) => (q.kind === "static" ? q.value : undefined)),
      ...op.headers.map((h) => (h.kind === "static" ? h.value : undefined)),
      ...(op.body?.fields ?? []).map((f) => f.value),
      op.body?.graphqlQuery,
      op.body?.graphqlVariables,
    ];
    expand(texts.flatMap((t) => references(t)), used);
  }
  return [...used].sort().map((key) => {
    const entry = declared.get(key);
    const secret = isSecretVariable(key, entry?.value, authVariables);
    return {
      key,
      default: secret ? undefined : entry?.value,
      secret,
      description: entry?.description,
      usedInUrl: inUrl.has(key),
    };
  });
}

/** Whether the collection marks parameters "(Required)", as OpenAPI-to-Postman exports do. */
function usesRequiredMarkers(json: RawNode): boolean {
  let found = false;
  const check = (list: unknown) => {
    if (found || !Array.isArray(list)) return;
    for (const entry of list) {
      if (requiredMarker(descriptionText((entry as RawNode | null)?.description)) === "required") {
        found = true;
        return;
      }
    }
  };
  const walk = (items: unknown) => {
    if (found || !Array.isArray(items)) return;
    for (const item of items as RawNode[]) {
      walk(item?.item);
      const request = item?.request as RawNode | undefined;
      if (!request || typeof request !== "object") continue;
      check(request.header);
      const url = request.url as RawNode | undefined;
      if (url && typeof url === "object") {
        check(url.query);
        check(url.variable);
      }
    }
  };
  walk(json.item);
  return found;
}
