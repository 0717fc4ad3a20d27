/**
 * A structural check of emitted code with ts-morph: every file parses, and its top-level
 * declarations are exactly the ones the IR calls for, with no other statements. If any text
 * from a collection ever escaped a string literal or comment, it would show here as a syntax
 * error, an extra statement or an unexpected name. `pmgen generate --verify` runs it before
 * writing; the hostile-input tests run it on adversarial collections.
 */
import { createRequire } from "node:module";
import type { SourceFile } from "ts-morph";
import type { TypeGraph } from "../infer/contract.js";
import type { CollectionIR } from "../model/ir.js";
import { INDEX_DECLARATIONS } from "./emit-collection.js";

export interface VerifyProblem {
  file: string;
  message: string;
}


/** Checks the non-runtime files of one collection's output against its IR and inferred types. */
export function verifyDeclarations(files: ReadonlyMap<string, string>, ir: CollectionIR, graph: TypeGraph): VerifyProblem[] {
  const { Project } = tsMorph();
  const project = new Project({ useInMemoryFileSystem: true, skipAddingFilesFromTsConfig: true, compilerOptions: { noLib: true } });
  const problems: VerifyProblem[] = [];
  const expect = (path: string, names: readonly string[], modules: (module: string) => boolean) => {
    const text = files.get(path);
    if (text === undefined) {
      problems.push({ file: path, message: "missing" });
      return;
    }
    const found = topLevel(project.createSourceFile(path, text, { overwrite: true }));
    for (const error of found.syntaxErrors) problems.push({ file: path, message: `syntax error: ${error}` });
    for (const kind of found.other) problems.push({ file: path, message: `unexpected top-level ${kind}` });
    const want = [...names].sort();
    const got = [...found.declarations].sort();
    if (want.join("\n") !== got.join("\n")) {
      problems.push({ file: path, message: `declares ${got.join(", ") || "nothing"}; expected ${want.join(", ")}` });
    }
    for (const module of found.modules) if (!modules(module)) problems.push({ file: path, message: `imports ${module}` });
  };
  const operationModule = new Set(ir.operations.map((op) => `./operations/${op.id}.js`));
  for (const op of ir.operations) {
    expect(`operations/${op.id}.ts`, [`${op.id}Spec`, `${op.typeName}Params`, `${op.typeName}Result`, op.id], (m) => m === "../runtime/index.js" || m === "../types.js");
    expect(`fixtures/${op.id}.ts`, [`${op.id}Examples`, `${op.id}RequestSamples`], (m) => m === "../runtime/index.js" || m === "../types.js");
  }
  expect("types.ts", graph.declarations.map((d) => d.name), () => false);
  const environments = ir.environments.length > 0;
  const authModules = new Set(ir.operations.map((op) => `./runtime/auth/${op.auth.type}.js`));
  expect("index.ts", INDEX_DECLARATIONS, (m) => m === "./runtime/index.js" || m === "./types.js" || operationModule.has(m) || authModules.has(m) || (environments && m === "./environments.js"));
  if (environments) expect("environments.ts", ["environments"], (m) => m === "./index.js");
  const fixtureModules = new Set(ir.operations.map((op) => `./${op.id}.js`));
  expect("fixtures/index.ts", ["fixtures"], (m) => m === "../runtime/index.js" || fixtureModules.has(m));
  return problems;
}

interface TopLevel {
  declarations: string[];
  modules: string[];
  other: string[];
  syntaxErrors: string[];
}

/** Loaded on first use: ts-morph carries the TypeScript compiler, which plain runs do not need. */
function tsMorph(): typeof import("ts-morph") {
  return createRequire(import.meta.url)("ts-morph") as typeof import("ts-morph");
}

function topLevel(source: SourceFile): TopLevel {
  const { Node, SyntaxKind } = tsMorph();
  const result: TopLevel = { declarations: [], modules: [], other: [], syntaxErrors: [] };
  const parseDiagnostics = (source.compilerNode as unknown as { parseDiagnostics?: { messageText: unknown }[] }).parseDiagnostics ?? [];
  result.syntaxErrors = parseDiagnostics.map((d) => (typeof d.messageText === "string" ? d.messageText : "invalid syntax"));
  for (const statement of source.getStatements()) {
    if (Node.isImportDeclaration(statement)) result.modules.push(statement.getModuleSpecifierValue());
    else if (Node.isExportDeclaration(statement)) {
      const module = statement.getModuleSpecifierValue();
      if (module !== undefined) result.modules.push(module);
      else if (statement.getNamedExports().length > 0) result.other.push("export list");
      // `export {};` (an empty types.ts) declares nothing.
    } else if (Node.isVariableStatement(statement)) {
      for (const d of statement.getDeclarations()) result.declarations.push(d.getName());
    } else if (Node.isFunctionDeclaration(statement) && statement.isOverload()) {
      // An overload signature declares the name its implementation declares.
    } else if (Node.isFunctionDeclaration(statement) || Node.isInterfaceDeclaration(statement) || Node.isTypeAliasDeclaration(statement) || Node.isClassDeclaration(statement) || Node.isEnumDeclaration(statement)) {
      result.declarations.push(statement.getName() ?? "<anonymous>");
    } else {
      result.other.push(SyntaxKind[statement.getKind()] ?? "statement");
    }
  }
  return result;
}
