/**
 * The request body: its mode, content type, fields and every sample text (the request's own and
 * each saved example's original request of the same mode).
 */
import type { BodyView, RequestView } from "../load/postman-model.js";
import type { ExampleRequest } from "./examples.js";
import type { BodyFieldIR, BodyIR, RawLanguage, SampleIR } from "./ir.js";
import { hasReference } from "./templates.js";
import { descriptionText, pushUnique, stringValue } from "./text.js";

const LANGUAGE_TYPES: Record<RawLanguage, string> = {
  json: "application/json",
  xml: "application/xml",
  html: "text/html",
  javascript: "application/javascript",
  text: "text/plain",
};

export function readBody(
  request: RequestView,
  examples: readonly { name: string; request: ExampleRequest }[],
  contentTypeHeader: string | undefined,
  isRequired: (description: string | undefined) => boolean,
): BodyIR | undefined {
  const body = request.body;
  if (!body || !body.mode || body.disabled) return undefined;
  const mode = body.mode as BodyIR["mode"];
  switch (mode) {
    case "raw": {
      const language = rawLanguage(body, contentTypeHeader);
      const samples: SampleIR[] = [];
      addSample(samples, "request", body.raw as string | undefined);
      for (const example of examples) {
        if (example.request.body?.mode === "raw") addSample(samples, example.name, example.request.body.raw);
      }
      if (!samples.length && !body.raw) return undefined;
      return { mode, language, contentType: contentTypeHeader ?? LANGUAGE_TYPES[language], samples };
    }
    case "urlencoded":
    case "formdata": {
      const fields = readFields(body, examples, mode, isRequired);
      const contentType = mode === "urlencoded" ? "application/x-www-form-urlencoded" : "multipart/form-data";
      return { mode, contentType, fields, samples: [] };
    }
    case "file":
      return { mode, contentType: contentTypeHeader ?? "application/octet-stream", samples: [] };
    case "graphql": {
      const graphql = body.graphql ?? {};
      // Query and variables are sent as the collection writes them (variables resolved at call
      // time) unless the caller gives others; the variables' type comes from their samples.
      const samples: SampleIR[] = [];
      // Postman sends variables that are not text (`null`, an object) as JSON.
      const variables = graphql.variables === null ? "null" : stringValue(graphql.variables);
      if (graphql.variables !== null) addSample(samples, "request", variables);
      const result: BodyIR = { mode, contentType: "application/json", samples, graphqlQuery: stringValue(graphql.query) ?? "" };
      if (variables !== undefined && variables.trim() !== "") result.graphqlVariables = variables;
      const operationName = stringValue(graphql.operationName);
      if (operationName) result.graphqlOperationName = operationName;
      return result;
    }
    default:
      return undefined;
  }
}

function addSample(samples: SampleIR[], origin: string, text: string | undefined): void {
  if (text === undefined || !text.trim()) return;
  samples.push({ origin, text });
}

/** raw bodies: the language Postman records, else what the Content-Type header says. */
function rawLanguage(body: BodyView, contentType: string | undefined): RawLanguage {
  const declared = (body.options as { raw?: { language?: string } } | undefined)?.raw?.language;
  if (declared && declared in LANGUAGE_TYPES) return declared as RawLanguage;
  const type = (contentType ?? "").toLowerCase();
  if (type.includes("json")) return "json";
  if (type.includes("xml")) return "xml";
  if (type.includes("html")) return "html";
  if (type.includes("javascript")) return "javascript";
  if (!type && looksLikeJson(body.raw as string | undefined)) return "json";
  return "text";
}

function looksLikeJson(text: string | undefined): boolean {
  if (!text) return false;
  const t = text.trim();
  if (!(t.startsWith("{") || t.startsWith("["))) return false;
  try {
    JSON.parse(t);
    return true;
  } catch {
    return false;
  }
}

function readFields(
  body: BodyView,
  examples: readonly { name: string; request: ExampleRequest }[],
  mode: "urlencoded" | "formdata",
  isRequired: (description: string | undefined) => boolean,
): BodyFieldIR[] {
  const list = (b: BodyView | ExampleRequest["body"] | undefined) => ((mode === "urlencoded" ? b?.urlencoded : b?.formdata) ?? []) as RawField[];
  const all = list(body).filter((f) => f.key !== undefined && f.key !== null && String(f.key) !== "");
  const count = new Map<string, number>();
  for (const f of all) count.set(String(f.key), (count.get(String(f.key)) ?? 0) + 1);
  const seen = new Set<string>();
  // A repeated key (`services[]`) is one field taking a list; the runtime repeats it on the wire.
  return all
    .filter((f) => !seen.has(String(f.key)) && !!seen.add(String(f.key)))
    .map((f) => {
      const key = String(f.key);
      const type = f.type === "file" ? "file" : "text";
      const value = type === "text" ? stringValue(f.value) : undefined;
      const samples: string[] = [];
      pushUnique(samples, value);
      for (const example of examples) {
        for (const ef of list(example.request.body)) if (String(ef.key) === key) pushUnique(samples, stringValue(ef.value));
      }
      const description = descriptionText(f.description);
      return {
        key,
        type,
        required: !f.disabled && isRequired(description),
        // A disabled field is never sent as written: it is an optional field of the caller's.
        value: type === "text" && !f.disabled && hasReference(value) ? value : undefined,
        samples: samples.filter((s) => !hasReference(s)),
        contentType: typeof f.contentType === "string" && f.contentType ? f.contentType : undefined,
        description,
        ...(count.get(key)! > 1 ? { repeated: true } : {}),
      } satisfies BodyFieldIR;
    });
}

interface RawField {
  key?: unknown;
  value?: unknown;
  type?: string;
  disabled?: boolean;
  description?: unknown;
  contentType?: unknown;
}
