/**
 * Typed fixtures: every distinct request body sample and every saved example, each checked
 * against its inferred type with `satisfies`. (Credential headers were redacted in the model.)
 */
import type { JsonValue, OperationTypes } from "../infer/contract.js";
import type { OperationIR, ResponseIR } from "../model/ir.js";
import { isJsonResponse } from "../model/responses.js";
import { tsTypeOf } from "./graph-types.js";
import { arrayOf, declaredNames, printType, stringLiteral, tsLiteral } from "./ts/index.js";

export interface FixturesContext {
  header: string;
  id: string;
  typeImports: string;
  requestSamplesType: string;
  requestSamples: string[];
  examples: string[];
}

export function fixturesContext(op: OperationIR, types: OperationTypes, header: string): FixturesContext {
  const refs = new Set<string>();
  const requestRoot = op.body?.mode === "raw" ? types.request : undefined;
  // Rendered once; equal literals are equal samples.
  const requestSamples = [...new Set(requestRoot?.values.map((v) => indentBlock(tsLiteral(v.value), "  ")) ?? [])];
  const requestSamplesType = requestRoot && requestSamples.length ? arrayOf(tsTypeOf(requestRoot.type)) : undefined;
  if (requestSamplesType) declaredNames(requestSamplesType, refs);

  const examples = op.responses.map((response) => {
    const root = types.responses.get(response.status);
    const value = isJsonResponse(response) ? root?.values.find((v) => v.origin === response.name)?.value : undefined;
    let body: string;
    if (value !== undefined && root) {
      const type = tsTypeOf(root.type);
      declaredNames(type, refs);
      body = `${bodyLiteral(value)} satisfies ${printType(type)}`;
    } else {
      body = response.body === undefined ? "undefined" : stringLiteral(response.body);
    }
    return exampleLiteral(op, response, body, requestRoot?.values.find((v) => v.origin === response.name)?.value);
  });

  return {
    header,
    id: op.id,
    typeImports: [...refs].sort().join(", "),
    requestSamplesType: requestSamplesType ? printType(requestSamplesType) : "",
    requestSamples,
    examples,
  };
}

/**
 * Bodies at an example's indentation, rendered once per parsed value: inference parses each
 * distinct sample text once, so the examples that repeat a body (an API's shared error
 * bodies) hold the same value. Weak, so a watch run does not keep an earlier run's values.
 */
const bodyLiterals = new WeakMap<object, string>();

function bodyLiteral(value: JsonValue): string {
  if (value === null || typeof value !== "object") return tsLiteral(value, "    ");
  let literal = bodyLiterals.get(value);
  if (literal === undefined) bodyLiterals.set(value, (literal = tsLiteral(value, "    ")));
  return literal;
}

function exampleLiteral(op: OperationIR, response: ResponseIR, body: string, requestBody: JsonValue | undefined): string {
  const headers: Record<string, string> = {};
  for (const h of response.headers) headers[h.key] = h.value;
  const head = tsLiteral({
    operation: op.id,
    name: response.name,
    method: op.method,
    path: op.url.path,
    ...(response.requestQuery ? { query: response.requestQuery } : {}),
    status: response.status,
    headers,
  } as JsonValue, "  ");
  const extra = requestBody === undefined ? "" : `\n    requestBody: ${tsLiteral(requestBody, "    ")},`;
  // Splice the typed body (and request body) into the literal before its closing brace.
  return `${head.slice(0, -1).trimEnd()}${extra}\n    body: ${body},\n  }`;
}


function indentBlock(text: string, indent: string): string {
  return text.replace(/\n/g, `\n${indent}`);
}
