/**
 * URL, path params, query and headers of one request, as the SDK reads it. Samples are
 * gathered from the request and every example's original request.
 */
import type { RequestView } from "../load/postman-model.js";
import type { ExampleRequest } from "./examples.js";
import { keyValues } from "./key-values.js";
import { pathVariable } from "./path-variables.js";
import { isSecretName } from "./secrets.js";
import { isTypePlaceholder } from "./type-placeholders.js";
import type { HeaderIR, ParamIR, UrlIR } from "./ir.js";
import { hasReference, loneReference, variableReferences } from "./templates.js";
import { descriptionText, pushUnique, requiredMarker, stringValue } from "./text.js";

export interface RequestParts {
  url: UrlIR;
  pathParams: ParamIR[];
  query: ParamIR[];
  headers: RawHeader[];
}

export interface RawHeader {
  key: string;
  value?: string;
  disabled: boolean;
  description?: string;
  samples: string[];
}

/** Headers every client sets as written; anything else with a literal value is the caller's. */
const PROTOCOL_HEADERS = new Set([
  "accept",
  "accept-charset",
  "accept-encoding",
  "accept-language",
  "content-type",
  "content-encoding",
  "user-agent",
  "x-requested-with",
  "cache-control",
  "pragma",
]);

export function readRequestParts(
  request: RequestView,
  examples: readonly ExampleRequest[],
  markersInUse: boolean,
  segmentVariables: PathSegmentVariables,
): RequestParts {
  const url = request.url;
  const protocol = url.protocol ? `${url.protocol}://` : "";
  const host = segmentsOf(url.host, ".").join(".");
  const port = url.port ? `:${url.port}` : "";
  const base = `${protocol}${host}${port}`;
  const segments = segmentsOf(url.path, "/").map((s) => asPathParam(s, segmentVariables));
  const path = segments.length ? `/${segments.join("/")}` : "";
  const template = base + path;

  const pathVariables = keyValues(url.variables);
  const pathParams: ParamIR[] = [...new Set(segments.flatMap((s) => pathVariable(s)?.name ?? []))]
    .map((key) => {
      const variable = pathVariables.find((v) => v.key === key);
      const samples: string[] = [];
      pushUnique(samples, stringValue(variable?.value));
      for (const example of examples) {
        pushUnique(samples, stringValue(example.pathVariables.find((v) => v.key === key)?.value));
      }
      return {
        key,
        kind: "caller",
        required: true,
        value: stringValue(variable?.value),
        samples: samples.filter((s) => s !== ""),
        description: descriptionText(variable?.description),
      };
    });

  const query: ParamIR[] = [];
  for (const param of keyValues(url.query)) {
    if (param.key === null || param.key === undefined) continue;
    const key = String(param.key);
    const value = param.value === null || param.value === undefined ? undefined : String(param.value);
    const samples: string[] = [];
    pushUnique(samples, value);
    for (const example of examples) {
      for (const p of example.query) if (p.key === key) pushUnique(samples, stringValue(p.value));
    }
    const description = descriptionText(param.description);
    const isStatic = value === undefined || hasReference(value);
    if (!param.disabled && isStatic) {
      query.push({ key, kind: "static", required: true, value, samples, description });
    } else if (!param.disabled && isConcrete(value) && !isSecretName(key)) {
      query.push({ key, kind: "caller", required: false, value, default: value, samples, description });
    } else {
      query.push({ key, kind: "caller", required: !param.disabled && isRequired(description, markersInUse), value, samples, description });
    }
  }

  const headers: RawHeader[] = keyValues(request.headers).map((h) => {
    const samples: string[] = [];
    pushUnique(samples, h.value);
    for (const example of examples) {
      for (const eh of example.headers) {
        if (eh.key.toLowerCase() === h.key.toLowerCase()) pushUnique(samples, eh.value);
      }
    }
    return {
      key: h.key,
      value: h.value,
      disabled: !!h.disabled,
      description: descriptionText(h.description),
      samples,
    };
  });

  return {
    url: { raw: template, template, base, path, variables: variableReferences(template).filter((v) => !v.startsWith("$")) },
    pathParams,
    query,
    headers,
  };
}

/** What the collection says about the variables lone `{{name}}` path segments reference. */
export interface PathSegmentVariables {
  /** Collection variables with a value: they stay client-wide variables. */
  readonly defined: ReadonlySet<string>;
  /** Variables scripts set: values saved from one response for the next request. */
  readonly setByScripts: ReadonlySet<string>;
}

/**
 * A path segment that is one reference to a variable the collection does not define is a
 * per-call value when it is named like an identifier (`{{dispute_id}}`, `{{cardToken}}`: the
 * collection expected it from an environment) or a script sets it (`/rooms/{{_room}}` after a
 * test script saved `_room` from a create response): it becomes the path parameter `:_room`
 * rather than a client-wide variable. Variables the collection defines (`{{project-key}}` with a
 * value) stay variables.
 */
const ID_LIKE = /(^|[-_])(id|uuid|token)$|^id$|[a-z0-9](Id|ID|Uuid|Token)$/;

function asPathParam(segment: string, variables: PathSegmentVariables): string {
  const name = loneReference(segment);
  if (!name || variables.defined.has(name) || !/^[A-Za-z_][\w-]*$/.test(name)) return segment;
  return ID_LIKE.test(name) || variables.setByScripts.has(name) ? `:${name}` : segment;
}

/** `host` and `path` are arrays of segments in exports, but the schema also allows one string. */
function segmentsOf(value: unknown, separator: string): string[] {
  if (typeof value === "string") return value.split(separator).filter((s, i) => s !== "" || i > 0);
  if (!Array.isArray(value)) return [];
  return value.map((s) => (typeof s === "string" ? s : s && typeof s === "object" && typeof s.value === "string" ? s.value : String(s)));
}

/** The headers of one request, classified; `computed` are the names the auth writes. */
export function classifyHeaders(
  headers: readonly RawHeader[],
  computed: ReadonlySet<string>,
  markersInUse: boolean,
): HeaderIR[] {
  const result: HeaderIR[] = [];
  for (const h of headers) {
    if (!h.key.trim()) continue;
    const lower = h.key.toLowerCase();
    const samples = h.samples.filter((s) => !hasReference(s));
    const base = { key: h.key, value: h.value, samples, description: h.description };
    if (computed.has(lower)) {
      if (!h.disabled) result.push({ ...base, kind: "auth", required: false });
      continue;
    }
    if (h.disabled) {
      result.push({ ...base, kind: "caller", required: false });
    } else if (hasReference(h.value) || (PROTOCOL_HEADERS.has(lower) && h.value)) {
      result.push({ ...base, kind: "static", required: true });
    } else if (isConcrete(h.value) && h.value !== "" && !RETRY_TOKEN_HEADERS.has(lower) && !isSecretName(h.key)) {
      result.push({ ...base, kind: "caller", required: false, default: h.value });
    } else {
      result.push({ ...base, kind: "caller", required: isRequired(h.description, markersInUse) });
    }
  }
  return result;
}

/**
 * A value Postman sends as written: text without `{{variables}}` that is not an OpenAPI-import
 * type placeholder (`<string>` states a type, the caller must give the value). A parameter named
 * like a credential never gets its value as a default: the caller gives its own.
 */
function isConcrete(value: string | undefined): value is string {
  return value !== undefined && !hasReference(value) && !isTypePlaceholder(value);
}

/**
 * Idempotency headers: the runtime makes a fresh token per call when the caller gives none,
 * because sending the collection's one token again would make the server treat new requests as
 * retries of an old one.
 */
const RETRY_TOKEN_HEADERS = new Set(["opc-retry-token", "idempotency-key", "x-idempotency-key"]);

/**
 * An enabled parameter is required unless the collection says otherwise. Collections that mark
 * parameters with "(Required)" (OpenAPI exports such as Oracle's) leave the rest optional.
 */
export function isRequired(description: string | undefined, markersInUse: boolean): boolean {
  const marker = requiredMarker(description);
  if (marker) return marker === "required";
  return !markersInUse;
}
