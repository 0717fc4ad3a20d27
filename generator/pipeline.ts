/**
 * The whole pipeline for a set of inputs: load → model → infer → emit, in memory. Reading the
 * input files is its only I/O; `write` and `check` decide what to do with the result.
 */
import { PmgenError, type Diagnostic } from "./base/diagnostics.js";
import { inferTypes } from "./infer/index.js";
import type { TypeGraph } from "./infer/contract.js";
import { discoverCollections, type CollectionSource } from "./load/discover.js";
import { loadCollection, type LoadedCollection } from "./load/load-collection.js";
import { buildCollectionIR } from "./model/build.js";
import type { CollectionIR } from "./model/ir.js";
import { GENERATED_NAMES, operationDeclarations } from "./model/names.js";
import { collectTypeRequests, responseHeaderTypeNames, type TypeRequestOptions } from "./infer/requests.js";
import { AUTH_SCHEME_IMPORTS, emitCollection, INDEX_DECLARATIONS } from "./emit/emit-collection.js";
import { loadTemplates, type Templates } from "./emit/templates.js";
import { runtimeExportNames } from "./emit/runtime-files.js";
import { applyCollectionSettings, hasCollectionTransforms, type CollectionSettings } from "./config/settings.js";
import { relative } from "node:path";
import { compareText } from "./base/compare.js";
import { nowMs } from "./base/clock.js";

export interface PipelineOptions {
  /** Collection files or folders (relative to `cwd` or absolute), each optionally with settings. */
  inputs: readonly (string | CollectionSettings)[];
  cwd: string;
  templatesDir?: string;
  /** Already compiled templates (watch mode and tests reuse them); wins over `templatesDir`. */
  templates?: Templates;
  /** Called after each collection, for progress reporting. */
  onCollection?: (done: number, total: number, name: string) => void;
  /** Called as each stage of each collection starts, for a progress bar. */
  onStage?: (event: StageEvent) => void;
}

export type Stage = "load" | "model" | "infer" | "emit";
export const STAGES: readonly Stage[] = ["load", "model", "infer", "emit"];

export interface StageEvent {
  collection: string;
  /** 0-based index of the collection and how many there are. */
  index: number;
  total: number;
  stage: Stage;
}

export interface GeneratedCollection {
  source: CollectionSource;
  settings?: CollectionSettings;
  ir: CollectionIR;
  /** The named type graph inference gave (response header values left untyped). */
  types: TypeGraph;
  /** Files relative to the collection's output folder. */
  files: Map<string, string>;
  diagnostics: Diagnostic[];
  /** Milliseconds per stage. */
  timings: Record<Stage, number>;
}

/** Load and model only (for `inspect` and `openapi`), with the same settings and names as a run. */
export function modelCollections(
  inputs: readonly (string | CollectionSettings)[],
  cwd: string,
): { source: CollectionSource; ir: CollectionIR; diagnostics: Diagnostic[] }[] {
  const reserved = generatedNames();
  return discoverWithSettings(inputs, cwd).map(({ source, settings }) => {
    const { ir, diagnostics } = buildCollectionIR(loadWithSettings(source, settings, cwd), reserved);
    return { source, ir, diagnostics };
  });
}

/** A collection as loaded, with its `pmgen.config.json` settings (folders, auth) applied. */
function loadWithSettings(source: CollectionSource, settings: CollectionSettings | undefined, cwd: string): LoadedCollection {
  const raw = loadCollection(source, cwd);
  return settings && hasCollectionTransforms(settings) ? applyCollectionSettings(raw, settings) : raw;
}

/**
 * Names the generated index exports besides each operation's own: its own declarations, the
 * runtime's exports it re-exports, and `send`, the transport method every `ApiClient` has.
 * Neither operations nor inferred types may take them.
 */
export function generatedNames(): Set<string> {
  return new Set([...GENERATED_NAMES, ...INDEX_DECLARATIONS, ...AUTH_SCHEME_IMPORTS, ...runtimeExportNames(), "send"]);
}

/**
 * @param options.responseHeaders type response header values too (`pmgen openapi`); generated
 *   code does not use them. Left out, their names stay reserved, so every other type is named
 *   exactly as when they are typed.
 */
export function inferCollection(ir: CollectionIR, options: TypeRequestOptions = {}): TypeGraph {
  // Operation-level names (`XParams`, `XResult`, ...) are taken before types are named.
  const reserved = generatedNames();
  for (const op of ir.operations) for (const name of operationDeclarations(op.id)) reserved.add(name);
  if (options.responseHeaders === false) for (const name of responseHeaderTypeNames(ir)) reserved.add(name);
  return inferTypes(collectTypeRequests(ir, options), reserved);
}

/** The collections the inputs name, each with its settings; output names are unique. */
export function discoverWithSettings(
  inputs: readonly (string | CollectionSettings)[],
  cwd: string,
): { source: CollectionSource; settings?: CollectionSettings }[] {
  const found: { source: CollectionSource; settings?: CollectionSettings }[] = [];
  for (const input of inputs) {
    const settings = typeof input === "string" ? undefined : input;
    const path = typeof input === "string" ? input : relative(cwd, input.input) || ".";
    const sources = discoverCollections([path], cwd);
    if (settings?.name !== undefined) {
      if (sources.length !== 1) {
        throw new PmgenError(
          `${settings.configPath ?? "collection"}.name: "${path}" holds ${sources.length} collections; "name" needs exactly one`,
          { file: settings.configFile ?? path },
        );
      }
      sources[0] = { ...sources[0]!, name: settings.name };
    }
    // Environments named in the config replace the ones found beside the collection.
    if (settings?.environments !== undefined) sources.forEach((source, i) => (sources[i] = { ...source, environments: settings.environments! }));
    for (const source of sources) found.push({ source, settings });
  }
  const byName = new Map<string, CollectionSource>();
  const unique = found.filter(({ source }) => {
    const other = byName.get(source.name);
    if (other && other.path !== source.path) {
      throw new PmgenError(
        `two collections would both generate into "${source.name}/": ${other.displayPath} and ${source.displayPath}; rename one`,
        { file: source.displayPath },
      );
    }
    if (other) return false;
    byName.set(source.name, source);
    return true;
  });
  return unique.sort((a, b) => compareText(a.source.name, b.source.name));
}

export function runPipeline(options: PipelineOptions): GeneratedCollection[] {
  const templates: Templates = options.templates ?? loadTemplates(options.templatesDir);
  const found = discoverWithSettings(options.inputs, options.cwd);
  const reserved = generatedNames();
  return found.map(({ source, settings }, index) => {
    const timings: Record<Stage, number> = { load: 0, model: 0, infer: 0, emit: 0 };
    const stage = <T>(name: Stage, run: () => T): T => {
      options.onStage?.({ collection: source.name, index, total: found.length, stage: name });
      const started = nowMs();
      const result = run();
      timings[name] = nowMs() - started;
      return result;
    };
    const loaded = stage("load", () => loadWithSettings(source, settings, options.cwd));
    const { ir, diagnostics } = stage("model", () => buildCollectionIR(loaded, reserved));
    const types = stage("infer", () => inferCollection(ir, { responseHeaders: false }));
    const files = stage("emit", () => emitCollection(ir, types, templates));
    options.onCollection?.(index + 1, found.length, source.name);
    return { source, settings, ir, types, files, diagnostics: [...diagnostics, ...types.diagnostics], timings };
  });
}

/** Every output file of a run, keyed `collection/path`. */
export function outputFiles(collections: readonly GeneratedCollection[]): Map<string, string> {
  const all = new Map<string, string>();
  for (const c of collections) for (const [path, content] of c.files) all.set(`${c.source.name}/${path}`, content);
  return all;
}

export { PmgenError };
