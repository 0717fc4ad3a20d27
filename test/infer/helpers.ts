/** Test helpers: build TypeRequests by hand and check generated TypeScript with the compiler. */
import ts from "typescript";
import type { TypeRequest } from "../../generator/infer/contract.js";

export function jsonRequest(
  key: string,
  name: string,
  texts: string[],
  extra: Partial<TypeRequest> = {},
): TypeRequest {
  const [operation = "op", role = "response", status] = key.split(":");
  const request: TypeRequest = {
    key,
    name,
    kind: "json",
    source: { file: "fixture.json", itemPath: "Folder / Item" },
    samples: texts.map((text, i) => ({ origin: `example ${i + 1}`, text })),
    operation,
    role: role === "request" ? "request" : "response",
    ...extra,
  };
  if (status !== undefined && request.status === undefined) request.status = Number(status);
  return request;
}

export function stringsRequest(key: string, texts: string[]): TypeRequest {
  return {
    key,
    name: "Param",
    kind: "strings",
    source: { file: "fixture.json", itemPath: "Folder / Item" },
    samples: texts.map((text) => ({ origin: "request", text })),
    operation: key.split(":")[0] ?? "op",
    role: "param",
  };
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
