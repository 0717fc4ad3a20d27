/**
 * Validators: ajv with ajv-formats, as a consumer of these schemas would assert them. JSON
 * Schema 2020-12 for the truth, pmgen's OpenAPI 3.1 and postman2openapi's OpenAPI 3.0 (both
 * first made JSON Schema by openapi-schemas.ts); draft-07 for quicktype's draft-06 output,
 * with quicktype's own `integer` and `boolean` string formats. Unknown formats are ignored,
 * regular expressions are read without the `u` flag (many specs' patterns are not valid with
 * it), and every schema compiles lazily against a whole document added once.
 */
import { createRequire } from "node:module";
import type { Json } from "./json-pointer.js";
import type { SchemaDocument } from "./openapi-schemas.js";

const require = createRequire(import.meta.url);

interface AjvLike {
  compile(schema: unknown): AjvValidate;
  addSchema(schema: unknown, key: string): unknown;
  addFormat(name: string, format: RegExp): unknown;
}

const Ajv2020 = require("ajv/dist/2020").default as new (options: object) => AjvLike;
const AjvDraft07 = require("ajv").default as new (options: object) => AjvLike;
const addFormats = require("ajv-formats").default as (ajv: AjvLike) => void;

const OPTIONS = { strict: false, logger: false, unicodeRegExp: false, validateSchema: false, allErrors: false };

/**
 * Diagnosis only (explain.ts --causes): validators made after this call collect every error of a
 * value, not just the first. Scoring never calls it (the verdicts are the same; allErrors is slower).
 */
export function collectAllErrors(): void {
  OPTIONS.allErrors = true;
}

export type Validate = (value: Json) => boolean;

/** Why a value is rejected: ajv's first errors, one line. */
export type Explain = (value: Json) => string;
/** Every failed check of a rejected value (all of them after `collectAllErrors`), one line each; [] when accepted. */
export type Errors = (value: Json) => string[];
/** The kind of the first check a value fails (`type: null, wants integer`, `format: email`, `required`), for tallies. */
export type RejectionKind = (value: Json) => string;

export type Compiled = { validate: Validate; explain: Explain; errors: Errors; rejectionKind: RejectionKind; error?: undefined } | { validate?: undefined; error: string };

interface AjvError {
  keyword: string;
  instancePath: string;
  message?: string;
  params?: Record<string, unknown>;
}
type AjvValidate = ((value: unknown) => boolean) & { errors?: AjvError[] | null };

function jsonType(value: Json | undefined): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  if (typeof value === "number") return Number.isInteger(value) ? "integer" : "number";
  return typeof value;
}

function valueAt(root: Json, instancePath: string): Json | undefined {
  let node: Json | undefined = root;
  for (const raw of instancePath.split("/").slice(1)) {
    const step = raw.replace(/~1/g, "/").replace(/~0/g, "~");
    node = node !== null && typeof node === "object" ? (node as Record<string, Json>)[step] : undefined;
  }
  return node;
}

function compiled(validate: AjvValidate): Compiled {
  return {
    validate: (value) => validate(value) === true,
    explain: (value) =>
      validate(value)
        ? "accepted"
        : (validate.errors ?? [])
            .slice(0, 3)
            .map((e) => `${e.instancePath || "/"} ${e.message ?? ""} ${JSON.stringify(e.params)}`)
            .join("; "),
    errors: (value) => {
      if (validate(value)) return [];
      // The leaf checks: an `anyOf`/`oneOf` failing says only that its branches did (listed too).
      return (validate.errors ?? [])
        .filter((e) => e.keyword !== "anyOf" && e.keyword !== "oneOf" && e.keyword !== "if")
        .map((e) => {
          const at = e.instancePath || "/";
          if (e.keyword === "type") return `${at}: type ${jsonType(valueAt(value, e.instancePath))}, wants ${String(e.params?.type)}`;
          if (e.keyword === "required") return `${at}: required ${String(e.params?.missingProperty)}`;
          if (e.keyword === "format") return `${at}: format ${String(e.params?.format)} (${JSON.stringify(valueAt(value, e.instancePath))})`;
          if (e.keyword === "enum") return `${at}: enum ${JSON.stringify(e.params?.allowedValues).slice(0, 120)} (${JSON.stringify(valueAt(value, e.instancePath))})`;
          return `${at}: ${e.keyword} ${JSON.stringify(e.params)}`;
        });
    },
    rejectionKind: (value) => {
      if (validate(value)) return "accepted";
      const error = validate.errors?.[0];
      if (error === undefined) return "unknown";
      if (error.keyword === "type") return `type: ${jsonType(valueAt(value, error.instancePath))}, wants ${String(error.params?.type)}`;
      if (error.keyword === "format") return `format: ${String(error.params?.format)}`;
      return error.keyword;
    },
  };
}

/** Validators for the schemas of one JSON Schema document (the roots its `refOf` names). */
export class DocumentValidators {
  private readonly ajv = new Ajv2020(OPTIONS);
  private readonly id: string;

  constructor(
    private readonly source: SchemaDocument,
    name: string,
  ) {
    addFormats(this.ajv);
    this.id = `bench:${name}`;
    this.ajv.addSchema(source.document, this.id);
  }

  compile(pointer: string): Compiled {
    const ref = this.source.refOf.get(pointer);
    if (ref === undefined) return { error: `no schema at ${pointer}` };
    try {
      return compiled(this.ajv.compile({ $ref: `${this.id}${ref}` }));
    } catch (error) {
      return { error: String((error as Error).message ?? error).slice(0, 300) };
    }
  }
}

/** Validators for standalone draft-06/07 schemas (quicktype's), one ajv per API and mode. */
export class Draft07Validators {
  private readonly ajv = new AjvDraft07(OPTIONS);

  constructor() {
    addFormats(this.ajv);
    this.ajv.addFormat("integer", /^-?[0-9]+$/);
    this.ajv.addFormat("boolean", /^(?:true|false)$/);
  }

  compile(schema: Json): Compiled {
    try {
      return compiled(this.ajv.compile(schema));
    } catch (error) {
      return { error: String((error as Error).message ?? error).slice(0, 300) };
    }
  }
}
