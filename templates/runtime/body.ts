/**
 * The request body for each Postman body mode. The result is built once per call and reused,
 * unchanged, by every retry attempt.
 */
import { MissingParameterError, RuntimeError } from "./errors.js";
import { rfc3986 } from "./encoding.js";
import type { BodySpec, FieldSpec, OperationSpec } from "./spec.js";
import type { Bytes, RequestBody } from "./types.js";
import { resolveTemplate, type VariableScope } from "./variables.js";

export interface BuiltBody {
  body: RequestBody | undefined;
  /** The mode's Content-Type; undefined for formdata, whose boundary fetch writes. */
  contentType: string | undefined;
}

/** A file part: a Blob (a File keeps its name) or bytes/text with a name and type. */
export interface FilePart {
  data: Blob | Bytes | ArrayBuffer | string;
  filename?: string;
  contentType?: string;
}

const NO_BODY: BuiltBody = { body: undefined, contentType: undefined };

export async function buildBody(
  spec: OperationSpec,
  value: unknown,
  scope: VariableScope,
): Promise<BuiltBody> {
  const body = spec.body;
  if (!body) return value === undefined ? NO_BODY : { body: json(value), contentType: "application/json" };
  switch (body.mode) {
    case "raw":
      return value === undefined ? NO_BODY : raw(body, value);
    case "graphql":
      return graphql(body, value, scope);
    case "urlencoded":
      return urlencoded(spec, body, record(value), scope);
    case "formdata": {
      // As in Postman, a form with no fields to send is no body at all (a GET may declare one).
      const form = formData(spec, body, record(value), scope);
      return [...form.keys()].length ? { body: form, contentType: undefined } : NO_BODY;
    }
    case "file":
      return value === undefined ? NO_BODY : file(body, value);
  }
}

function json(value: unknown): string {
  return typeof value === "string" ? value : JSON.stringify(value);
}

function raw(body: BodySpec, value: unknown): BuiltBody {
  const isJson = body.language === "json" || body.language === undefined;
  const contentType = body.contentType ?? (isJson ? "application/json" : "text/plain");
  if (value instanceof Blob || value instanceof Uint8Array || value instanceof ArrayBuffer) {
    return { body: toBody(value), contentType };
  }
  // A string is sent as written even for JSON: the caller may have serialized it already.
  return { body: typeof value === "string" ? value : isJson ? JSON.stringify(value) : String(value), contentType };
}

/**
 * A GraphQL body as Postman sends it: `{"query":..,"operationName":..,"variables":..}`. What the
 * caller leaves out comes from the collection, its `{{variables}}` resolved: the query text, and
 * the variables' JSON text, written in as it is (as Postman does, so `"variables": "{{bundle}}"`
 * sends the variable's JSON). What the caller gives is data, sent as given.
 */
function graphql(body: BodySpec, value: unknown, scope: VariableScope): BuiltBody {
  const given = typeof value === "string" ? { query: value } : ((value ?? {}) as { query?: string; variables?: unknown; operationName?: string });
  const parts = [`"query":${JSON.stringify(given.query ?? resolveTemplate(body.query ?? "", scope))}`];
  const operationName = given.operationName ?? body.operationName;
  if (operationName !== undefined) parts.push(`"operationName":${JSON.stringify(operationName)}`);
  if (given.variables !== undefined) parts.push(`"variables":${JSON.stringify(given.variables)}`);
  else if (body.variables !== undefined) {
    const text = resolveTemplate(body.variables, scope);
    if (text !== "") parts.push(`"variables":${text}`);
  }
  return { body: `{${parts.join(",")}}`, contentType: body.contentType ?? "application/json" };
}

function urlencoded(
  spec: OperationSpec,
  body: BodySpec,
  values: Record<string, unknown>,
  scope: VariableScope,
): BuiltBody {
  // Postman encodes form fields RFC 3986 style (`%20` for a space, `!*'()` encoded), not as URLSearchParams does.
  const pairs: string[] = [];
  for (const [key, item] of fieldValues(spec, body, values, scope)) {
    for (const one of Array.isArray(item) ? item : [item]) pairs.push(`${rfc3986(key)}=${rfc3986(text(one))}`);
  }
  if (pairs.length === 0) return NO_BODY;
  return { body: pairs.join("&"), contentType: body.contentType ?? "application/x-www-form-urlencoded" };
}

function formData(
  spec: OperationSpec,
  body: BodySpec,
  values: Record<string, unknown>,
  scope: VariableScope,
): FormData {
  const form = new FormData();
  const types = new Map((body.fields ?? []).map((field) => [field.key, field]));
  for (const [key, item] of fieldValues(spec, body, values, scope)) {
    for (const one of Array.isArray(item) ? item : [item]) {
      const field = types.get(key);
      if (field?.type === "file" || isFileLike(one)) {
        const part = filePart(one, field);
        form.append(key, part.blob, part.filename);
      } else {
        form.append(key, text(one));
      }
    }
  }
  return form;
}

/** Field values in the collection's order, then any undeclared ones the caller added. */
function fieldValues(
  spec: OperationSpec,
  body: BodySpec,
  values: Record<string, unknown>,
  scope: VariableScope,
): [string, unknown][] {
  const out: [string, unknown][] = [];
  const declared = new Set<string>();
  for (const field of body.fields ?? []) {
    declared.add(field.key);
    const given = Object.prototype.hasOwnProperty.call(values, field.key) ? values[field.key] : undefined;
    // A static file field names a file on the collection author's disk: only the caller can supply it.
    if (given === undefined && field.kind === "static" && field.type === "text" && field.value !== undefined) {
      out.push([field.key, resolveTemplate(field.value, scope)]);
    } else if (given !== undefined) {
      out.push([field.key, given]);
    } else if (field.required) {
      throw new MissingParameterError("body", field.key, spec.id);
    }
  }
  for (const [key, value] of Object.entries(values)) if (!declared.has(key) && value !== undefined) out.push([key, value]);
  return out;
}

function record(value: unknown): Record<string, unknown> {
  if (value === undefined || value === null) return {};
  if (typeof value === "object" && !Array.isArray(value)) return value as Record<string, unknown>;
  throw new RuntimeError(`A form body must be an object of fields, got ${typeof value}`);
}

function text(value: unknown): string {
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean" || typeof value === "bigint") return String(value);
  return JSON.stringify(value);
}

function isFileLike(value: unknown): boolean {
  return value instanceof Blob || value instanceof Uint8Array || value instanceof ArrayBuffer ||
    (typeof value === "object" && value !== null && "data" in value);
}

function filePart(value: unknown, field: FieldSpec | undefined): { blob: Blob; filename: string } {
  const part: FilePart = typeof value === "object" && value !== null && "data" in value
    ? (value as FilePart)
    : { data: value as FilePart["data"] };
  const dataType = part.data instanceof Blob ? part.data.type : "";
  const type = part.contentType || dataType || field?.contentType || "application/octet-stream";
  const blob = part.data instanceof Blob && part.data.type === type
    ? part.data
    : new Blob([toBody(part.data)], { type });
  const filename = part.filename ?? (part.data instanceof File ? part.data.name : undefined) ?? field?.key ?? "file";
  return { blob, filename };
}

function file(body: BodySpec, value: unknown): BuiltBody {
  const data = toBody(value as FilePart["data"]);
  const blobType = data instanceof Blob ? data.type : "";
  return { body: data, contentType: body.contentType ?? (blobType || "application/octet-stream") };
}

/** Bytes for fetch: Blob and strings pass through; buffers are copied onto a plain ArrayBuffer. */
export function toBody(value: Blob | Bytes | ArrayBuffer | ArrayBufferView | string): string | Blob | Bytes {
  if (typeof value === "string" || value instanceof Blob) return value;
  if (value instanceof ArrayBuffer) return new Uint8Array(value.slice(0));
  if (ArrayBuffer.isView(value)) {
    const copy = new Uint8Array(value.byteLength);
    copy.set(new Uint8Array(value.buffer, value.byteOffset, value.byteLength));
    return copy;
  }
  throw new RuntimeError(`A file body must be a Blob, ArrayBuffer, Uint8Array or string, got ${typeof value}`);
}
