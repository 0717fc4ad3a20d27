/**
 * What a caller of a generated client touches, read from the IR and the type graph: per
 * operation the `params` members (path, query, headers, body) with their TypeScript types, the
 * documented responses with their body types and typed headers, and the auth scheme; per
 * collection `ClientVariables` and the exported type names. The diff compares these, not the
 * generated text, so it sees what emit renders (the same `tsTypeOf`, the same rules for params)
 * without rendering or parsing files.
 */
import type { InferredRoot, NamedType, OperationTypes, TypeGraph } from "../infer/contract.js";
import { typesOf } from "../infer/contract.js";
import type { BodyMode, CollectionIR, OperationIR } from "../model/ir.js";
import { statusesOf } from "../model/responses.js";
import { tsTypeOf } from "../emit/graph-types.js";
import { commonHeaderNames } from "../emit/operation-context.js";
import { bodyTypeOfStatus, requestBodyType } from "../emit/response-types.js";
import { arrayOf, keyword, objectType, ref, unionOf, type TsType } from "../emit/ts/index.js";

export interface CollectionSurface {
  /** The output folder name (`lob`), which pairs collections of the two sides. */
  name: string;
  title: string;
  description?: string;
  /** Where it was read from, for reports. */
  displayPath: string;
  variables: VariableSurface[];
  /** The declared types of `types.ts`, by name, to resolve the types' references. */
  declarations: ReadonlyMap<string, NamedType>;
  operations: OperationSurface[];
}

/** A member of `ClientVariables`. */
export interface VariableSurface {
  key: string;
  /** No default and a URL needs it: `createClient` requires it. */
  required: boolean;
  default?: string;
  description?: string;
}

/** A member of `params.path`, `params.query`, `params.headers` or a form body. */
export interface ParamSurface {
  key: string;
  required: boolean;
  /** Its type without the `| null` a default adds (the default is compared on its own). */
  type: TsType;
  /** The value sent when the caller gives none. */
  default?: string;
  description?: string;
}

export interface BodySurface {
  mode: BodyMode;
  contentType?: string;
  required: boolean;
  /** `params.body` as one type (JSON, text, file, graphql), or the form fields' object type. */
  type: TsType;
  /** urlencoded and formdata: the fields the caller gives, one member each. */
  fields?: ParamSurface[];
}

export interface ResponseSurface {
  status: number;
  body: TsType;
  /** Header names `headers.get()` types as `string` (present in every example of the status). */
  headers: string[];
  /** The saved examples' names (fixtures), in order. */
  examples: string[];
}

export interface OperationSurface {
  id: string;
  /** The prefix of the operation's type names (`GetUser`). */
  typeName: string;
  itemPath: string;
  method: string;
  base: string;
  /** The path template (`/users/:id`). */
  path: string;
  description?: string;
  auth: string;
  pathParams: ParamSurface[];
  query: ParamSurface[];
  headers: ParamSurface[];
  body?: BodySurface;
  responses: ResponseSurface[];
}

export function collectionSurface(ir: CollectionIR, graph: TypeGraph, displayPath: string): CollectionSurface {
  return {
    name: ir.name,
    title: ir.title,
    description: ir.description,
    displayPath,
    variables: ir.variables.map((v) => ({ key: v.key, required: v.default === undefined && v.usedInUrl, default: v.default, description: v.description })),
    declarations: new Map(graph.declarations.map((d) => [d.name, d])),
    operations: ir.operations.map((op) => operationSurface(op, typesOf(graph, op.id))),
  };
}

function operationSurface(op: OperationIR, types: OperationTypes): OperationSurface {
  const typed = (root: InferredRoot | undefined): TsType => (root ? tsTypeOf(root.type) : keyword("string"));
  const pathParams = op.pathParams.map((p) => param(p.key, true, typed(types.path.get(p.key)), p.description));
  const query = repeatable(op.query.filter((q) => q.kind === "caller").map((q) => param(q.key, q.required, typed(types.query.get(q.key)), q.description, q.default)));
  const headers = uniqueByLowerKey(op.headers.filter((h) => h.kind === "caller")).map((h) => {
    // Header values are strings on the wire: only inferred string literals survive (as params.ts does).
    const type = typed(types.headers.get(h.key));
    return param(h.key, h.required, isStringLiterals(type) ? type : keyword("string"), h.description, h.default);
  });
  return {
    id: op.id,
    typeName: op.typeName,
    itemPath: op.itemPath,
    method: op.method,
    base: op.url.base,
    path: op.url.path,
    description: op.description,
    auth: op.auth.type,
    pathParams,
    query,
    headers,
    body: bodySurface(op, types),
    responses: statusesOf(op).map((status) => {
      const examples = op.responses.filter((r) => r.status === status);
      return {
        status,
        body: bodyTypeOfStatus(op, status, types),
        headers: commonHeaderNames(examples.map((e) => e.headers.map((h) => h.key.toLowerCase()))),
        examples: examples.map((e) => e.name),
      };
    }),
  };
}

function bodySurface(op: OperationIR, types: OperationTypes): BodySurface | undefined {
  const body = op.body;
  if (!body) return undefined;
  if (body.fields) {
    // Fields the collection fixes are not the caller's; a form of only those asks nothing.
    const fields = repeatable(
      body.fields
        .filter((f) => f.value === undefined)
        .map((f) => {
          if (f.type === "file") return param(f.key, f.required, ref("Blob"), f.description);
          const root = types.form.get(f.key);
          const type = root ? tsTypeOf(root.type) : keyword("string");
          return param(f.key, f.required, f.repeated ? unionOf([type, arrayOf(type)]) : type, f.description);
        }),
    );
    if (!fields.length) return undefined;
    return {
      mode: body.mode,
      contentType: body.contentType,
      required: fields.some((f) => f.required),
      type: objectType(fields.map((f) => ({ key: f.key, type: f.type, optional: !f.required }))),
      fields,
    };
  }
  return { mode: body.mode, contentType: body.contentType, required: body.mode !== "graphql", type: requestBodyType(op, types)! };
}

function param(key: string, required: boolean, type: TsType, description?: string, defaultValue?: string): ParamSurface {
  return { key, required, type, ...(defaultValue !== undefined ? { default: defaultValue } : {}), ...(description ? { description } : {}) };
}

/** A key the request repeats (`services[]=a&services[]=b`) is one member taking a list. */
function repeatable(params: ParamSurface[]): ParamSurface[] {
  const byKey = new Map<string, ParamSurface[]>();
  for (const p of params) byKey.set(p.key, [...(byKey.get(p.key) ?? []), p]);
  return [...byKey.values()].map((same) => {
    const first = same[0]!;
    return same.length === 1 ? first : { ...first, type: arrayOf(first.type), required: same.some((p) => p.required) };
  });
}

function uniqueByLowerKey<T extends { key: string }>(items: readonly T[]): T[] {
  const seen = new Set<string>();
  return items.filter((i) => !seen.has(i.key.toLowerCase()) && !!seen.add(i.key.toLowerCase()));
}

function isStringLiterals(type: TsType): boolean {
  if (type.kind === "literal") return typeof type.value === "string";
  return type.kind === "union" && type.members.every((m) => m.kind === "literal" && typeof m.value === "string");
}
