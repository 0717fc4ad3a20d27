/**
 * OpenAPI has one operation per path and method; a Postman collection often has several items
 * for one (a request and its variants, the same call in two folders). They become one
 * operation that carries everything each item says: every parameter (required only where every
 * item requires it), every request body and response schema (`anyOf` where they differ),
 * every example, every auth alternative.
 */
type Obj = Record<string, unknown>;

/** One operation from several built for the same path and method; the first names it. */
export function mergeOperations(operations: readonly Obj[]): Obj {
  const [first, ...rest] = operations;
  if (first === undefined) throw new Error("internal: no operation to merge");
  if (rest.length === 0) return first;
  const merged: Obj = { ...first };
  const parameters = mergeParameters(operations.map((op) => (op.parameters as Obj[] | undefined) ?? []));
  if (parameters.length > 0) merged.parameters = parameters;
  const bodies = operations.map((op) => op.requestBody as Obj | undefined);
  if (bodies.some((body) => body !== undefined)) {
    const present = bodies.filter((body): body is Obj => body !== undefined);
    merged.requestBody = { required: bodies.every((body) => body?.required === true), content: mergeContent(present.map((body) => body.content as Obj)) };
  }
  const responses = operations.map((op) => (op.responses as Record<string, Obj> | undefined) ?? {});
  const statuses = [...new Set(responses.flatMap((r) => Object.keys(r)))].sort();
  if (statuses.length > 0) {
    const out: Record<string, Obj> = {};
    for (const status of statuses) own(out, status, mergeResponse(responses.flatMap((r) => (Object.hasOwn(r, status) ? [r[status]!] : []))));
    merged.responses = out;
  }
  for (const key of ["tags", "security", "servers"] as const) {
    const lists = operations.map((op) => op[key] as unknown[] | undefined);
    if (lists.every((list) => list === undefined)) continue;
    merged[key] = unique(lists.flatMap((list) => list ?? []));
  }
  const descriptions = unique(operations.map((op) => op.description).filter((d): d is string => typeof d === "string"));
  if (descriptions.length > 0) merged.description = descriptions.join("\n\n");
  merged["x-pmgen-merged-items"] = operations.map((op) => ({ operationId: op.operationId, summary: op.summary }));
  return merged;
}

function mergeParameters(lists: readonly Obj[][]): Obj[] {
  const byKey = new Map<string, { parameter: Obj; count: number; required: boolean }>();
  for (const list of lists) {
    for (const parameter of list) {
      const key = `${String(parameter.in)}:${String(parameter.name).toLowerCase()}`;
      const seen = byKey.get(key);
      if (seen === undefined) byKey.set(key, { parameter, count: 1, required: parameter.required === true });
      else {
        seen.count++;
        seen.required &&= parameter.required === true;
        seen.parameter = { ...seen.parameter, schema: anyOf([seen.parameter.schema, parameter.schema]) };
      }
    }
  }
  // A path parameter is always required; others only where every item sends them.
  return [...byKey.values()].map(({ parameter, count, required }) => ({
    ...parameter,
    required: parameter.in === "path" || (required && count === lists.length),
  }));
}

function mergeContent(contents: readonly Obj[]): Obj {
  const out: Record<string, Obj> = {};
  const types = unique(contents.flatMap((content) => Object.keys(content)));
  for (const type of types) {
    const media = contents.flatMap((content) => (Object.hasOwn(content, type) ? [content[type] as Obj] : []));
    const merged: Obj = { schema: anyOf(media.map((m) => m.schema)) };
    const examples = mergeExamples(media.map((m) => m.examples as Record<string, Obj> | undefined));
    if (examples !== undefined) merged.examples = examples;
    const example = media.find((m) => m.example !== undefined)?.example;
    if (examples === undefined && example !== undefined) merged.example = example;
    own(out, type, merged);
  }
  return out;
}

function mergeResponse(responses: readonly Obj[]): Obj {
  const merged: Obj = { ...responses[0]! };
  const headers: Record<string, unknown> = {};
  for (const response of responses) {
    for (const [name, header] of Object.entries((response.headers as Record<string, unknown> | undefined) ?? {})) {
      if (!Object.keys(headers).some((known) => known.toLowerCase() === name.toLowerCase())) own(headers, name, header);
    }
  }
  if (Object.keys(headers).length > 0) merged.headers = headers;
  const contents = responses.flatMap((r) => (r.content === undefined ? [] : [r.content as Obj]));
  if (contents.length > 0) merged.content = mergeContent(contents);
  return merged;
}

function mergeExamples(lists: readonly (Record<string, Obj> | undefined)[]): Record<string, Obj> | undefined {
  const out: Record<string, Obj> = {};
  const values = new Set<string>();
  for (const examples of lists) {
    for (const [name, example] of Object.entries(examples ?? {})) {
      const text = JSON.stringify(example);
      if (values.has(text)) continue;
      values.add(text);
      let key = name;
      for (let n = 2; Object.hasOwn(out, key); n++) key = `${name}_${n}`;
      own(out, key, example);
    }
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

/** One schema that accepts what any of them does; equal schemas once. */
function anyOf(schemas: readonly unknown[]): unknown {
  const distinct = unique(schemas.flatMap((schema) => (schema !== null && typeof schema === "object" && "anyOf" in schema && Object.keys(schema).length === 1 ? (schema.anyOf as unknown[]) : [schema])));
  if (distinct.some((schema) => schema === true || (schema !== null && typeof schema === "object" && Object.keys(schema).length === 0))) return {};
  return distinct.length === 1 ? distinct[0] : { anyOf: distinct };
}

/** Values without repeats, compared as JSON. */
function unique<T>(values: readonly T[]): T[] {
  const seen = new Set<string>();
  return values.filter((value) => {
    const key = JSON.stringify(value);
    return !seen.has(key) && !!seen.add(key);
  });
}

function own<T>(target: Record<string, T>, key: string, value: T): void {
  Object.defineProperty(target, key, { value, writable: true, enumerable: true, configurable: true });
}
