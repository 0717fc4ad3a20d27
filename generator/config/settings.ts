/**
 * Per-collection settings (from `pmgen.config.json`) applied to a loaded collection before it
 * is modelled: `include`/`exclude` keep or drop folders by path, `auth` replaces the auth type
 * of the collection or of a folder and everything under it. Both act on the raw JSON, so the
 * model sees a collection that simply has fewer items or other auth blocks: names, headers the
 * auth computes, and source locations all follow without special cases.
 */
import { PmgenError } from "../base/diagnostics.js";
import type { LoadedCollection } from "../load/load-collection.js";
import { readModel } from "../load/load-collection.js";
import { KNOWN_AUTH_TYPES } from "../base/auth-types.js";

export const AUTH_OVERRIDE_TYPES = KNOWN_AUTH_TYPES;

export interface CollectionSettings {
  /** The collection file or folder, absolute. */
  input: string;
  /** Output folder name instead of the one derived from the file name. */
  name?: string;
  /** Output folder (the parent of `<name>/`), absolute. */
  out?: string;
  /** Folder paths (segments) to keep; everything else is dropped. */
  include?: string[][];
  /** Folder paths (segments) to drop. */
  exclude?: string[][];
  /** Folder path (`"A/B"`, `""` for the collection) → auth type. */
  auth?: Record<string, string>;
  /** Postman environment files (absolute), instead of the ones found beside the collection. */
  environments?: string[];
  /** Where the settings came from, for messages: `collections[2]`. */
  configPath?: string;
  /** The config file, for messages. */
  configFile?: string;
}

type RawNode = Record<string, unknown>;

export function hasCollectionTransforms(settings: CollectionSettings | undefined): boolean {
  return !!settings && !!(settings.include?.length || settings.exclude?.length || (settings.auth && Object.keys(settings.auth).length));
}

export function applyCollectionSettings(loaded: LoadedCollection, settings: CollectionSettings): LoadedCollection {
  const include = settings.include ?? [];
  const exclude = settings.exclude ?? [];
  const auth = settings.auth ?? {};
  const authKeys = Object.keys(auth).map((k) => (k === "" ? [] : k.split("/")));
  const matched = new Set<string>();
  const indexMap = new Map<string, string>();

  const isPrefix = (prefix: readonly string[], path: readonly string[]) =>
    prefix.length <= path.length && prefix.every((segment, i) => segment === path[i]);
  const key = (path: readonly string[]) => path.join("/");

  const walk = (items: unknown[], path: string[], oldPrefix: string, newPrefix: string): unknown[] => {
    const kept: unknown[] = [];
    items.forEach((value, index) => {
      const node = value as RawNode;
      const name = typeof node.name === "string" && node.name.trim() ? node.name.trim() : `#${index + 1}`;
      const nodePath = [...path, name];
      const isGroup = Array.isArray(node.item);
      for (const p of [...include, ...exclude]) if (key(p) === key(nodePath)) matched.add(key(p));
      for (const p of authKeys) if (key(p) === key(nodePath)) matched.add(`auth:${key(p)}`);
      if (exclude.some((p) => isPrefix(p, nodePath))) return;
      const inside = include.length === 0 || include.some((p) => isPrefix(p, nodePath));
      const ancestor = isGroup && include.some((p) => p.length > nodePath.length && isPrefix(nodePath, p));
      if (!inside && !ancestor) return;
      const oldIndex = `${oldPrefix}${index}`;
      const newIndex = `${newPrefix}${kept.length}`;
      const copy: RawNode = { ...node };
      const own = auth[key(nodePath)];
      const underOverride = authKeys.some((p) => p.length < nodePath.length && isPrefix(p, nodePath));
      if (isGroup) {
        if (own !== undefined) copy.auth = { type: own };
        else if (underOverride) delete copy.auth;
        copy.item = walk(node.item as unknown[], nodePath, `${oldIndex}/`, `${newIndex}/`);
        if ((copy.item as unknown[]).length === 0 && !inside) return;
      } else if ((underOverride || own !== undefined) && typeof node.request === "object" && node.request !== null) {
        // The request's own auth would win over the folder's: replace or drop it.
        const request = { ...(node.request as RawNode) };
        if (own !== undefined) request.auth = { type: own };
        else delete request.auth;
        copy.request = request;
      }
      indexMap.set(newIndex, oldIndex);
      kept.push(copy);
    });
    return kept;
  };

  const json: RawNode = { ...loaded.json, item: walk(loaded.json.item as unknown[], [], "", "") };
  if (auth[""] !== undefined) json.auth = { type: auth[""] };

  const where = settings.configPath ?? "collection settings";
  const file = settings.configFile ?? loaded.source.displayPath;
  for (const [list, name] of [[include, "include"], [exclude, "exclude"]] as const) {
    list.forEach((p, i) => {
      if (!matched.has(key(p))) {
        throw new PmgenError(`${where}.${name}[${i}]: no folder "${key(p)}" in ${loaded.source.displayPath}`, { file });
      }
    });
  }
  for (const p of authKeys) {
    if (p.length && !matched.has(`auth:${key(p)}`)) {
      throw new PmgenError(`${where}.auth[${JSON.stringify(key(p))}]: no folder "${key(p)}" in ${loaded.source.displayPath}`, { file });
    }
  }

  const fileOf = (indexPath: string) => loaded.fileOf(indexMap.get(indexPath) ?? indexPath);
  return { ...loaded, json, model: readModel(json, fileOf), fileOf };
}
