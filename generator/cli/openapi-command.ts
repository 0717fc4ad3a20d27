/**
 * `pmgen openapi <collection> [-o file.json]`: the collection as an OpenAPI 3.1 document, with
 * the same inferred types the TypeScript uses (one graph, two renderings).
 */
import { mkdirSync, renameSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { PmgenError } from "../base/diagnostics.js";
import { buildOpenApiDocument } from "../openapi/index.js";
import type { Diagnostic } from "../base/diagnostics.js";
import { inferCollection, modelCollections } from "../pipeline.js";
import { guarded, printDiagnostics, processIo, type Io } from "./io.js";
import { resolveRun } from "./resolve-run.js";

export function runOpenapi(args: { input: string; output?: string; quiet?: boolean; verbose?: boolean; config?: string; cwd?: string; io?: Io }): number {
  const cwd = args.cwd ?? process.cwd();
  const io = args.io ?? processIo;
  return guarded(io, false, "openapi", () => {
    // The config's settings for this input apply, so operationIds are the generated method names.
    const models = modelCollections(resolveRun({ inputs: [args.input], config: args.config }, cwd).inputs, cwd);
    if (models.length !== 1) {
      throw new PmgenError(`expected one collection, found ${models.length}; name a single file or folder`, { file: args.input });
    }
    const { ir, diagnostics } = models[0]!;
    const inferred = inferCollection(ir);
    const { document, report } = buildOpenApiDocument(ir, inferred);
    // Every item is in the document, or named in a warning saying why not.
    const exported: Diagnostic[] = [
      ...report.merged.map(({ item, into }): Diagnostic => ({
        severity: "note",
        message: `same method and path as "${into.itemPath}": merged into its operation ${into.id} (parameters, bodies, responses and examples of both)`,
        source: item.source,
      })),
      ...report.skipped.map(({ item, reason }): Diagnostic => ({ severity: "warning", message: `${reason}: left out of the OpenAPI document`, source: item.source })),
    ];
    if (!args.quiet) printDiagnostics(io, [...diagnostics, ...inferred.diagnostics, ...exported], args.verbose);
    const text = `${JSON.stringify(document, null, 2)}\n`;
    if (!args.output) {
      io.out(text);
      if (!args.quiet) io.err(`pmgen: OpenAPI 3.1: ${summary(ir.operations.length, report)}\n`);
      return 0;
    }
    const target = resolve(cwd, args.output);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(`${target}.pmgen-tmp`, text);
    renameSync(`${target}.pmgen-tmp`, target);
    if (!args.quiet) io.err(`pmgen: OpenAPI 3.1 → ${args.output}: ${summary(ir.operations.length, report)}\n`);
    return 0;
  });
}

/** `131 items: 117 operations, 14 items merged into them, 0 left out`. */
function summary(items: number, report: { operations: number; merged: unknown[]; skipped: unknown[] }): string {
  return `${items} items: ${report.operations} operations, ${report.merged.length} items merged into them, ${report.skipped.length} left out`;
}
