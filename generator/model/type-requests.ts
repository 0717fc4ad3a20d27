/**
 * The evidence `infer` types from: one TypeRequest per position of each operation, following
 * the key conventions in `infer/contract.ts`.
 */
import type { TypeRequest } from "../infer/contract.js";
import type { OperationIR } from "./ir.js";
import type { CollectionIR } from "./ir.js";
import { isJsonResponse } from "./responses.js";
import { compareText } from "../compare.js";

export interface TypeRequestOptions {
  /**
   * Also type the values of saved responses' headers (`${opId}:response:${status}:header:${key}`).
   * Only the OpenAPI export reads them: a generated client types a response's header names and
   * reads their values as strings. They were 1,767 of github-v3's 4,868 type requests.
   */
  responseHeaders?: boolean;
}

export function collectTypeRequests(ir: CollectionIR, options: TypeRequestOptions = {}): TypeRequest[] {
  return ir.operations.flatMap((op) => operationTypeRequests(op, options));
}

/** The names the response header requests would have (see `TypeRequestOptions`), so they stay reserved when left out. */
export function responseHeaderTypeNames(ir: CollectionIR): string[] {
  return ir.operations.flatMap((op) =>
    statusesOf(op).filter((status) => op.responses.some((r) => r.status === status && r.headers.length > 0)).map((status) => `${op.typeName}Response${status}Headers`),
  );
}

export function operationTypeRequests(op: OperationIR, { responseHeaders = true }: TypeRequestOptions = {}): TypeRequest[] {
  const requests: TypeRequest[] = [];
  const { source, id: operation } = op;
  const strings = (key: string, name: string, samples: readonly string[], role: TypeRequest["role"], status?: number) =>
    requests.push({ source, operation, key, name, kind: "strings", role, status, samples: samples.map((text) => ({ origin: "request", text })) });

  for (const p of op.pathParams) strings(`${op.id}:path:${p.key}`, `${op.typeName}Path`, p.samples, "param");
  for (const q of op.query) if (q.kind === "caller") strings(`${op.id}:query:${q.key}`, `${op.typeName}Query`, q.samples, "param");
  for (const h of op.headers) if (h.kind === "caller") strings(`${op.id}:header:${h.key}`, `${op.typeName}Headers`, h.samples, "header");
  for (const f of op.body?.fields ?? []) {
    if (f.type === "text" && f.value === undefined) strings(`${op.id}:form:${f.key}`, `${op.typeName}Form`, f.samples, "param");
  }
  const body = op.body;
  if (body && ((body.mode === "raw" && body.language === "json") || body.mode === "graphql") && body.samples.length) {
    requests.push({
      source,
      operation,
      key: `${op.id}:request`,
      name: body.mode === "graphql" ? `${op.typeName}Variables` : `${op.typeName}Request`,
      kind: "json",
      role: "request",
      samples: body.samples.map((s) => ({ origin: s.origin, text: s.text })),
    });
  }
  for (const status of statusesOf(op)) {
    const examples = op.responses.filter((r) => r.status === status);
    const json = examples.filter(isJsonResponse);
    if (json.length) {
      requests.push({
        source,
        operation,
        key: `${op.id}:response:${status}`,
        name: `${op.typeName}Response${status}`,
        kind: "json",
        role: "response",
        status,
        samples: json.map((r) => ({ origin: r.name, text: r.body ?? "" })),
      });
    }
    if (!responseHeaders) continue;
    const headerNames = new Map<string, string[]>();
    for (const r of examples) {
      for (const h of r.headers) {
        const key = h.key.toLowerCase();
        const values = headerNames.get(key);
        if (values === undefined) headerNames.set(key, [h.value]);
        else values.push(h.value);
      }
    }
    for (const [key, values] of [...headerNames].sort(([a], [b]) => compareText(a, b))) {
      strings(`${op.id}:response:${status}:header:${key}`, `${op.typeName}Response${status}Headers`, values, "header", status);
    }
  }
  return requests;
}

/** The documented statuses of an operation, ascending. */
export function statusesOf(op: OperationIR): number[] {
  return [...new Set(op.responses.map((r) => r.status))].sort((a, b) => a - b);
}
