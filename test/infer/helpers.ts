/**
 * Test helpers: build TypeRequests by hand, name positions by a short key
 * (`getThing:response:200`, `op:query:page`, `op:response:200:header:etag`), see an inferred
 * graph as the TypeScript and JSON Schema it renders to, and check TypeScript with the compiler.
 */
import ts from "typescript";
import { inferTypes as inferGraph } from "../../generator/infer/index.js";
import type { JsonValue, Position, TypeGraph, TypeRequest } from "../../generator/infer/contract.js";
import { declarationSource, tsTypeOf } from "../../generator/emit/graph-types.js";
import { declaredNames, printType } from "../../generator/emit/ts/index.js";
import { declarationSchema, schemaOf } from "../../generator/openapi/schema.js";

/** `op:response:200` → the operation and the position the key names. */
export function positionOf(key: string): { operation: string; position: Position } {
  const [operation = "op", part = "response", a, b, c] = key.split(":");
  if (part === "request") return { operation, position: { part } };
  if (part === "response" && b === "header") return { operation, position: { part: "responseHeader", status: Number(a), key: c! } };
  if (part === "response") return { operation, position: { part, status: Number(a ?? 200) } };
  if (part === "path" || part === "query" || part === "header" || part === "form") return { operation, position: { part, key: a! } };
  throw new Error(`unknown position key ${key}`);
}

export function keyOf(operation: string, position: Position): string {
  switch (position.part) {
    case "request":
      return `${operation}:request`;
    case "response":
      return `${operation}:response:${position.status}`;
    case "responseHeader":
      return `${operation}:response:${position.status}:header:${position.key}`;
    default:
      return `${operation}:${position.part}:${position.key}`;
  }
}

export function jsonRequest(key: string, name: string, texts: string[], extra: Partial<TypeRequest> = {}): TypeRequest {
  return {
    ...positionOf(key),
    name,
    kind: "json",
    source: { file: "fixture.json", itemPath: "Folder / Item" },
    samples: texts.map((text, i) => ({ origin: `example ${i + 1}`, text })),
    ...extra,
  };
}

export function stringsRequest(key: string, texts: string[]): TypeRequest {
  return {
    ...positionOf(key),
    name: "Param",
    kind: "strings",
    source: { file: "fixture.json", itemPath: "Folder / Item" },
    samples: texts.map((text) => ({ origin: "request", text })),
  };
}

export interface RenderedRoot {
  tsType: string;
  refs: string[];
  schema: unknown;
  values: readonly { origin: string; value: JsonValue }[];
}

export interface Rendered {
  roots: Record<string, RenderedRoot>;
  declarations: { name: string; tsSource: string; refs: string[]; schema: unknown }[];
  diagnostics: TypeGraph["diagnostics"];
}

/** A graph as emit and openapi render it, each position under its key. */
export function render(graph: TypeGraph): Rendered {
  const roots: Record<string, RenderedRoot> = {};
  const add = (operation: string, position: Position, root: { type: Parameters<typeof tsTypeOf>[0]; values: RenderedRoot["values"] } | undefined) => {
    if (root === undefined) return;
    const type = tsTypeOf(root.type);
    Object.defineProperty(roots, keyOf(operation, position), {
      value: { tsType: printType(type), refs: [...declaredNames(type)].sort(), schema: schemaOf(root.type), values: root.values },
      enumerable: true,
    });
  };
  for (const [operation, types] of graph.operations) {
    add(operation, { part: "request" }, types.request);
    for (const [status, root] of types.responses) add(operation, { part: "response", status }, root);
    for (const part of ["path", "query", "form"] as const) for (const [key, root] of types[part]) add(operation, { part, key }, root);
    for (const [key, root] of types.headers) add(operation, { part: "header", key }, root);
    for (const [status, headers] of types.responseHeaders) for (const [key, root] of headers) add(operation, { part: "responseHeader", status, key }, root);
  }
  const declarations = graph.declarations.map((named) => {
    const tsSource = declarationSource(named);
    const refs = new Set<string>();
    for (const property of named.node.properties) declaredNames(tsTypeOf(property.type), refs);
    if (named.node.additional) declaredNames(tsTypeOf(named.node.additional), refs);
    refs.delete(named.name);
    return { name: named.name, tsSource, refs: [...refs].sort(), schema: declarationSchema(named) };
  });
  return { roots, declarations, diagnostics: graph.diagnostics };
}

/** Inference of `requests`, rendered (see `render`). */
export function inferTypes(requests: TypeRequest[], reservedNames?: ReadonlySet<string>): Rendered {
  return render(inferGraph(requests, reservedNames));
}

/** Type-checks a module in memory under the project's strict settings; returns error messages. */
export function typecheck(source: string): string[] {
  const fileName = "/virtual/types.ts";
  const options: ts.CompilerOptions = {
    strict: true,
    noEmit: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    lib: ["lib.es2022.d.ts", "lib.dom.d.ts"],
    types: [],
  };
  const host = ts.createCompilerHost(options);
  const original = host.getSourceFile.bind(host);
  host.getSourceFile = (name, version, onError) =>
    name === fileName ? ts.createSourceFile(name, source, version) : original(name, version, onError);
  host.fileExists = ((exists) => (name: string) => name === fileName || exists(name))(host.fileExists.bind(host));
  const program = ts.createProgram([fileName], options, host);
  return ts
    .getPreEmitDiagnostics(program)
    .map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n"));
}

/** The interfaces of a module as the compiler reads them: name → property names (unquoted). */
export function interfacesOf(source: string): Map<string, string[]> {
  const file = ts.createSourceFile("x.ts", source, ts.ScriptTarget.ES2022, true);
  const result = new Map<string, string[]>();
  for (const statement of file.statements) {
    if (!ts.isInterfaceDeclaration(statement)) continue;
    result.set(
      statement.name.text,
      statement.members.map((member) => {
        const name = member.name!;
        return ts.isIdentifier(name) || ts.isStringLiteral(name) ? name.text : name.getText(file);
      }),
    );
  }
  return result;
}

/** All declarations of a result as one module. */
export function moduleOf(result: { declarations: { tsSource: string }[] }): string {
  return result.declarations.map((d) => d.tsSource).join("\n");
}
