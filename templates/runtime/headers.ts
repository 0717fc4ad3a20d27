/**
 * Request headers, in increasing precedence: the operation's static and caller headers,
 * `config.headers`, then per-call `options.headers`. `auth` headers are left to the auth scheme.
 */
import { MissingParameterError } from "./errors.js";
import { isRetryTokenHeader, newRetryToken } from "./retry-token.js";
import type { OperationParams, OperationSpec } from "./spec.js";
import { resolveTemplate, type VariableScope } from "./variables.js";

const GENERATES_RETRY_TOKEN = new Set(["POST", "PATCH"]);

export function buildHeaders(
  spec: OperationSpec,
  params: OperationParams | undefined,
  scope: VariableScope,
  configHeaders: Record<string, string> | undefined,
  optionHeaders: Record<string, string> | undefined,
): Headers {
  const headers = new Headers();
  const given = lowerCaseKeys(params?.headers);
  // A required header may also come from config.headers or options.headers, applied below.
  const suppliedLater = new Set([...Object.keys(configHeaders ?? {}), ...Object.keys(optionHeaders ?? {})].map((k) => k.toLowerCase()));
  const declared = new Set<string>();
  for (const header of spec.headers) {
    const name = header.key.toLowerCase();
    declared.add(name);
    if (header.kind === "auth") continue;
    const callerValue = given.get(name);
    // `null` leaves out a header the collection would send.
    if (callerValue === null) continue;
    if (header.kind === "static" && callerValue === undefined) {
      if (header.value !== undefined) headers.set(header.key, resolveTemplate(header.value, scope));
      continue;
    }
    if (callerValue === undefined && header.default !== undefined) {
      headers.set(header.key, header.default);
    } else if (callerValue !== undefined) {
      headers.set(header.key, callerValue);
    } else if (isRetryTokenHeader(name) && GENERATES_RETRY_TOKEN.has(spec.method.toUpperCase())) {
      headers.set(header.key, newRetryToken());
    } else if (header.required && !suppliedLater.has(name)) {
      throw new MissingParameterError("header", header.key, spec.id);
    }
  }
  for (const [name, value] of given) if (!declared.has(name) && value !== undefined && value !== null) headers.set(name, value);
  for (const extra of [configHeaders, optionHeaders]) {
    for (const [name, value] of Object.entries(extra ?? {})) headers.set(name, value);
  }
  return headers;
}

function lowerCaseKeys(record: OperationParams["headers"]): Map<string, string | null | undefined> {
  return new Map(Object.entries(record ?? {}).map(([key, value]) => [key.toLowerCase(), value]));
}
