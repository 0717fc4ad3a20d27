/** The TypeScript type of each body: inferred where JSON, else what the runtime returns. */
import type { OperationTypes } from "../infer/contract.js";
import type { OperationIR } from "../model/ir.js";
import { isBinaryResponse, isJsonResponse } from "../model/responses.js";
import { tsTypeOf } from "./graph-types.js";
import { keyword, objectType, ref, unionOf, type TsType } from "./ts/index.js";

export function bodyTypeOfStatus(op: OperationIR, status: number, types: OperationTypes): TsType {
  const examples = op.responses.filter((r) => r.status === status);
  const root = types.responses.get(status);
  const parts: TsType[] = [];
  if (root) parts.push(tsTypeOf(root.type));
  // Examples that are not JSON are read by the runtime as text (or Blob for binary types).
  const others = examples.filter((e) => !isJsonResponse(e));
  if (others.some((e) => e.body !== undefined && isBinaryResponse(e))) parts.push(ref("Blob"));
  else if (others.some((e) => e.body !== undefined)) parts.push(keyword("string"));
  if (others.some((e) => e.body === undefined)) parts.push(keyword("undefined"));
  return parts.length ? unionOf(parts) : keyword("unknown");
}

/** The type of `params.body` for the operation's body mode (form fields are typed one by one in params.ts). */
export function requestBodyType(op: OperationIR, types: OperationTypes): TsType | undefined {
  const body = op.body;
  if (!body) return undefined;
  const root = types.request;
  switch (body.mode) {
    case "raw":
      if (body.language === "json") return root ? tsTypeOf(root.type) : keyword("unknown");
      return keyword("string");
    case "file":
      return unionOf([ref("Blob"), ref("ArrayBuffer"), ref("Uint8Array"), keyword("string")]);
    case "graphql":
      return objectType([
        { key: "query", type: keyword("string"), optional: true },
        { key: "variables", type: root ? tsTypeOf(root.type) : ref("Record", keyword("string"), keyword("unknown")), optional: true },
        { key: "operationName", type: keyword("string"), optional: true },
      ]);
    case "urlencoded":
    case "formdata":
      return undefined;
  }
}
