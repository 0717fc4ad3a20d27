/**
 * The contract of `infer`: what it takes (one `TypeRequest` per position of each operation,
 * built from the IR by `requests.ts`) and what it gives (`TypeGraph`: named types and, per
 * operation, the type of each position, as nodes of one graph). `emit` renders TypeScript and
 * `openapi` renders JSON Schema from the same graph, so the two always agree.
 */
import type { Diagnostic, SourceLocation } from "../base/diagnostics.js";
import type { ObjectNode, TypeNode } from "./graph.js";

export type { Diagnostic };

/** A JSON value as pmgen parses it: numbers JSON cannot hold exactly stay as their digits. */
export type JsonValue =
  | null
  | boolean
  | number
  | string
  | ExactNumber
  | JsonValue[]
  | { [key: string]: JsonValue };

/** A number whose decimal text does not survive a round trip through a double (|n| > 2^53). */
export class ExactNumber {
  constructor(readonly raw: string) {}
}

export type ParseResult = { ok: true; value: JsonValue } | { ok: false; message: string };

/** Which part of an operation a type is for. */
export type Position =
  /** The JSON request body (raw JSON), or a GraphQL body's variables. */
  | { readonly part: "request" }
  /** The JSON body of the responses of one status. */
  | { readonly part: "response"; readonly status: number }
  /** A path, query, header or form (urlencoded/multipart text) parameter's value. */
  | { readonly part: "path" | "query" | "header" | "form"; readonly key: string }
  /** A response header's value. */
  | { readonly part: "responseHeader"; readonly status: number; readonly key: string };

/** One thing to type: all the evidence for one position of one operation. */
export interface TypeRequest {
  /** The operation's method name. */
  operation: string;
  position: Position;
  /** The name the root type gets if it is an object or needs a name: `CreateVolumeBackupRequest`. */
  name: string;
  /** json: texts are JSON documents; strings: texts are plain values (headers, query). */
  kind: "json" | "strings";
  source: SourceLocation;
  /** Every sample, in collection order. */
  samples: { origin: string; text: string }[];
}

/** The role a position plays for naming and for the presence rules. */
export function roleOf(position: Position): "request" | "response" | "param" | "header" {
  switch (position.part) {
    case "request":
    case "response":
      return position.part;
    case "header":
    case "responseHeader":
      return "header";
    default:
      return "param";
  }
}

/** The status of a response position. */
export function statusOf(position: Position): number | undefined {
  return position.part === "response" || position.part === "responseHeader" ? position.status : undefined;
}

/** A position as words, for messages: `the response body (status 200)`, `query parameter "page"`. */
export function describePosition(position: Position): string {
  switch (position.part) {
    case "request":
      return "the request body";
    case "response":
      return `the response body (status ${position.status})`;
    case "responseHeader":
      return `response header ${JSON.stringify(position.key)} (status ${position.status})`;
    case "form":
      return `form field ${JSON.stringify(position.key)}`;
    default:
      return `${position.part} parameter ${JSON.stringify(position.key)}`;
  }
}

/** The type inferred for one position, and the sample values it was inferred from. */
export interface InferredRoot {
  readonly type: TypeNode;
  /** The samples that parsed, in order (for fixtures); invalid ones are left out with a warning. */
  readonly values: readonly { readonly origin: string; readonly value: JsonValue }[];
}

/** A declared (named) object type: every object node of the graph refers to one by its `name`. */
export interface NamedType {
  readonly name: string;
  readonly node: ObjectNode;
  /** How many positions use the shape. */
  readonly uses: number;
}

/** The types of one operation's positions. */
export interface OperationTypes {
  request?: InferredRoot;
  readonly responses: Map<number, InferredRoot>;
  readonly path: Map<string, InferredRoot>;
  readonly query: Map<string, InferredRoot>;
  readonly headers: Map<string, InferredRoot>;
  readonly form: Map<string, InferredRoot>;
  readonly responseHeaders: Map<number, Map<string, InferredRoot>>;
}

export interface TypeGraph {
  /** Sorted by name; names are unique valid TypeScript identifiers. */
  readonly declarations: readonly NamedType[];
  /** By operation method name. */
  readonly operations: ReadonlyMap<string, OperationTypes>;
  readonly diagnostics: readonly Diagnostic[];
}

export function emptyOperationTypes(): OperationTypes {
  return { responses: new Map(), path: new Map(), query: new Map(), headers: new Map(), form: new Map(), responseHeaders: new Map() };
}

/** The types of the operation `id` (none when it has no typed position). */
export function typesOf(graph: TypeGraph, id: string): OperationTypes {
  return graph.operations.get(id) ?? EMPTY;
}

const EMPTY: OperationTypes = Object.freeze(emptyOperationTypes());

/** The root at `position` of `types`, if inferred. */
export function rootAt(types: OperationTypes, position: Position): InferredRoot | undefined {
  switch (position.part) {
    case "request":
      return types.request;
    case "response":
      return types.responses.get(position.status);
    case "path":
      return types.path.get(position.key);
    case "query":
      return types.query.get(position.key);
    case "header":
      return types.headers.get(position.key);
    case "form":
      return types.form.get(position.key);
    case "responseHeader":
      return types.responseHeaders.get(position.status)?.get(position.key);
  }
}

/** Puts `root` at `position` of `types`. */
export function setRoot(types: OperationTypes, position: Position, root: InferredRoot): void {
  switch (position.part) {
    case "request":
      types.request = root;
      break;
    case "response":
      types.responses.set(position.status, root);
      break;
    case "path":
      types.path.set(position.key, root);
      break;
    case "query":
      types.query.set(position.key, root);
      break;
    case "header":
      types.headers.set(position.key, root);
      break;
    case "form":
      types.form.set(position.key, root);
      break;
    case "responseHeader": {
      let headers = types.responseHeaders.get(position.status);
      if (headers === undefined) types.responseHeaders.set(position.status, (headers = new Map()));
      headers.set(position.key, root);
      break;
    }
  }
}
