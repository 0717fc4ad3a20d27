/**
 * The whole pipeline for a set of inputs: load → model → infer → emit, in memory. Reading the
 * input files is its only I/O; `write` and `check` decide what to do with the result.
 */
import { PmgenError, type Diagnostic } from "./diagnostics.js";
import { inferTypes } from "./infer/index.js";
import type { InferResult } from "./infer/contract.js";
import { discoverCollections, type CollectionSource } from "./load/discover.js";
import { loadCollection } from "./load/load-collection.js";
import { buildCollectionIR } from "./model/build.js";
import type { CollectionIR } from "./model/ir.js";
import { GENERATED_NAMES } from "./model/names.js";
import { collectTypeRequests } from "./model/type-requests.js";
import { emitCollection } from "./emit/emit-collection.js";
import { loadTemplates, type Templates } from "./emit/templates.js";
import { runtimeExportNames } from "./emit/runtime-files.js";

export interface PipelineOptions {
  inputs: readonly string[];
  cwd: string;
  templatesDir?: string;
  /** Called after each collection, for progress reporting. */
  onCollection?: (done: number, total: number, name: string) => void;
}

export interface GeneratedCollection {
  source: CollectionSource;
  ir: CollectionIR;
  inferred: InferResult;
  /** Files relative to the collection's output folder. */
  files: Map<string, string>;
  diagnostics: Diagnostic[];
}

export function modelCollections(inputs: readonly string[], cwd: string): { source: CollectionSource; ir: CollectionIR; diagnostics: Diagnostic[] }[] {
  return discoverCollections(inputs, cwd).map((source) => {
    const { ir, diagnostics } = buildCollectionIR(loadCollection(source, cwd));
    return { source, ir, diagnostics };
  });
}

export function inferCollection(ir: CollectionIR): InferResult {
  // Operation-level names (`XParams`, `XResult`, `XSpec`) are taken before types are named.
  const reserved = new Set<string>(GENERATED_NAMES);
  for (const op of ir.operations) {
    for (const suffix of ["Params", "Result", "Spec", "Examples", "RequestSamples"]) reserved.add(`${op.typeName}${suffix}`);
    reserved.add(op.id);
  }
  for (const name of [...runtimeExportNames(), ...INDEX_EXPORTS]) reserved.add(name);
  return inferTypes(collectTypeRequests(ir), reserved);
}

export function runPipeline(options: PipelineOptions): GeneratedCollection[] {
  const templates: Templates = loadTemplates(options.templatesDir);
  const sources = discoverCollections(options.inputs, options.cwd);
  return sources.map((source, index) => {
    const { ir, diagnostics } = buildCollectionIR(loadCollection(source, options.cwd));
    const inferred = inferCollection(ir);
    const files = emitCollection(ir, inferred, templates);
    options.onCollection?.(index + 1, sources.length, source.name);
    return { source, ir, inferred, files, diagnostics: [...diagnostics, ...inferred.diagnostics] };
  });
}

/** Every output file of a run, keyed `collection/path`. */
export function outputFiles(collections: readonly GeneratedCollection[]): Map<string, string> {
  const all = new Map<string, string>();
  for (const c of collections) for (const [path, content] of c.files) all.set(`${c.source.name}/${path}`, content);
  return all;
}

/** Names `index.ts.hbs` declares itself. */
const INDEX_EXPORTS = ["ApiClient", "ClientOptions", "ClientVariables", "collection", "createBaseClient", "createClient"];

export { PmgenError };
