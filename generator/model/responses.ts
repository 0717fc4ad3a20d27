/** Saved example responses: status, headers, body and how the body is written. */
import { createRequire } from "node:module";
import type { DiagnosticSink } from "../base/diagnostics.js";
import type { Example } from "./examples.js";
import { headerList } from "./examples.js";
import { isSecretName, REDACTED } from "./secrets.js";
import type { SourceLocation } from "../base/diagnostics.js";
import type { OperationIR, ResponseIR } from "./ir.js";

let codeByReason: Map<string, number> | undefined;

/**
 * The code of a reason phrase (`Not Found` → 404), from Node's table. `node:http` (and the
 * network modules it loads) is required only for an example that gives a reason but no code.
 */
function codeOfReason(reason: string): number | undefined {
  if (codeByReason === undefined) {
    const { STATUS_CODES } = createRequire(import.meta.url)("node:http") as typeof import("node:http");
    codeByReason = new Map(Object.entries(STATUS_CODES).map(([code, text]) => [String(text).toLowerCase(), Number(code)]));
  }
  return codeByReason.get(reason.trim().toLowerCase());
}

export function readResponse(example: Example, source: SourceLocation, sink: DiagnosticSink): ResponseIR | undefined {
  const { name, raw } = example;
  const statusText = typeof raw.status === "string" ? raw.status : undefined;
  let status = typeof raw.code === "number" && raw.code > 0 ? raw.code : undefined;
  if (status === undefined && statusText) status = codeOfReason(statusText);
  // Vendors often name examples "200 - Terminate Access Token" and leave the code out.
  if (status === undefined) status = Number(/^\s*([1-5][0-9][0-9])\b/.exec(name)?.[1]) || undefined;
  if (status === undefined || status < 100 || status > 599) {
    sink.warn(`example "${name}" has no usable status code; it is left out of the response types`, source);
    return undefined;
  }
  // A response's credential headers (`Set-Cookie`, a token it issues) are never copied.
  const headers = headerList(raw.header)
    .filter((h) => h.key && !h.disabled)
    .map((h) => ({ key: h.key, value: isSecretName(h.key) ? REDACTED : h.value === undefined || h.value === null ? "" : String(h.value) }));
  const contentType = headers.find((h) => h.key.toLowerCase() === "content-type")?.value;
  const preview = raw._postman_previewlanguage;
  const body = typeof raw.body === "string" ? raw.body : undefined;
  return {
    name,
    status,
    statusText,
    headers,
    contentType,
    language: typeof preview === "string" && preview ? preview : languageOf(contentType),
    body: body === "" ? undefined : body,
  };
}

function languageOf(contentType: string | undefined): string | undefined {
  if (!contentType) return undefined;
  const type = contentType.toLowerCase();
  if (type.includes("json")) return "json";
  if (type.includes("xml")) return "xml";
  if (type.includes("html")) return "html";
  if (type.startsWith("text/")) return "text";
  return undefined;
}

/** Whether an example's Content-Type says its body is bytes (the runtime reads it as a Blob). */
export function isBinaryResponse(response: ResponseIR): boolean {
  return /octet-stream|pdf|image\/|zip/i.test(response.contentType ?? "");
}

/** Whether a response body should be read as JSON: declared so, or unlabelled but shaped so. */
export function isJsonResponse(response: ResponseIR): boolean {
  if (response.body === undefined) return false;
  const type = (response.contentType ?? "").toLowerCase();
  if (type.includes("json")) return true;
  if (response.language === "json") return true;
  if (type || response.language) return false;
  const head = response.body.trimStart()[0];
  return head === "{" || head === "[";
}

/** The documented statuses of an operation, ascending. */
export function statusesOf(op: OperationIR): number[] {
  return [...new Set(op.responses.map((r) => r.status))].sort((a, b) => a - b);
}
