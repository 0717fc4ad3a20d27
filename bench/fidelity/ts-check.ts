/**
 * The TypeScript check: do instances compile as values of the types `pmgen generate` wrote, and
 * do flips not? For each sampled case a value of the instance's exact type, `declare const vN:
 * <its type>`, and the statement `const cN: <type> = vN;` in a
 * file beside the generated client, and one strict program per API and mode through the
 * compiler API (lib files parsed once per process). A case passes when its statement has no
 * diagnostic. Types are found through the operation's own exports, never by guessing names:
 * a response body is `Extract<XResult, { status: S }>["body"]` (a status the result does not
 * document is `unknown`, as `UndocumentedResponse` types it), a request body `XParams["body"]`
 * (no `body` in the params: `unknown`). The instance is a value of its exact type rather than an
 * object literal: a body the API sends or a caller builds from data is checked by assignability,
 * as the schema checks it, not by the excess-property check TypeScript makes only on a literal.
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import ts from "typescript";
import type { Json } from "./json-pointer.js";
import type { SpecUnit } from "./spec-units.js";

export interface TsTarget {
  /** The type of the unit's body, as an expression over the imported names. */
  type: string;
  imports: { file: string; name: string; alias: string }[];
}

/** The TypeScript type of a unit in a generated client, or why there is none. */
export function tsTarget(clientDir: string, operationId: string, unit: SpecUnit, index: number): TsTarget | { error: string } {
  const file = join(clientDir, "operations", `${operationId}.ts`);
  if (!existsSync(file)) return { error: `no operations/${operationId}.ts` };
  const source = readFileSync(file, "utf8");
  const importFile = `./operations/${operationId}.js`;
  if (unit.role === "response") {
    const result = /export type (\w+Result) =/.exec(source)?.[1];
    if (result === undefined) return { error: `operations/${operationId}.ts exports no …Result` };
    const alias = `R${index}`;
    return { type: `BodyOf<${alias}, ${unit.status}>`, imports: [{ file: importFile, name: result, alias }] };
  }
  const params = /export (?:interface|type) (\w+Params)\b/.exec(source)?.[1];
  if (params === undefined) return { error: `operations/${operationId}.ts exports no …Params` };
  const block = new RegExp(`export interface ${params} \\{([\\s\\S]*?)\\n\\}`).exec(source)?.[1] ?? "";
  if (!/\n {2}body\??:/.test(block)) return { type: "unknown", imports: [] };
  const alias = `P${index}`;
  return { type: `${alias}["body"]`, imports: [{ file: importFile, name: params, alias }] };
}

/** A JSON value as a TypeScript expression (`__proto__` keys computed, so they stay properties). */
/**
 * The instance's exact type as a TypeScript type expression: literal types for scalars, tuples
 * for arrays, object types for objects. A value declared with it is data, as a parsed response
 * is: it is checked for assignability, not for the excess properties TypeScript reports only on
 * object literals written in code.
 */
function valueType(value: Json): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(valueType).join(", ")}]`;
  return `{ ${Object.entries(value).map(([key, item]) => `${JSON.stringify(key)}: ${valueType(item)};`).join(" ")} }`;
}

const OPTIONS: ts.CompilerOptions = {
  strict: true,
  noEmit: true,
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.NodeNext,
  moduleResolution: ts.ModuleResolutionKind.NodeNext,
  lib: ["lib.es2022.d.ts", "lib.dom.d.ts", "lib.dom.iterable.d.ts"],
  types: [],
  skipLibCheck: true,
};

const libFiles = new Map<string, ts.SourceFile>();

function host(): ts.CompilerHost {
  const base = ts.createCompilerHost(OPTIONS);
  const libDir = dirname(ts.getDefaultLibFilePath(OPTIONS));
  return {
    ...base,
    getSourceFile(fileName, languageVersion, onError, shouldCreate) {
      if (!fileName.startsWith(libDir)) return base.getSourceFile(fileName, languageVersion, onError, shouldCreate);
      let cached = libFiles.get(fileName);
      if (cached === undefined) {
        cached = base.getSourceFile(fileName, languageVersion, onError, shouldCreate);
        if (cached !== undefined) libFiles.set(fileName, cached);
      }
      return cached;
    },
  };
}

export interface TsCase {
  target: TsTarget;
  value: Json;
}

/**
 * Whether each case compiles (undefined) or the first diagnostic on its statement. Throws only
 * when the compiler itself fails.
 */
export function compileCases(clientDir: string, cases: readonly TsCase[]): (string | undefined)[] {
  const imports = new Map<string, string[]>();
  for (const c of cases) {
    for (const i of c.target.imports) {
      const names = imports.get(i.file) ?? [];
      const clause = `${i.name} as ${i.alias}`;
      if (!names.includes(clause)) names.push(clause);
      imports.set(i.file, names);
    }
  }
  let text = [...imports].map(([file, names]) => `import type { ${names.join(", ")} } from ${JSON.stringify(file)};\n`).join("");
  text += "type BodyOf<R, S extends number> = [Extract<R, { status: S }>] extends [never] ? unknown : Extract<R, { status: S }> extends { body: infer B } ? B : unknown;\n";
  const starts: number[] = [];
  cases.forEach((c, i) => {
    starts.push(text.length);
    text += `declare const v${i}: ${valueType(c.value)};\nexport const c${i}: ${c.target.type} = v${i};\n`;
  });
  const checkFile = join(clientDir, "bench-check.ts");
  writeFileSync(checkFile, text);
  const program = ts.createProgram({ rootNames: [checkFile], options: OPTIONS, host: host() });
  const sourceFile = program.getSourceFile(checkFile)!;
  const errors: (string | undefined)[] = cases.map(() => undefined);
  const diagnostics = [...program.getSyntacticDiagnostics(sourceFile), ...program.getSemanticDiagnostics(sourceFile)];
  for (const diagnostic of diagnostics) {
    if (diagnostic.start === undefined) continue;
    let low = 0;
    let high = starts.length - 1;
    let found = -1;
    while (low <= high) {
      const mid = (low + high) >> 1;
      if (starts[mid]! <= diagnostic.start) {
        found = mid;
        low = mid + 1;
      } else high = mid - 1;
    }
    const message = ts.flattenDiagnosticMessageText(diagnostic.messageText, " ").slice(0, 300);
    if (found >= 0) errors[found] ??= message;
    else errors.fill(`the check file itself does not compile: ${message}`); // nothing can be trusted
  }
  return errors;
}
