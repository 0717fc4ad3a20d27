/**
 * `load`: files → a validated Postman model with source locations. Reads a single-file or
 * folder-form collection, checks its structure, and builds the postman-collection SDK model.
 */
import { sdk as postman, type Collection } from "./sdk.js";
import { DiagnosticSink, PmgenError } from "../diagnostics.js";
import type { CollectionSource } from "./discover.js";
import { assembleFolderCollection } from "./folder-collection.js";
import { readJsonFile } from "./read-json.js";
import { validateCollectionJson, type SchemaVersion } from "./validate.js";

export interface LoadedCollection {
  source: CollectionSource;
  version: SchemaVersion;
  /** The raw JSON (for values the SDK drops, such as `_postman_previewlanguage`). */
  json: Record<string, unknown>;
  sdk: Collection;
  /** The file an item came from, by index path ("0/2/1"); the collection file when absent. */
  fileOf(indexPath: string): string;
  diagnostics: DiagnosticSink;
}

export function loadCollection(source: CollectionSource, cwd: string): LoadedCollection {
  const diagnostics = new DiagnosticSink();
  let json: Record<string, unknown>;
  let itemFiles = new Map<string, string>();
  if (source.form === "folder") {
    const assembled = assembleFolderCollection(source.path, cwd);
    json = assembled.json;
    itemFiles = assembled.itemFiles;
  } else {
    json = readJsonFile(source.path, source.displayPath) as Record<string, unknown>;
  }
  const version = validateCollectionJson(json, source.displayPath, (p) => itemFiles.get(p), diagnostics);
  const sdk = sdkCollection(json, source.displayPath);
  return {
    source,
    version,
    json,
    sdk,
    fileOf: (indexPath) => itemFiles.get(indexPath) ?? source.displayPath,
    diagnostics,
  };
}

/**
 * The SDK model of the collection's requests. Saved examples are left out: `model` reads them
 * from the raw JSON (see model/examples.ts), which on github-v3 saves three quarters of the
 * SDK's time.
 */
export function sdkCollection(json: Record<string, unknown>, displayPath: string): Collection {
  try {
    return new postman.Collection(withoutExamples(json) as ConstructorParameters<typeof postman.Collection>[0]);
  } catch (error) {
    // The SDK throws plain errors on shapes the schema forbids; name the file instead.
    throw new PmgenError(`the postman-collection SDK cannot read this collection: ${(error as Error).message}`, {
      file: displayPath,
    });
  }
}

function withoutExamples(node: Record<string, unknown>): Record<string, unknown> {
  const { response: _examples, ...rest } = node;
  if (!Array.isArray(rest.item)) return rest;
  return { ...rest, item: rest.item.map((child) => (child && typeof child === "object" ? withoutExamples(child as Record<string, unknown>) : child)) };
}
