/** The TypeScript type of each body: inferred where JSON, else what the runtime returns. */
import type { InferResult } from "../infer/contract.js";
import type { OperationIR } from "../model/ir.js";
import { isBinaryResponse, isJsonResponse } from "../model/responses.js";

export interface TypeExpression {
  tsType: string;
  refs: string[];
}

export function bodyTypeOfStatus(op: OperationIR, status: number, inferred: InferResult): TypeExpression {
  const examples = op.responses.filter((r) => r.status === status);
  const root = inferred.roots[`${op.id}:response:${status}`];
  const parts: string[] = [];
  const refs: string[] = [];
  if (root) {
    parts.push(root.tsType);
    refs.push(...root.refs);
  }
  // Examples that are not JSON are read by the runtime as text (or Blob for binary types).
  const others = examples.filter((e) => !isJsonResponse(e));
  if (others.some((e) => e.body !== undefined && isBinaryResponse(e))) parts.push("Blob");
  else if (others.some((e) => e.body !== undefined)) parts.push("string");
  if (others.some((e) => e.body === undefined)) parts.push("undefined");
  const unique = [...new Set(parts)];
  return { tsType: unique.length ? unique.join(" | ") : "unknown", refs };
}

/** The type of `params.body` for the operation's body mode. */
export function requestBodyType(op: OperationIR, inferred: InferResult): TypeExpression | undefined {
  const body = op.body;
  if (!body) return undefined;
  const root = inferred.roots[`${op.id}:request`];
  switch (body.mode) {
    case "raw":
      if (body.language === "json") return root ? { tsType: root.tsType, refs: root.refs } : { tsType: "unknown", refs: [] };
      return { tsType: "string", refs: [] };
    case "file":
      return { tsType: "Blob | ArrayBuffer | Uint8Array | string", refs: [] };
    case "graphql":
      return {
        tsType: `{ query?: string; variables?: ${root ? root.tsType : "Record<string, unknown>"} }`,
        refs: root ? root.refs : [],
      };
    case "urlencoded":
    case "formdata":
      return undefined; // typed field by field in params.ts
  }
}
