/**
 * Auth resolved with inheritance and reduced to its non-secret settings. Postman's rule:
 * the request's own auth, else the nearest folder's, else the collection's; `noauth` stops
 * the search. OCI request signing is not a Postman auth type: pmgen recognises
 * `{"type": "oci"}` in a collection or folder, and the pattern Oracle's exported collections
 * use (`Authorization: {{signature}}` beside `x-content-sha256: {{...}}`).
 */
import type { DiagnosticSink } from "../base/diagnostics.js";
import type { SourceLocation } from "../base/diagnostics.js";
import type { AuthIR, AuthType } from "./ir.js";
import { KNOWN_AUTH_TYPES, SUPPORTED_AUTH_TYPES } from "./ir.js";
import { loneReference } from "./templates.js";

/** Settings that say how auth is applied, never what the secret is. */
const PUBLIC_PARAMS: Record<string, readonly string[]> = {
  apikey: ["key", "in"],
  oauth1: ["signatureMethod", "addParamsToHeader", "addEmptyParamsToSign", "includeBodyHash", "version", "realm"],
  oauth2: ["headerPrefix", "addTokenTo"],
  awsv4: ["service", "region", "addAuthDataToQuery"],
  digest: ["algorithm", "qop"],
};

const KNOWN_TYPES = new Set<string>(KNOWN_AUTH_TYPES);

/** A raw auth block as found on a request, folder or collection. */
export interface RawAuth {
  type: string;
  params: Record<string, unknown>;
}

/** Reads an auth block in v2.1 (arrays of key/value) or v2.0 (an object) form. */
export function readRawAuth(auth: unknown): RawAuth | undefined {
  if (typeof auth !== "object" || auth === null) return undefined;
  const type = (auth as { type?: unknown }).type;
  if (typeof type !== "string" || !type) return undefined;
  const block = (auth as Record<string, unknown>)[type];
  const params: Record<string, unknown> = {};
  if (Array.isArray(block)) {
    for (const entry of block) {
      if (entry && typeof entry === "object" && typeof (entry as { key?: unknown }).key === "string") {
        params[(entry as { key: string }).key] = (entry as { value?: unknown }).value;
      }
    }
  } else if (block && typeof block === "object") {
    Object.assign(params, block);
  }
  return { type, params };
}

/**
 * Resolves the auth of one request. `chain` is the auth blocks from the request outwards
 * (request, innermost folder, ..., collection), each with where it came from.
 */
export function resolveAuth(
  chain: readonly { auth: unknown; from: string }[],
  headers: readonly { key: string; value?: string }[],
  source: SourceLocation,
  sink: DiagnosticSink,
): AuthIR {
  for (const { auth, from } of chain) {
    const raw = readRawAuth(auth);
    if (!raw) continue;
    return toAuthIR(raw, from, source, sink);
  }
  if (looksLikeOciSigning(headers)) return { type: "oci", params: {}, from: "headers" };
  return { type: "noauth", params: {}, from: "none" };
}

function toAuthIR(raw: RawAuth, from: string, source: SourceLocation, sink: DiagnosticSink): AuthIR {
  const type = raw.type.toLowerCase();
  if (!KNOWN_TYPES.has(type)) {
    sink.warn(`unknown auth type "${raw.type}" (from ${from}); the client will call your sign(request) hook`, source);
    return { type: "custom" as AuthType, params: { original: raw.type }, from };
  }
  if (!(SUPPORTED_AUTH_TYPES as readonly string[]).includes(type)) {
    sink.warn(`auth type "${type}" (from ${from}) is not built in; the client will call your sign(request) hook`, source);
  }
  const params: Record<string, string> = {};
  for (const key of PUBLIC_PARAMS[type] ?? []) {
    const value = raw.params[key];
    if (typeof value === "string" || typeof value === "boolean" || typeof value === "number") {
      params[key] = String(value);
    }
  }
  return { type: type as AuthType, params, from };
}

function looksLikeOciSigning(headers: readonly { key: string; value?: string }[]): boolean {
  const lone = (name: string) =>
    headers.some((h) => h.key.toLowerCase() === name && loneReference(h.value) !== undefined);
  return lone("authorization") && (lone("x-content-sha256") || lone("date") || lone("x-date"));
}

/** Request headers an auth scheme writes itself, so the caller is never asked for them. */
export function headersComputedBy(auth: AuthIR): Set<string> {
  switch (auth.type) {
    case "noauth":
      return new Set();
    case "apikey":
      return auth.params.in === "query" ? new Set() : new Set([(auth.params.key ?? "").toLowerCase()]);
    case "oauth2":
      return auth.params.addTokenTo === "queryParams" ? new Set() : new Set(["authorization"]);
    case "oauth1":
      return auth.params.addParamsToHeader === "false" ? new Set() : new Set(["authorization"]);
    case "awsv4":
      return new Set(["authorization", "x-amz-date", "x-amz-security-token", "x-amz-content-sha256"]);
    case "oci":
      return new Set(["authorization", "date", "x-date", "x-content-sha256", "content-length", "host"]);
    default:
      return new Set(["authorization"]);
  }
}
