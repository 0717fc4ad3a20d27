/**
 * `pmgen openapi <collection> [-o file.json]`: the collection as an OpenAPI 3.1 document, with
 * the same inferred types the TypeScript uses (one graph, two renderings).
 */
import { mkdirSync, renameSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { PmgenError } from "../diagnostics.js";
import { buildOpenApi } from "../openapi/index.js";
import { inferCollection, modelCollections } from "../pipeline.js";
import { guarded, printDiagnostics, processIo, resolveRun, type Io } from "./commands.js";

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
    if (!args.quiet) printDiagnostics(io, [...diagnostics, ...inferred.diagnostics], args.verbose);
    const text = `${JSON.stringify(buildOpenApi(ir, inferred), null, 2)}\n`;
    if (!args.output) {
      io.out(text);
      return 0;
    }
    const target = resolve(cwd, args.output);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(`${target}.pmgen-tmp`, text);
    renameSync(`${target}.pmgen-tmp`, target);
    if (!args.quiet) io.err(`pmgen: OpenAPI 3.1 of ${ir.operations.length} operations → ${args.output}\n`);
    return 0;
  });
}
