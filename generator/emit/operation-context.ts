/**
 * The template context of one operation module: its spec, params type, result union and the
 * JSDoc with an `@example` built from the item's own sample values.
 */
import { ExactNumber, type JsonValue, type OperationTypes } from "../infer/contract.js";
import type { OperationIR } from "../model/ir.js";
import { isBinaryResponse, statusesOf } from "../model/responses.js";
import { buildParamsShape, type ParamsShape } from "./params.js";
import { bodyTypeOfStatus } from "./response-types.js";
import { declaredNames, jsDoc, literal, printType, propertyKey, ref, tsLiteral, unionOf } from "./ts/index.js";

export interface OperationContext {
  header: string;
  id: string;
  link: string;
  typeName: string;
  typeImports: string;
  spec: string;
  paramsDoc: string;
  paramsDecl: string;
  paramsRequired: boolean;
  results: { doc: string; type: string }[];
  documentedStatuses: string;
  functionDoc: string;
}

export function operationContext(op: OperationIR, types: OperationTypes, header: string, overridableBase: boolean): OperationContext {
  const params = buildParamsShape(op, types);
  const statuses = statusesOf(op);
  const refs = new Set<string>(params.refs);
  const results = statuses.map((status) => {
    const examples = op.responses.filter((r) => r.status === status);
    const body = bodyTypeOfStatus(op, status, types);
    const headerNames = commonHeaderNames(examples.map((e) => e.headers.map((h) => h.key.toLowerCase())));
    const response = ref("ApiResponse", literal(status), body, ...(headerNames.length ? [unionOf(headerNames.map(literal))] : []));
    declaredNames(response, refs);
    const names = [...new Set(examples.map((e) => e.name))];
    return {
      doc: jsDoc([`${status}: ${names.join("; ")}`], "  "),
      type: printType(response),
    };
  });
  return {
    header,
    id: op.id,
    link: `{@link ${op.id}}`,
    typeName: op.typeName,
    typeImports: [...refs].sort().join(", "),
    spec: specLiteral(op, overridableBase),
    paramsDoc: jsDoc([`Parameters of {@link ${op.id}}.`]),
    paramsDecl: params.declaration(`${op.typeName}Params`),
    paramsRequired: params.required,
    results,
    documentedStatuses: statuses.length ? statuses.join(" | ") : "never",
    functionDoc: functionDoc(op, params, types),
  };
}

/**
 * Headers of the transport, server or CDN rather than of the API: typing them would bury the
 * few that carry data (`etag`, `opc-request-id`, rate limits) in every response type. They stay
 * readable through `headers.get()`, as `string | null`.
 */
const TRANSPORT_HEADERS = new Set([
  "accept-ranges", "age", "alt-svc", "cache-control", "connection", "content-disposition", "content-encoding",
  "content-length", "content-security-policy", "date", "expect-ct", "expires", "keep-alive", "nel", "pragma",
  "referrer-policy", "report-to", "server", "set-cookie", "strict-transport-security", "transfer-encoding", "vary",
  "via", "x-content-type-options", "x-frame-options", "x-powered-by", "x-xss-protection",
]);

function isTransportHeader(name: string): boolean {
  return TRANSPORT_HEADERS.has(name) || name.startsWith("access-control-") || name.startsWith("cf-");
}

/** API header names present in every example of a status: those `get()` returns as `string`. */
export function commonHeaderNames(lists: string[][]): string[] {
  if (!lists.length) return [];
  const [first, ...rest] = lists;
  return [...new Set(first)].filter((name) => !isTransportHeader(name) && rest.every((l) => l.includes(name))).sort();
}

function specLiteral(op: OperationIR, overridableBase: boolean): string {
  const spec: Record<string, unknown> = {
    id: op.id,
    method: op.method,
    base: op.url.base,
    overridableBase,
    path: op.url.path,
    query: op.query.map((q) => ({
      key: q.key,
      kind: q.kind,
      ...(q.kind === "static" && q.value !== undefined ? { value: q.value } : {}),
      ...(q.default !== undefined ? { default: q.default } : {}),
      required: q.required,
    })),
    headers: op.headers.map((h) => ({
      key: h.key,
      kind: h.kind,
      ...(h.kind === "static" && h.value !== undefined ? { value: h.value } : {}),
      ...(h.default !== undefined ? { default: h.default } : {}),
      required: h.required,
    })),
  };
  if (op.body) {
    spec.body = {
      mode: op.body.mode,
      ...(op.body.contentType ? { contentType: op.body.contentType } : {}),
      ...(op.body.language ? { language: op.body.language } : {}),
      ...(op.body.fields
        ? {
            fields: op.body.fields.map((f) => ({
              key: f.key,
              type: f.type,
              kind: f.value !== undefined ? "static" : "caller",
              ...(f.value !== undefined ? { value: f.value } : {}),
              required: f.required,
              ...(f.contentType ? { contentType: f.contentType } : {}),
            })),
          }
        : {}),
      ...(op.body.graphqlQuery !== undefined ? { query: op.body.graphqlQuery } : {}),
      ...(op.body.graphqlVariables !== undefined ? { variables: op.body.graphqlVariables } : {}),
      ...(op.body.graphqlOperationName !== undefined ? { operationName: op.body.graphqlOperationName } : {}),
    };
  }
  spec.auth = { type: op.auth.type, params: op.auth.params };
  const responses: Record<string, string> = {};
  for (const status of statusesOf(op)) {
    const examples = op.responses.filter((r) => r.status === status);
    responses[String(status)] = examples.some((e) => e.language === "json" || /json/i.test(e.contentType ?? ""))
      ? "json"
      : examples.some(isBinaryResponse)
        ? "binary"
        : "text";
  }
  spec.responses = responses;
  return tsLiteral(spec as JsonValue);
}

function functionDoc(op: OperationIR, params: ParamsShape, types: OperationTypes): string {
  const lines: string[] = [op.name, ""];
  if (op.description) lines.push(op.description.trim(), "");
  lines.push(`\`${op.method} ${op.url.template}\``, "");
  if (op.auth.type !== "noauth") lines.push(`Auth: ${op.auth.type} (from ${op.auth.from}).`, "");
  lines.push("@example");
  const args = params.exampleArgument();
  lines.push(`const res = await api.${op.id}(${args});`);
  const ok = statusesOf(op).find((s) => s >= 200 && s < 300);
  if (ok !== undefined) {
    const firstKey = exampleResponseKey(types.responses.get(ok)?.values[0]?.value);
    lines.push(`if (res.status === ${ok}) console.log(res.body${firstKey ? accessor(firstKey) : ""});`);
  }
  return jsDoc(lines);
}

function exampleResponseKey(value: JsonValue | undefined): string | undefined {
  if (value && typeof value === "object" && !Array.isArray(value) && !(value instanceof ExactNumber)) return Object.keys(value)[0];
  return undefined;
}

function accessor(key: string): string {
  const printed = propertyKey(key);
  return printed === key ? `.${key}` : `[${printed.replace(/^\[|\]$/g, "")}]`;
}

