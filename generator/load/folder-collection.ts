/**
 * Assembles a folder-form collection into one v2.1 collection object. `collection.json` holds
 * `info`, `variable`, `auth`, `event` and `description`; every other `*.json` file is one item
 * exactly as Postman exports it; each subfolder is an item group named after the folder, whose
 * optional `folder.json` may add `description`, `auth` and `variable`. Order is by file name,
 * so output never depends on the file system.
 */
import { readdirSync } from "node:fs";
import { join, relative } from "node:path";
import { PmgenError } from "../base/diagnostics.js";
import { FOLDER_MANIFEST, isEnvironmentFile } from "./discover.js";
import { readJsonFile } from "./read-json.js";
import { compareText } from "../base/compare.js";

export const GROUP_MANIFEST = "folder.json";

export interface AssembledCollection {
  json: Record<string, unknown>;
  /** Index path ("0/2/1") of each item → the file it came from. */
  itemFiles: Map<string, string>;
}

export function assembleFolderCollection(root: string, cwd: string): AssembledCollection {
  const manifestPath = join(root, FOLDER_MANIFEST);
  const manifest = readJsonFile(manifestPath, relative(cwd, manifestPath));
  if (!isObject(manifest) || !isObject(manifest.info)) {
    throw new PmgenError('collection.json must be an object with an "info" object', {
      file: relative(cwd, manifestPath),
    });
  }
  const itemFiles = new Map<string, string>();
  const item = readGroup(root, cwd, "", itemFiles, true);
  return { json: { ...manifest, item }, itemFiles };
}

function readGroup(dir: string, cwd: string, prefix: string, itemFiles: Map<string, string>, top: boolean): unknown[] {
  const entries = readdirSync(dir, { withFileTypes: true })
    .filter((e) => !e.name.startsWith("."))
    .sort((a, b) => compareText(a.name, b.name));
  const items: unknown[] = [];
  for (const entry of entries) {
    const path = join(dir, entry.name);
    const index = `${prefix}${items.length}`;
    if (entry.isDirectory()) {
      const groupManifest = readOptionalGroupManifest(path, cwd);
      items.push({ ...groupManifest, name: entry.name, item: readGroup(path, cwd, `${index}/`, itemFiles, false) });
      itemFiles.set(index, relative(cwd, path));
    } else if (entry.name.endsWith(".json")) {
      if (top && entry.name === FOLDER_MANIFEST) continue;
      if (entry.name === GROUP_MANIFEST) continue;
      // Environments beside the items belong to the collection (see discover.ts), not to its items.
      if (top && isEnvironmentFile(entry.name)) continue;
      const display = relative(cwd, path);
      const item = readJsonFile(path, display);
      if (!isObject(item)) throw new PmgenError("an item file must hold one JSON object", { file: display });
      items.push(item);
      itemFiles.set(index, display);
    }
  }
  return items;
}

function readOptionalGroupManifest(dir: string, cwd: string): Record<string, unknown> {
  const entries = readdirSync(dir);
  if (!entries.includes(GROUP_MANIFEST)) return {};
  const path = join(dir, GROUP_MANIFEST);
  const value = readJsonFile(path, relative(cwd, path));
  if (!isObject(value)) throw new PmgenError("folder.json must hold one JSON object", { file: relative(cwd, path) });
  const { description, auth, variable, event } = value;
  return { description, auth, variable, event };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
