/** Parse and type-check generated output with the TypeScript compiler API. */
import { mkdirSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
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

/**
 * The tsconfig options generated clients are checked with by `tsc -p` (the corpus-wide test, and
 * bench/perf/typecheck.ts, so the bench times what the tests hold the output to).
 */
export const GENERATED_CLIENT_TSCONFIG = {
  target: "ES2022",
  module: "NodeNext",
  moduleResolution: "NodeNext",
  lib: ["ES2022", "DOM", "DOM.Iterable"],
  types: [],
  strict: true,
  noEmit: true,
  skipLibCheck: true,
  verbatimModuleSyntax: true,
  isolatedModules: true,
  forceConsistentCasingInFileNames: true,
};

/** Writes generated files (output-relative path → text) under `dir`; the paths of the `.ts` ones. */
export function writeFiles(files: Iterable<readonly [string, string]>, dir: string): string[] {
  const written: string[] = [];
  for (const [path, content] of files) {
    const target = join(dir, path);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, content);
    if (path.endsWith(".ts")) written.push(target);
  }
  return written;
}

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
