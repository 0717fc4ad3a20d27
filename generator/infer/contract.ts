/**
 * The contract between `model` (which collects samples) and `infer` (which turns them into
 * named types), and between `infer` and its readers (`emit` for TypeScript, `openapi` for
 * JSON Schema). One type graph feeds both renderings, so the TypeScript and the schema agree.
 */
import type { Diagnostic, SourceLocation } from "../diagnostics.js";

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

/** One thing to type: all the evidence for one position of one operation. */
export interface TypeRequest {
  /**
   * Stable lookup key. Conventions used by `model`:
   * - `${opId}:request` JSON request body (request sample + every example's originalRequest)
   * - `${opId}:response:${status}` JSON response bodies of one status
   * - `${opId}:query:${key}`, `${opId}:header:${key}`, `${opId}:path:${key}` string values
   * - `${opId}:response:${status}:header:${key}` response header values
   * - `${opId}:form:${key}` urlencoded / formdata text field values
   */
  key: string;
  /** The name the root type gets if it is an object or needs a name: `CreateVolumeBackupRequest`. */
  name: string;
  /** json: texts are JSON documents; strings: texts are plain string values (headers, query). */
  kind: "json" | "strings";
  source: SourceLocation;
  /** Every sample, in collection order. */
  samples: { origin: string; text: string }[];
  /** Operation id and role, for naming and for the "shared across operations" rule. */
  operation: string;
  role: "request" | "response" | "param" | "header";
  status?: number;
}

export type { Diagnostic };

/** JSON Schema 2020-12 (the dialect of OpenAPI 3.1); `$ref`s point at `#/components/schemas/<Name>`. */
export type JsonSchema = { [key: string]: unknown } | boolean;

export interface InferredRoot {
  /** TypeScript type expression: a named type (`CreateVolumeBackupResponse200`) or inline (`string[]`). */
  tsType: string;
  /** Named types the expression mentions directly (for `import type { ... }`). */
  refs: string[];
  /** Rendered on first read (only `openapi` reads it). */
  schema: JsonSchema;
  /** The samples that parsed, in order (for fixtures); invalid ones are left out with a warning. */
  values: { origin: string; value: JsonValue }[];
}

export interface NamedDeclaration {
  name: string;
  /** Full TypeScript source of the declaration, with JSDoc: `export interface X { ... }`. */
  tsSource: string;
  /** Other named types this declaration mentions. */
  refs: string[];
  /** Rendered on first read (only `openapi` reads it). */
  schema: JsonSchema;
}

export interface InferResult {
  roots: Record<string, InferredRoot>;
  /** Sorted by name; names are unique valid TypeScript identifiers. */
  declarations: NamedDeclaration[];
  diagnostics: Diagnostic[];
}

/** Infer every request's type at once, so identical shapes across operations can share names. */
export type InferTypes = (requests: TypeRequest[], reservedNames?: ReadonlySet<string>) => InferResult;
