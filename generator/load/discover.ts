/**
 * Finds the collections a command works on. A collection is either a single exported file
 * (`*.json`, v2.0 or v2.1) or a folder holding `collection.json` plus one exported item per
 * `*.json` file, with subfolders as item groups (the "folder form").
 */
import { existsSync, readdirSync, statSync } from "node:fs";
import { basename, dirname, join, relative, resolve } from "node:path";
import { PmgenError } from "../base/diagnostics.js";
import { compareText } from "../base/compare.js";

export interface CollectionSource {
  /** Output folder name, kebab-case. */
  name: string;
  /** Absolute path of the file or folder. */
  path: string;
  /** The path as shown in messages (relative to the working directory). */
  displayPath: string;
  form: "file" | "folder";
  /** Postman environment files that belong to the collection (absolute paths), in name order. */
  environments: string[];
}

export const FOLDER_MANIFEST = "collection.json";

/** Postman's export names: an environment or the globals, never a collection. */
const ENVIRONMENT_FILE = /\.postman_environment\.json$/i;
const NOT_A_COLLECTION = /\.postman_(?:environment|globals)\.json$/i;

export function isEnvironmentFile(name: string): boolean {
  return ENVIRONMENT_FILE.test(name);
}

export function discoverCollections(inputs: readonly string[], cwd: string): CollectionSource[] {
  const sources = inputs.flatMap((input) => expandInput(resolve(cwd, input), cwd, true));
  const byName = new Map<string, CollectionSource>();
  for (const source of sources) {
    const other = byName.get(source.name);
    if (other && other.path !== source.path) {
      throw new PmgenError(
        `two collections would both generate into "${source.name}/": ${other.displayPath} and ${source.displayPath}; rename one`,
        { file: source.displayPath },
      );
    }
    byName.set(source.name, source);
  }
  return [...byName.values()].sort((a, b) => compareText(a.name, b.name));
}

function expandInput(path: string, cwd: string, explicit: boolean): CollectionSource[] {
  const displayPath = relative(cwd, path) || ".";
  if (!existsSync(path)) throw new PmgenError("no such file or folder", { file: displayPath });
  if (statSync(path).isFile()) return [fileSource(path, displayPath)];
  if (existsSync(join(path, FOLDER_MANIFEST))) {
    const environments = readdirSync(path).filter(isEnvironmentFile).sort().map((name) => join(path, name));
    return [{ name: collectionName(basename(path)), path, displayPath, form: "folder", environments }];
  }
  // A folder without collection.json is a folder of collections (like `collections/`).
  const found = readdirSync(path, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() || (entry.name.endsWith(".json") && !NOT_A_COLLECTION.test(entry.name)))
    .map((entry) => entry.name)
    .sort()
    .flatMap((name) => {
      const child = join(path, name);
      if (statSync(child).isFile()) return [fileSource(child, relative(cwd, child))];
      return existsSync(join(child, FOLDER_MANIFEST)) ? expandInput(child, cwd, false) : [];
    });
  if (explicit && found.length === 0) {
    throw new PmgenError("no collections here: expected *.json files or folders with collection.json", {
      file: displayPath,
    });
  }
  return found;
}

function fileSource(path: string, displayPath: string): CollectionSource {
  const stem = basename(path).replace(/\.json$/i, "").replace(/\.postman_collection$/i, "");
  return { name: collectionName(stem), path, displayPath, form: "file", environments: environmentsBeside(path, stem) };
}

/**
 * The environment files beside a collection file: `<stem>.<env>.postman_environment.json`, or,
 * when the folder holds no other collection, every `*.postman_environment.json` in it (Postman
 * names an exported environment after the environment, not the collection).
 */
function environmentsBeside(path: string, stem: string): string[] {
  const dir = dirname(path);
  const names = readdirSync(dir);
  const environments = names.filter(isEnvironmentFile);
  const named = environments.filter((name) => name.toLowerCase().startsWith(`${stem.toLowerCase()}.`));
  const collections = names.filter((name) => name.endsWith(".json") && !NOT_A_COLLECTION.test(name));
  const chosen = named.length > 0 || collections.length > 1 ? named : environments;
  return chosen.sort().map((name) => join(dir, name));
}

/** `GitHub v3.postman_collection` → `github-v3`; `paypal.v2.0` keeps its dots as dashes. */
export function collectionName(stem: string): string {
  const name = stem
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/([a-z0-9])([A-Z])/g, "$1-$2")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  return name || "collection";
}
