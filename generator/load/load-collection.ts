/**
 * `load`: files → a validated Postman model with source locations. Reads a single-file or
 * folder-form collection, checks its structure, and reads its requests as the
 * postman-collection SDK would (see postman-model.ts).
 */
import { basename, relative } from "node:path";
import { DiagnosticSink } from "../base/diagnostics.js";
import { loadEnvironment, type LoadedEnvironment } from "./environments.js";
import type { CollectionSource } from "./discover.js";
import { assembleFolderCollection } from "./folder-collection.js";
import { readPostmanModel, type PostmanModel } from "./postman-model.js";
import { readJsonFile } from "./read-json.js";
import { sdkFallback } from "./sdk-model.js";
import { validateCollectionJson, type SchemaVersion } from "./validate.js";

export interface LoadedCollection {
  source: CollectionSource;
  version: SchemaVersion;
  /**
   * The raw JSON (for values the SDK drops, such as `_postman_previewlanguage`), without the
   * parts validation dropped.
   */
  json: Record<string, unknown>;
  model: PostmanModel;
  /** The collection's Postman environments (see discover.ts), in file name order. */
  environments: LoadedEnvironment[];
  /** The file an item came from, by index path ("0/2/1"); the collection file when absent. */
  fileOf(indexPath: string): string;
  diagnostics: DiagnosticSink;
}

export function loadCollection(source: CollectionSource, cwd: string): LoadedCollection {
  const diagnostics = new DiagnosticSink();
  let raw: unknown;
  let assembledFiles = new Map<string, string>();
  if (source.form === "folder") {
    const assembled = assembleFolderCollection(source.path, cwd);
    raw = assembled.json;
    assembledFiles = assembled.itemFiles;
  } else {
    raw = readJsonFile(source.path, source.displayPath);
  }
  const { version, json, itemFiles } = validateCollectionJson(raw, source.displayPath, (p) => assembledFiles.get(p), diagnostics);
  const fileOf = (indexPath: string) => itemFiles.get(indexPath) ?? source.displayPath;
  const stem = basename(source.path).replace(/\.json$/i, "").replace(/\.postman_collection$/i, "");
  const environments = source.environments.map((path) => loadEnvironment(path, relative(cwd, path) || path, stem, diagnostics));
  return { source, version, json, model: readModel(json, fileOf), environments, fileOf, diagnostics };
}

/** The request model of a validated collection; the SDK is loaded only if a shape needs it. */
export function readModel(json: Record<string, unknown>, fileOf: (indexPath: string) => string): PostmanModel {
  let fallback: ReturnType<typeof sdkFallback> | undefined;
  return readPostmanModel(json, fileOf, () => (fallback ??= sdkFallback()));
}
