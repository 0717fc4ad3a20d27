/**
 * The IR adapted for inference: one `TypeRequest` per typed position of each operation (a JSON
 * request body or GraphQL variables, the JSON responses of each status, each caller-supplied
 * parameter, and optionally response header values), with every sample the collection holds.
 */
import type { Position, TypeRequest } from "./contract.js";
import type { CollectionIR, OperationIR } from "../model/ir.js";
import { isJsonResponse, statusesOf } from "../model/responses.js";
import { compareText } from "../base/compare.js";

export interface TypeRequestOptions {
  /**
   * Also type the values of saved responses' headers. Only the OpenAPI export reads them: a
   * generated client types a response's header names and reads their values as strings.
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
  const strings = (position: Position, name: string, samples: readonly string[]) =>
    requests.push({ source, operation, position, name, kind: "strings", samples: samples.map((text) => ({ origin: "request", text })) });

  for (const p of op.pathParams) strings({ part: "path", key: p.key }, `${op.typeName}Path`, p.samples);
  for (const q of op.query) if (q.kind === "caller") strings({ part: "query", key: q.key }, `${op.typeName}Query`, q.samples);
  for (const h of op.headers) if (h.kind === "caller") strings({ part: "header", key: h.key }, `${op.typeName}Headers`, h.samples);
  for (const f of op.body?.fields ?? []) {
    if (f.type === "text" && f.value === undefined) strings({ part: "form", key: f.key }, `${op.typeName}Form`, f.samples);
  }
  const body = op.body;
  if (body && ((body.mode === "raw" && body.language === "json") || body.mode === "graphql") && body.samples.length) {
    requests.push({
      source,
      operation,
      position: { part: "request" },
      name: body.mode === "graphql" ? `${op.typeName}Variables` : `${op.typeName}Request`,
      kind: "json",
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
        position: { part: "response", status },
        name: `${op.typeName}Response${status}`,
        kind: "json",
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
      strings({ part: "responseHeader", status, key }, `${op.typeName}Response${status}Headers`, values);
    }
  }
  return requests;
}
