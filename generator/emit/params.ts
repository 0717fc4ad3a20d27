/**
 * The `params` argument of an operation: `path`, `query`, `headers` and `body` as the request
 * needs them, each member typed from inference and documented from the collection.
 */
import type { InferResult } from "../infer/contract.js";
import type { OperationIR } from "../model/ir.js";
import { requestBodyType } from "./response-types.js";
import { tsLiteral } from "./literal.js";
import { jsDoc, propertyKey, stringLiteral } from "./ts-text.js";

interface Member {
  key: string;
  type: string;
  required: boolean;
  description?: string;
  /** The sample value as TypeScript source, for the `@example`. */
  example?: string;
}

interface Group {
  name: "path" | "query" | "headers" | "body";
  members?: Member[];
  /** Set for a body typed as a whole (JSON, text, file, graphql). */
  whole?: { type: string; required: boolean; example?: string };
}

export interface ParamsShape {
  required: boolean;
  refs: string[];
  declaration(name: string): string;
  exampleArgument(inferred: InferResult): string;
}

export function buildParamsShape(op: OperationIR, inferred: InferResult): ParamsShape {
  const refs: string[] = [];
  const typeOf = (key: string, fallback: string) => {
    const root = inferred.roots[key];
    if (!root) return fallback;
    refs.push(...root.refs);
    return root.tsType;
  };
  const member = (key: string, rootKey: string, required: boolean, samples: readonly string[], description?: string, stringOnly = false): Member => {
    let type = typeOf(rootKey, "string");
    // Header values are strings on the wire and in `Headers`; keep inferred string literals only.
    if (stringOnly && !/^"[^"]*"( \| "[^"]*")*$/.test(type)) type = "string";
    return { key, type, required, description: withoutMarker(description), example: samples[0] !== undefined ? sampleLiteral(samples[0], type) : required ? `"..."` : undefined };
  };

  const groups: Group[] = [];
  if (op.pathParams.length) {
    groups.push({
      name: "path",
      members: op.pathParams.map((p) => member(p.key, `${op.id}:path:${p.key}`, true, p.samples, p.description)),
    });
  }
  const query = op.query.filter((q) => q.kind === "caller");
  if (query.length) {
    groups.push({
      name: "query",
      members: repeatable(query.map((q) => member(q.key, `${op.id}:query:${q.key}`, q.required, q.samples, q.description))),
    });
  }
  const headers = op.headers.filter((h) => h.kind === "caller");
  if (headers.length) {
    groups.push({
      name: "headers",
      members: uniqueByKey(headers).map((h) => member(h.key, `${op.id}:header:${h.key}`, h.required, h.samples, h.description, true)),
    });
  }
  const body = op.body;
  if (body?.fields) {
    const fields = body.fields.filter((f) => f.value === undefined);
    groups.push({
      name: "body",
      members: repeatable(fields.map((f) =>
        f.type === "file"
          ? { key: f.key, type: "Blob", required: f.required, description: f.description, example: `new Blob(["..."])` }
          : listOf(member(f.key, `${op.id}:form:${f.key}`, f.required, f.samples, f.description), f.repeated),
      )),
    });
  } else if (body) {
    const type = requestBodyType(op, inferred)!;
    refs.push(...type.refs);
    groups.push({
      name: "body",
      whole: { type: type.tsType, required: body.mode !== "graphql", example: bodyExample(op, inferred) },
    });
  }

  const groupRequired = (g: Group) => (g.whole ? g.whole.required : (g.members ?? []).some((m) => m.required));
  const required = groups.some(groupRequired);

  return {
    required,
    refs: [...new Set(refs)],
    declaration(name) {
      if (!groups.length) return `type ${name} = Record<string, never>;`;
      const lines = groups.map((g) => {
        const optional = groupRequired(g) ? "" : "?";
        if (g.whole) return `${jsDoc([groupDoc(g.name)], "  ")}  ${g.name}${optional}: ${g.whole.type};`;
        const inner = (g.members ?? [])
          .map((m) => `${m.description ? jsDoc([m.description], "    ") : ""}    ${propertyKey(m.key)}${m.required ? "" : "?"}: ${m.type};`)
          .join("\n");
        return `${jsDoc([groupDoc(g.name)], "  ")}  ${g.name}${optional}: {\n${inner}\n  };`;
      });
      return `interface ${name} {\n${lines.join("\n")}\n}`;
    },
    exampleArgument() {
      const parts = groups.flatMap((g) => {
        if (g.whole) return g.whole.example ? [`${g.name}: ${indentTail(g.whole.example, "  ")}`] : [];
        const entries = (g.members ?? []).filter((m) => m.example !== undefined);
        if (!entries.length) return [];
        return [`${g.name}: { ${entries.map((m) => `${propertyKey(m.key)}: ${m.example}`).join(", ")} }`];
      });
      return parts.length ? `{\n  ${parts.join(",\n  ")},\n}` : "";
    },
  };
}

/** A key the request repeats (`services[]=a&services[]=b`) takes a list of values. */
function repeatable(members: Member[]): Member[] {
  const byKey = new Map<string, Member[]>();
  for (const m of members) byKey.set(m.key, [...(byKey.get(m.key) ?? []), m]);
  return [...byKey.values()].map((same) => {
    const first = same[0]!;
    if (same.length === 1) return first;
    return { ...first, type: `(${first.type})[]`, required: same.some((m) => m.required), example: `[${same.map((m) => m.example ?? '""').join(", ")}]` };
  });
}

/** "(Required) Current Date" → "Current Date": the marker is already in the type's `?`. */
function withoutMarker(description: string | undefined): string | undefined {
  const text = description?.replace(/^\s*\((required|optional)\)\s*/i, "").trim();
  return text ? text : undefined;
}

function listOf(m: Member, repeated: boolean | undefined): Member {
  return repeated ? { ...m, type: `${m.type} | (${m.type})[]` } : m;
}

function uniqueByKey<T extends { key: string }>(items: readonly T[]): T[] {
  const seen = new Set<string>();
  return items.filter((i) => !seen.has(i.key.toLowerCase()) && !!seen.add(i.key.toLowerCase()));
}

function groupDoc(name: Group["name"]): string {
  switch (name) {
    case "path":
      return "Path parameters (`:name` in the URL).";
    case "query":
      return "Query string parameters.";
    case "headers":
      return "Request headers the caller supplies.";
    case "body":
      return "The request body.";
  }
}

/** A sample string as a literal of the member's type: `30` for numbers, `"open"` otherwise. */
function sampleLiteral(sample: string, type: string): string {
  if (/\bnumber\b/.test(type) && /^-?\d+(\.\d+)?$/.test(sample)) return sample;
  if (/\bboolean\b/.test(type) && (sample === "true" || sample === "false")) return sample;
  return stringLiteral(sample);
}

function bodyExample(op: OperationIR, inferred: InferResult): string | undefined {
  const body = op.body!;
  const value = inferred.roots[`${op.id}:request`]?.values[0]?.value;
  if (body.mode === "raw" && body.language === "json") return value === undefined ? undefined : tsLiteral(value);
  if (body.mode === "raw") return body.samples[0] ? stringLiteral(body.samples[0].text) : undefined;
  if (body.mode === "file") return `new Blob(["..."])`;
  if (body.mode === "graphql") return value === undefined ? "{}" : `{ variables: ${tsLiteral(value)} }`;
  return undefined;
}

function indentTail(text: string, indent: string): string {
  return text.replace(/\n/g, `\n${indent}`);
}
