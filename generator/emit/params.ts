/**
 * The `params` argument of an operation: `path`, `query`, `headers` and `body` as the request
 * needs them, each member typed from inference and documented from the collection.
 */
import type { InferredRoot, OperationTypes } from "../infer/contract.js";
import type { OperationIR } from "../model/ir.js";
import { standIn, typePlaceholder } from "../infer/type-placeholders.js";
import { tsTypeOf } from "./graph-types.js";
import { requestBodyType } from "./response-types.js";
import {
  arrayOf,
  declaredNames,
  keyword,
  objectType,
  printInterface,
  propertyKey,
  ref,
  stringLiteral,
  tsLiteral,
  unionOf,
  type TsMember,
  type TsType,
} from "./ts/index.js";

interface Member {
  key: string;
  type: TsType;
  required: boolean;
  description?: string;
  /** The sample value as TypeScript source, for the `@example`. */
  example?: string;
}

interface Group {
  name: "path" | "query" | "headers" | "body";
  members?: Member[];
  /** Set for a body typed as a whole (JSON, text, file, graphql). */
  whole?: { type: TsType; required: boolean; example?: string };
}

export interface ParamsShape {
  required: boolean;
  /** The collection's types the declaration mentions. */
  refs: string[];
  /** `interface <name> { ... }` (or a type alias when there are no parameters), without `export`. */
  declaration(name: string): string;
  exampleArgument(): string;
}

export function buildParamsShape(op: OperationIR, types: OperationTypes): ParamsShape {
  const member = (
    key: string,
    root: InferredRoot | undefined,
    required: boolean,
    samples: readonly string[],
    description?: string,
    stringOnly = false,
    sentByDefault?: string,
  ): Member => {
    let type = root ? tsTypeOf(root.type) : keyword("string");
    // Header values are strings on the wire and in `Headers`; keep inferred string literals only.
    if (stringOnly && !isStringLiterals(type)) type = keyword("string");
    const lines = [withoutMarker(description)];
    if (sentByDefault !== undefined) {
      lines.push(`Sent as ${JSON.stringify(sentByDefault)} when not given; \`null\` leaves it out.`);
      type = unionOf([type, keyword("null")]);
    }
    const doc = lines.filter((line): line is string => line !== undefined).join("\n\n");
    return { key, type, required, description: doc || undefined, example: exampleOf(samples, type, required) };
  };

  const groups: Group[] = [];
  if (op.pathParams.length) {
    groups.push({ name: "path", members: op.pathParams.map((p) => member(p.key, types.path.get(p.key), true, p.samples, p.description)) });
  }
  const query = op.query.filter((q) => q.kind === "caller");
  if (query.length) {
    groups.push({ name: "query", members: repeatable(query.map((q) => member(q.key, types.query.get(q.key), q.required, q.samples, q.description, false, q.default))) });
  }
  const headers = op.headers.filter((h) => h.kind === "caller");
  if (headers.length) {
    groups.push({ name: "headers", members: uniqueByKey(headers).map((h) => member(h.key, types.headers.get(h.key), h.required, h.samples, h.description, true, h.default)) });
  }
  const body = op.body;
  if (body?.fields) {
    // A form whose fields are all fixed by the collection asks nothing of the caller.
    const fields = body.fields.filter((f) => f.value === undefined);
    if (fields.length) groups.push({
      name: "body",
      members: repeatable(
        fields.map((f) =>
          f.type === "file"
            ? { key: f.key, type: ref("Blob"), required: f.required, description: f.description, example: `new Blob(["..."])` }
            : listOf(member(f.key, types.form.get(f.key), f.required, f.samples, f.description), f.repeated),
        ),
      ),
    });
  } else if (body) {
    groups.push({ name: "body", whole: { type: requestBodyType(op, types)!, required: body.mode !== "graphql", example: bodyExample(op, types) } });
  }

  const groupRequired = (g: Group) => (g.whole ? g.whole.required : (g.members ?? []).some((m) => m.required));
  const groupType = (g: Group): TsType =>
    g.whole?.type ??
    objectType(
      (g.members ?? []).map((m): TsMember => ({ key: m.key, type: m.type, optional: !m.required, doc: m.description ? [m.description] : [] })),
      { multiline: true },
    );
  const members: TsMember[] = groups.map((g) => ({ key: g.name, type: groupType(g), optional: !groupRequired(g), doc: [groupDoc(g.name)] }));
  const refs = new Set<string>();
  for (const m of members) declaredNames(m.type, refs);

  return {
    required: groups.some(groupRequired),
    refs: [...refs],
    declaration(name) {
      if (!groups.length) return `type ${name} = Record<string, never>;`;
      return printInterface(name, members, { exported: false }).trimEnd();
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

function isStringLiterals(type: TsType): boolean {
  if (type.kind === "literal") return typeof type.value === "string";
  return type.kind === "union" && type.members.every((m) => m.kind === "literal" && typeof m.value === "string");
}

function mentions(type: TsType, name: "number" | "boolean"): boolean {
  if (type.kind === "keyword") return type.name === name;
  return type.kind === "union" && type.members.some((m) => mentions(m, name));
}

/** A key the request repeats (`services[]=a&services[]=b`) takes a list of values. */
function repeatable(members: Member[]): Member[] {
  const byKey = new Map<string, Member[]>();
  for (const m of members) byKey.set(m.key, [...(byKey.get(m.key) ?? []), m]);
  return [...byKey.values()].map((same) => {
    const first = same[0]!;
    if (same.length === 1) return first;
    // `null` (leave the key out) applies to the list, not to its items.
    const nullable = first.type.kind === "union" && first.type.members.some((m) => m.kind === "keyword" && m.name === "null");
    const item = first.type.kind === "union" ? unionOf(first.type.members.filter((m) => !(m.kind === "keyword" && m.name === "null"))) : first.type;
    const type = nullable ? unionOf([arrayOf(item), keyword("null")]) : arrayOf(item);
    return { ...first, type, required: same.some((m) => m.required), example: `[${same.map((m) => m.example ?? '""').join(", ")}]` };
  });
}

/** "(Required) Current Date" → "Current Date": the marker is already in the type's `?`. */
function withoutMarker(description: string | undefined): string | undefined {
  const text = description?.replace(/^\s*\((required|optional)\)\s*/i, "").trim();
  return text ? text : undefined;
}

function listOf(m: Member, repeated: boolean | undefined): Member {
  return repeated ? { ...m, type: unionOf([m.type, arrayOf(m.type)]) } : m;
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

/**
 * The `@example` value of a parameter: its first sample that is a value (an OpenAPI-import
 * placeholder such as `<integer>` is not: its typed stand-in is shown instead), `"..."` for a
 * required one without samples.
 */
function exampleOf(samples: readonly string[], type: TsType, required: boolean): string | undefined {
  const value = samples.find((sample) => typePlaceholder(sample) === undefined);
  if (value !== undefined) return sampleLiteral(value, type);
  const placeholder = samples.map(typePlaceholder).find((p) => p !== undefined);
  if (placeholder !== undefined) return tsLiteral(standIn(placeholder));
  return required ? `"..."` : undefined;
}

/** A sample string as a literal of the member's type: `30` for numbers, `"open"` otherwise. */
function sampleLiteral(sample: string, type: TsType): string {
  if (mentions(type, "number") && /^-?\d+(\.\d+)?$/.test(sample)) return sample;
  if (mentions(type, "boolean") && (sample === "true" || sample === "false")) return sample;
  return stringLiteral(sample);
}

function bodyExample(op: OperationIR, types: OperationTypes): string | undefined {
  const body = op.body!;
  const value = types.request?.values[0]?.value;
  if (body.mode === "raw" && body.language === "json") return value === undefined ? undefined : tsLiteral(value);
  if (body.mode === "raw") return body.samples[0] ? stringLiteral(body.samples[0].text) : undefined;
  if (body.mode === "file") return `new Blob(["..."])`;
  if (body.mode === "graphql") return value === undefined ? "{}" : `{ variables: ${tsLiteral(value)} }`;
  return undefined;
}

function indentTail(text: string, indent: string): string {
  return text.replace(/\n/g, `\n${indent}`);
}
