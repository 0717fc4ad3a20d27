/**
 * Saved examples, read from the raw JSON. The SDK would build a full Request (URL, headers,
 * body lists) for every example's original request: on github-v3 that is four times the cost
 * of modelling the collection's own requests, for the handful of fields pmgen reads. URL strings
 * are still parsed by the SDK's `Url`.
 */
import { postmanSdk } from "../load/sdk.js";
import { keyValues, type KeyValue } from "./key-values.js";

type RawNode = Record<string, unknown>;

export interface ExampleRequest {
  query: KeyValue[];
  pathVariables: KeyValue[];
  headers: KeyValue[];
  body?: { mode?: string; raw?: string; urlencoded?: unknown[]; formdata?: unknown[] };
}

export interface Example {
  name: string;
  /** The example as written: `code`, `status`, `header`, `body`, `_postman_previewlanguage`. */
  raw: RawNode;
  request?: ExampleRequest;
}

export function readExamples(item: RawNode): Example[] {
  const list = Array.isArray(item.response) ? (item.response as unknown[]) : [];
  return list.flatMap((entry) => {
    if (!entry || typeof entry !== "object") return [];
    const raw = entry as RawNode;
    const name = typeof raw.name === "string" && raw.name ? raw.name : "example";
    return [{ name, raw, request: readExampleRequest(raw.originalRequest) }];
  });
}

function readExampleRequest(value: unknown): ExampleRequest | undefined {
  if (typeof value === "string") return { ...urlParts(value), headers: [] };
  if (!value || typeof value !== "object") return undefined;
  const request = value as RawNode;
  const body = request.body && typeof request.body === "object" ? (request.body as ExampleRequest["body"]) : undefined;
  return { ...urlParts(request.url), headers: headerList(request.header), body };
}

function urlParts(url: unknown): Pick<ExampleRequest, "query" | "pathVariables"> {
  const node = (url && typeof url === "object" ? url : {}) as RawNode;
  const raw = typeof url === "string" ? url : typeof node.raw === "string" ? node.raw : "";
  // Only a query string needs the SDK's URL parser; most examples have none.
  const query = Array.isArray(node.query) ? node.query : raw.includes("?") ? ((new (postmanSdk().Url)(raw).toJSON() as unknown as RawNode).query as unknown[]) : [];
  return { query: keyValues(query), pathVariables: keyValues(Array.isArray(node.variable) ? node.variable : []) };
}

/** Headers as a list, or in the older `Key: value` lines form. */
export function headerList(value: unknown): KeyValue[] {
  if (typeof value !== "string") return keyValues(Array.isArray(value) ? value : undefined);
  return value.split(/\r?\n/).flatMap((line) => {
    const colon = line.indexOf(":");
    return colon > 0 ? [{ key: line.slice(0, colon).trim(), value: line.slice(colon + 1).trim(), disabled: false }] : [];
  });
}
