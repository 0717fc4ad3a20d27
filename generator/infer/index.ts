/**
 * pmgen's type inference: samples → type graph (`merge`) → sharing and names (`assign-names`).
 * The named graph is the result; `emit` renders it as TypeScript and `openapi` as JSON Schema.
 */
import {
  describePosition,
  emptyOperationTypes,
  ExactNumber,
  roleOf,
  setRoot,
  statusOf,
  type Diagnostic,
  type InferredRoot,
  type JsonValue,
  type NamedType,
  type OperationTypes,
  type ParseResult,
  type TypeGraph,
  type TypeRequest,
} from "./contract.js";
import { assignNames, forEachObject, type RootEntry } from "./assign-names.js";
import type { NameHint, TypeNode } from "./graph.js";
import { mergeObservations, renamed } from "./merge.js";
import { pascalCase } from "./naming.js";
import { parseJson } from "./parse-json.js";
import { textToValue, type Observation } from "./sample-to-shape.js";
import { parseLenient } from "./lenient-json.js";
import { withStandIns } from "./type-placeholders.js";
import { memoizeText } from "../base/memoize.js";
import { compareText } from "../base/compare.js";

export { parseJson } from "./parse-json.js";
export { ExactNumber } from "./contract.js";
export type * from "./contract.js";

/** Where a root is, for its declaration's JSDoc: `the response body of \`getUser\` (status 200)`. */
function describeRequest(request: TypeRequest): string {
  const op = `\`${request.operation}\``;
  const { position } = request;
  switch (position.part) {
    case "request":
      return `the request body of ${op}`;
    case "response":
      return `the response body of ${op} (status ${position.status})`;
    case "header":
    case "responseHeader":
      return `a header of ${op} (${position.key})`;
    default:
      return `a parameter of ${op} (${position.key})`;
  }
}

/** A valid PascalCase identifier for a request's name (callers normally pass one already). */
function rootName(name: string): string {
  const pascal = /^[A-Za-z][A-Za-z0-9]*$/.test(name) ? name : pascalCase(name);
  return /^[A-Za-z]/.test(pascal) ? pascal : `T${pascal}`;
}

/** The sorted keys of a JSON object (`undefined` for anything else), as one string. */
function rootKeys(value: JsonValue): string | undefined {
  if (value === null || typeof value !== "object" || Array.isArray(value) || value instanceof ExactNumber) return undefined;
  return Object.keys(value).sort().join("\u0000");
}

function isErrorResponse(request: TypeRequest): boolean {
  return request.position.part === "response" && request.kind === "json" && request.position.status >= 400;
}

/**
 * How many error examples (any operation, any status >= 400) have each root key set: an error
 * body with one example is corroborated when another error example has the same root keys, i.e.
 * the API's errors share an envelope (see `PARTIAL_REQUIRED_SAMPLES` in merge.ts).
 */
function errorRootKeys(requests: readonly TypeRequest[], parse: ParseSample): Map<string, number> {
  const counts = new Map<string, number>();
  for (const request of requests) {
    if (!isErrorResponse(request)) continue;
    for (const sample of request.samples) {
      const parsed = sample.text.trim() === "" ? undefined : parse(sample.text);
      const keys = parsed?.ok ? rootKeys(parsed.value) : undefined;
      if (keys !== undefined) counts.set(keys, (counts.get(keys) ?? 0) + 1);
    }
  }
  return counts;
}

/** `parseJson` for the sample texts of one run. */
type ParseSample = (text: string) => ParseResult;

export function inferTypes(requests: readonly TypeRequest[], reservedNames: ReadonlySet<string> = new Set()): TypeGraph {
  // Collections repeat their bodies: github-v3's 1,579 examples hold 290 distinct texts (793
  // error bodies, 22 distinct). Each distinct text is parsed once per run and its value shared
  // by every request that holds it; nothing downstream changes a parsed value (merging and the
  // fixtures only read it), and equal values also let the fixtures render each body once.
  const parse: ParseSample = memoizeText(parseJson);
  const errorKeys = errorRootKeys(requests, parse);
  const merged: MergedTypes = new Map();
  return nameAll(
    requests.map((request, order) => inferRequest(request, order, errorKeys, parse, merged)),
    reservedNames,
  );
}

/** One request typed on its own: what `nameAndRender` needs of it. */
interface InferredRequest {
  request: TypeRequest;
  entry: RootEntry;
  values: { origin: string; value: JsonValue }[];
  diagnostics: Diagnostic[];
}

/**
 * The samples that parse (the fixtures), and the evidence for the type: each distinct sample
 * text once (an example that repeats the request's body, as every example's original request
 * often does, is no second piece of evidence), read leniently where it has `{{var}}`
 * placeholders (evidence for the type, but not a fixture: a placeholder is not a value).
 */
function readSamples(
  request: TypeRequest,
  parse: ParseSample,
  warn: (message: string) => void,
): { values: { origin: string; value: JsonValue }[]; evidence: Observation[]; notJson: number } {
  const values: { origin: string; value: JsonValue }[] = [];
  const evidence: Observation[] = [];
  const seen = new Set<string>();
  let notJson = 0;
  if (request.kind !== "json") {
    const converted = textToValue(request.samples.map((sample) => sample.text));
    request.samples.forEach((sample, i) => {
      values.push({ origin: sample.origin, value: converted[i]! });
      if (!seen.has(sample.text)) evidence.push({ value: converted[i]!, sample: seen.add(sample.text).size - 1 });
    });
    return { values, evidence, notJson };
  }
  for (const sample of request.samples) {
    // An empty body is "no body", not a broken one.
    if (sample.text.trim() === "") continue;
    const first = !seen.has(sample.text);
    if (first) seen.add(sample.text);
    const parsed = parse(sample.text);
    if (parsed.ok) {
      values.push({ origin: sample.origin, value: parsed.value });
      if (first) evidence.push({ value: parsed.value, sample: seen.size - 1 });
      continue;
    }
    const lenient = parseLenient(sample.text);
    if (lenient.parse.ok) {
      if (first) evidence.push({ value: lenient.parse.value, sample: seen.size - 1 });
      if (!lenient.placeholders) values.push({ origin: sample.origin, value: lenient.parse.value });
      if (lenient.repairs.length > 0) {
        warn(`${describePosition(request.position)}: sample ${JSON.stringify(sample.origin)} is not strict JSON (${lenient.repairs.join(", ")}); read leniently`);
      }
    } else {
      notJson++;
      warn(`${describePosition(request.position)}: sample ${JSON.stringify(sample.origin)} is not JSON (${parsed.message}); it is left out of the inferred type`);
    }
  }
  return { values, evidence, notJson };
}

/** A merged type and the warnings its merge gave, by `mergeKey`. */
type MergedTypes = Map<string, { type: TypeNode; warnings: readonly string[]; objects: boolean }>;

/**
 * Everything a merge reads: the sample texts (their values and sample numbers), how they are
 * read (`kind`), and what the presence rules ask of the request (a response; an error one, and
 * whether another error example corroborates it). Texts are length-prefixed so no two lists of
 * texts share a key.
 */
function mergeKey(request: TypeRequest, errorCorroborated: boolean): string {
  const status = statusOf(request.position) ?? 0;
  const flags = `${request.kind}|${roleOf(request.position) === "response" ? "r" : ""}${status >= 400 ? "e" : ""}${errorCorroborated ? "c" : ""}`;
  let key = flags;
  for (const text of new Set(request.samples.map((sample) => sample.text))) key += `|${text.length}:${text}`;
  return key;
}

/**
 * Types one request: its samples merged into a type graph. Independent of every other request
 * but for `errorKeys` (see `errorRootKeys`), its position `order`, and the merges of earlier
 * requests with the same samples (`merged`), which it reuses.
 */
function inferRequest(
  request: TypeRequest,
  order: number,
  errorKeys: ReadonlyMap<string, number>,
  parse: ParseSample,
  merged: MergedTypes,
): InferredRequest {
  const diagnostics: Diagnostic[] = [];
  const warn = (message: string) => diagnostics.push({ severity: "warning", message, source: request.source });
  const { values, evidence, notJson } = readSamples(request, parse, warn);
  let fallback: TypeNode | undefined;
  if (request.kind === "json") {
    if (values.length === 0 && evidence.length === 0) fallback = notJson > 0 ? { kind: "string" } : { kind: "unknown" };
  } else if (values.length === 0) fallback = { kind: "string" };

  const name = rootName(request.name);
  const role = roleOf(request.position);
  const status = statusOf(request.position);
  const rootHint = (): NameHint => {
    const hint: NameHint = { name, root: { order, role, operation: request.operation }, describe: describeRequest(request) };
    if (status !== undefined) hint.root!.status = status;
    return hint;
  };
  let errorCorroborated = false;
  if (isErrorResponse(request) && evidence.length === 1) {
    const keys = rootKeys(evidence[0]!.value);
    errorCorroborated = keys !== undefined && (errorKeys.get(keys) ?? 0) >= 2;
  }
  let type = fallback;
  if (type === undefined) {
    // Equal samples merge to equal types but for the names derived from the root's: the first
    // request merges, later ones copy its type under their own hint and repeat its warnings.
    const key = mergeKey(request, errorCorroborated);
    const earlier = merged.get(key);
    if (earlier !== undefined) {
      // A type without objects holds no hints and naming never changes it: it is shared as is
      // (most of a collection's headers and parameters).
      type = earlier.objects ? renamed(earlier.type, rootHint()) : earlier.type;
      for (const message of earlier.warnings) warn(`${describePosition(request.position)}: ${message}`);
    } else {
      const warnings: string[] = [];
      type = mergeObservations(evidence, rootHint(), "$", 0, {
        warn: (message) => {
          warnings.push(message);
          warn(`${describePosition(request.position)}: ${message}`);
        },
        errorCorroborated,
      });
      let objects = false;
      forEachObject(type, () => (objects = true));
      merged.set(key, { type, warnings, objects });
    }
  }
  const entry: RootEntry = { type, name, order, role, operation: request.operation };
  if (status !== undefined) entry.status = status;
  return { request, entry, values, diagnostics };
}

function withStandInsOf(sample: { origin: string; value: JsonValue }): { origin: string; value: JsonValue } {
  const value = withStandIns(sample.value);
  return value === sample.value ? sample : { origin: sample.origin, value };
}

/** Every request's type, shared and named across the collection. */
function nameAll(prepared: readonly InferredRequest[], reservedNames: ReadonlySet<string>): TypeGraph {
  const diagnostics = prepared.flatMap((p) => p.diagnostics);
  const shapes = assignNames(
    prepared.map((p) => p.entry),
    reservedNames,
  );
  const declarations: NamedType[] = shapes.map((shape) => ({ name: shape.name, node: shape.node, uses: shape.uses.length }));
  declarations.sort((a, b) => compareText(a.name, b.name));

  const operations = new Map<string, OperationTypes>();
  for (const { request, entry, values } of prepared) {
    let types = operations.get(request.operation);
    if (types === undefined) operations.set(request.operation, (types = emptyOperationTypes()));
    // Fixtures get typed stand-ins for OpenAPI-import placeholders, so they satisfy their types.
    const root: InferredRoot = { type: entry.type, values: values.map((v) => withStandInsOf(v)) };
    setRoot(types, request.position, root);
  }
  return { declarations, operations, diagnostics };
}
