/**
 * `pmgen.config.json`: which collections to generate, where, and how. Read from the working
 * directory (or `--config <file>`), validated strictly: every problem names the file and the
 * JSON path of the offending value (`collections[1].include[0]`), and unknown keys are errors
 * so a typo never passes silently. Command-line flags override what the file says.
 *
 * ```json
 * {
 *   "out": "generated",
 *   "templates": "my-templates",
 *   "collections": [
 *     "collections/postman-echo.json",
 *     {
 *       "input": "collections/oci-core-services",
 *       "name": "oci",
 *       "out": "src/clients",
 *       "include": ["volumeBackups"],
 *       "exclude": ["volumeBackups/Legacy"],
 *       "auth": { "": "oci", "public": "noauth" },
 *       "environments": ["envs/oci-prod.postman_environment.json"]
 *     }
 *   ]
 * }
 * ```
 */
import { existsSync } from "node:fs";
import { dirname, relative, resolve } from "node:path";
import { PmgenError } from "../base/diagnostics.js";
import { readJsonFile } from "../load/read-json.js";
import { AUTH_OVERRIDE_TYPES, type CollectionSettings } from "./settings.js";

export const CONFIG_FILE = "pmgen.config.json";

export interface PmgenConfig {
  /** The config file, absolute. */
  file: string;
  /** As shown in messages. */
  displayPath: string;
  /** Default output folder, absolute. */
  out?: string;
  /** Template override folder, absolute. */
  templates?: string;
  collections: CollectionSettings[];
}

const TOP_KEYS = ["$schema", "out", "templates", "collections"] as const;
const COLLECTION_KEYS = ["input", "name", "out", "include", "exclude", "auth", "environments"] as const;

/**
 * The config in effect: `explicit` (from `--config`) must exist; otherwise `pmgen.config.json`
 * in `cwd` is read when present. Paths in the file are relative to the file's folder.
 */
export function loadConfig(cwd: string, explicit?: string): PmgenConfig | undefined {
  const file = resolve(cwd, explicit ?? CONFIG_FILE);
  const displayPath = relative(cwd, file) || file;
  if (!existsSync(file)) {
    if (explicit) throw new PmgenError("config file not found", { file: displayPath });
    return undefined;
  }
  return parseConfig(readJsonFile(file, displayPath), file, displayPath);
}

export function parseConfig(json: unknown, file: string, displayPath: string): PmgenConfig {
  const base = dirname(file);
  const fail = (path: string, message: string): never => {
    throw new PmgenError(`${path ? `${path}: ` : ""}${message}`, { file: displayPath });
  };
  const root = objectAt(json, "", fail);
  unknownKeys(root, TOP_KEYS, "", fail);
  const config: PmgenConfig = { file, displayPath, collections: [] };
  if (root.out !== undefined) config.out = resolve(base, nonEmptyString(root.out, "out", fail));
  if (root.templates !== undefined) {
    config.templates = resolve(base, nonEmptyString(root.templates, "templates", fail));
    if (!existsSync(config.templates)) fail("templates", `folder not found: ${relative(dirname(file), config.templates)}`);
  }
  if (root.collections !== undefined) {
    if (!Array.isArray(root.collections)) fail("collections", "expected an array of collection paths or objects");
    (root.collections as unknown[]).forEach((entry, i) => {
      config.collections.push(collectionSettings(entry, `collections[${i}]`, base, fail));
    });
  }
  const names = new Map<string, string>();
  config.collections.forEach((c, i) => {
    if (c.name === undefined) return;
    const other = names.get(c.name);
    if (other) fail(`collections[${i}].name`, `"${c.name}" is already used by ${other}`);
    names.set(c.name, `collections[${i}]`);
  });
  return config;
}

function collectionSettings(entry: unknown, path: string, base: string, fail: (path: string, message: string) => never): CollectionSettings {
  if (typeof entry === "string") return { input: resolve(base, nonEmptyString(entry, path, fail)), configPath: path };
  const obj = objectAt(entry, path, fail, "expected a collection path or an object with \"input\"");
  unknownKeys(obj, COLLECTION_KEYS, path, fail);
  if (obj.input === undefined) fail(path, 'missing "input": the collection file or folder');
  const settings: CollectionSettings = { input: resolve(base, nonEmptyString(obj.input, `${path}.input`, fail)), configPath: path };
  if (obj.name !== undefined) {
    const name = nonEmptyString(obj.name, `${path}.name`, fail);
    if (!/^[a-z0-9][a-z0-9._-]*$/i.test(name) || name.includes("..")) {
      fail(`${path}.name`, `"${name}" is not a usable folder name (letters, digits, ".", "_", "-")`);
    }
    settings.name = name;
  }
  if (obj.out !== undefined) settings.out = resolve(base, nonEmptyString(obj.out, `${path}.out`, fail));
  for (const key of ["include", "exclude"] as const) {
    const value = obj[key];
    if (value === undefined) continue;
    if (!Array.isArray(value)) fail(`${path}.${key}`, "expected an array of folder paths (\"Folder/Sub\")");
    settings[key] = (value as unknown[]).map((p, j) => folderPath(p, `${path}.${key}[${j}]`, fail));
  }
  if (obj.environments !== undefined) {
    if (!Array.isArray(obj.environments)) fail(`${path}.environments`, "expected an array of Postman environment files");
    settings.environments = (obj.environments as unknown[]).map((file, j) => {
      const where = `${path}.environments[${j}]`;
      const absolute = resolve(base, nonEmptyString(file, where, fail));
      if (!existsSync(absolute)) fail(where, `file not found: ${relative(base, absolute)}`);
      return absolute;
    });
  }
  if (obj.auth !== undefined) {
    const auth = obj.auth;
    const byFolder: Record<string, string> = {};
    if (typeof auth === "string") byFolder[""] = authType(auth, `${path}.auth`, fail);
    else {
      const map = objectAt(auth, `${path}.auth`, fail, 'expected an auth type ("bearer") or an object { "Folder/Sub": "bearer" } ("" is the whole collection)');
      for (const [folder, type] of Object.entries(map)) {
        const where = `${path}.auth[${JSON.stringify(folder)}]`;
        if (typeof type !== "string") fail(where, "expected an auth type string");
        byFolder[folder === "" ? "" : folderPath(folder, where, fail).join("/")] = authType(type as string, where, fail);
      }
    }
    settings.auth = byFolder;
  }
  return settings;
}

function authType(value: string, path: string, fail: (path: string, message: string) => never): string {
  const type = value.toLowerCase();
  if (!(AUTH_OVERRIDE_TYPES as readonly string[]).includes(type)) {
    fail(path, `unknown auth type "${value}"; expected one of ${AUTH_OVERRIDE_TYPES.join(", ")}`);
  }
  return type;
}

/** `"Folder / Sub"` or `"Folder/Sub"` → `["Folder", "Sub"]`. */
function folderPath(value: unknown, path: string, fail: (path: string, message: string) => never): string[] {
  const text = nonEmptyString(value, path, fail);
  const parts = text.split("/").map((p) => p.trim());
  if (parts.some((p) => !p)) fail(path, `"${text}" has an empty segment; write folder paths as "Folder/Sub"`);
  return parts;
}

function objectAt(value: unknown, path: string, fail: (path: string, message: string) => never, message = "expected an object"): Record<string, unknown> {
  if (typeof value !== "object" || value === null || Array.isArray(value)) fail(path, message);
  return value as Record<string, unknown>;
}

function nonEmptyString(value: unknown, path: string, fail: (path: string, message: string) => never): string {
  if (typeof value !== "string" || !value.trim()) fail(path, "expected a non-empty string");
  return value as string;
}

function unknownKeys(obj: Record<string, unknown>, allowed: readonly string[], path: string, fail: (path: string, message: string) => never): void {
  for (const key of Object.keys(obj)) {
    if (!allowed.includes(key)) fail(path ? `${path}.${key}` : key, `unknown key; expected one of ${allowed.join(", ")}`);
  }
}
