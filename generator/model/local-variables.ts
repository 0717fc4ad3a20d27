/**
 * Folder and item variables are fixed by the collection, so they are substituted into the
 * operation at generation time; collection variables stay `{{references}}` the client resolves
 * from `createClient({ variables })`.
 */
import type { OperationIR } from "./ir.js";
import { variableReferences } from "./templates.js";

type Draft = Omit<OperationIR, "id" | "typeName">;

export function substituteLocalVariables(op: Draft, locals: Record<string, string>): Draft {
  if (Object.keys(locals).length === 0) return op;
  const fill = (text: string | undefined) => (text === undefined ? undefined : substitute(text, locals));
  const template = substitute(op.url.template, locals);
  return {
    ...op,
    url: {
      ...op.url,
      template,
      base: substitute(op.url.base, locals),
      path: substitute(op.url.path, locals),
      variables: variableReferences(template).filter((v) => !v.startsWith("$")),
    },
    query: op.query.map((q) => ({ ...q, value: fill(q.value) })),
    headers: op.headers.map((h) => ({ ...h, value: fill(h.value) })),
    body: op.body && {
      ...op.body,
      fields: op.body.fields?.map((f) => ({ ...f, value: fill(f.value) })),
    },
  };
}

function substitute(text: string, locals: Record<string, string>, depth = 0): string {
  if (depth > 10) return text;
  const result = text.replace(/\{\{([^{}]+?)\}\}/g, (whole, name: string) => locals[name.trim()] ?? whole);
  return result === text ? result : substitute(result, locals, depth + 1);
}
