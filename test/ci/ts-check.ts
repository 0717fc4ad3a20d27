/** Parse and type-check generated output with the TypeScript compiler API. */
import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import ts from "typescript";

export const STRICT_OPTIONS: ts.CompilerOptions = {
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.NodeNext,
  moduleResolution: ts.ModuleResolutionKind.NodeNext,
  lib: ["lib.es2022.d.ts", "lib.dom.d.ts", "lib.dom.iterable.d.ts"],
  types: [],
  strict: true,
  noUncheckedIndexedAccess: true,
  noEmit: true,
  skipLibCheck: true,
};

export function tsFiles(dir: string): string[] {
  const files: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const path = join(d, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name.endsWith(".ts")) files.push(path);
    }
  };
  walk(dir);
  return files;
}

/** Every error of one strict program over `files`, formatted `file:line: message`. */
export function typeErrors(files: string[]): string[] {
  const program = ts.createProgram(files, STRICT_OPTIONS);
  return ts.getPreEmitDiagnostics(program).map((d) => {
    const where = d.file ? `${d.file.fileName}:${d.file.getLineAndCharacterOfPosition(d.start ?? 0).line + 1}` : "";
    return `${where}: ${ts.flattenDiagnosticMessageText(d.messageText, "\n")}`;
  });
}

export interface TopLevel {
  /** Names of declarations at the top level (exported or not), in order. */
  declarations: string[];
  /** Module specifiers of imports and `export * from`. */
  modules: string[];
  /** Kinds of any other statement (should be none). */
  other: string[];
  syntaxErrors: string[];
}

/** What a file declares at its top level: the check that no text escaped into code. */
export function topLevel(fileName: string, text: string): TopLevel {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.ES2022, true, ts.ScriptKind.TS);
  const result: TopLevel = { declarations: [], modules: [], other: [], syntaxErrors: [] };
  const diagnostics = (source as unknown as { parseDiagnostics?: ts.Diagnostic[] }).parseDiagnostics ?? [];
  result.syntaxErrors = diagnostics.map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n"));
  for (const statement of source.statements) {
    if (ts.isImportDeclaration(statement)) result.modules.push((statement.moduleSpecifier as ts.StringLiteral).text);
    else if (ts.isExportDeclaration(statement) && statement.moduleSpecifier && !statement.exportClause) {
      result.modules.push((statement.moduleSpecifier as ts.StringLiteral).text);
    } else if (ts.isVariableStatement(statement)) {
      for (const d of statement.declarationList.declarations) result.declarations.push(d.name.getText(source));
    } else if (ts.isFunctionDeclaration(statement) || ts.isInterfaceDeclaration(statement) || ts.isTypeAliasDeclaration(statement) || ts.isClassDeclaration(statement) || ts.isEnumDeclaration(statement)) {
      result.declarations.push(statement.name?.text ?? "<anonymous>");
    } else if (ts.isExportDeclaration(statement) && statement.exportClause && ts.isNamedExports(statement.exportClause) && statement.exportClause.elements.length === 0 && !statement.moduleSpecifier) {
      // `export {};` of an empty types.ts
    } else {
      result.other.push(ts.SyntaxKind[statement.kind]);
    }
  }
  return result;
}
