/**
 * The postman-collection SDK is CommonJS behind a re-export Node's ESM loader cannot see
 * through, so it is required, typed with the declarations it ships.
 */
import { createRequire, Module } from "node:module";

const require = createRequire(import.meta.url);

deferFaker();
export const sdk = require("postman-collection") as typeof import("postman-collection");

/**
 * The SDK requires faker (160 modules, ~60 ms) at load time for dynamic variables such as
 * `{{$randomCity}}`, which pmgen never resolves through the SDK (the generated runtime computes
 * them at call time). A stand-in module loads the real one on first use, so nothing changes
 * if the SDK ever does use it.
 */
function deferFaker(): void {
  const sdkRequire = createRequire(require.resolve("postman-collection"));
  let path: string;
  try {
    path = sdkRequire.resolve("@faker-js/faker/locale/en");
  } catch {
    return;
  }
  if (require.cache[path]) return;
  let real: Record<PropertyKey, unknown> | undefined;
  const load = () => {
    if (!real) {
      delete require.cache[path];
      real = sdkRequire(path) as Record<PropertyKey, unknown>;
    }
    return real;
  };
  const standIn = new Module(path);
  standIn.filename = path;
  standIn.loaded = true;
  standIn.exports = new Proxy({}, {
    get: (_, key) => load()[key],
    has: (_, key) => key in load(),
    ownKeys: () => Reflect.ownKeys(load()),
    getOwnPropertyDescriptor: (_, key) => Reflect.getOwnPropertyDescriptor(load(), key),
  });
  require.cache[path] = standIn;
}
export type * from "postman-collection";

/** An SDK PropertyList, or the raw JSON array it would be built from. */
export type ListLike = { all(): unknown } | readonly unknown[] | undefined | null;

/** The SDK's PropertyList is untyped; callers name what it holds. Raw arrays pass through. */
export function listOf<T>(list: ListLike): T[] {
  if (!list) return [];
  return (Array.isArray(list) ? list : (list as { all(): unknown }).all()) as T[];
}

export interface KeyValue {
  key: string;
  value?: string;
  disabled: boolean;
  description?: unknown;
}

/**
 * Key/value lists (headers, query, path variables) with keys and values as strings: the SDK
 * keeps whatever JSON the file had, so a numeric or object key would otherwise reach code that
 * expects text. Entries without a key are dropped.
 */
export function keyValues(list: ListLike): KeyValue[] {
  return listOf<{ key?: unknown; value?: unknown; disabled?: unknown; description?: unknown }>(list).flatMap((entry) => {
    if (!entry || typeof entry !== "object" || entry.key === null || entry.key === undefined) return [];
    const key = typeof entry.key === "string" ? entry.key : JSON.stringify(entry.key);
    const value = entry.value === null || entry.value === undefined ? undefined : typeof entry.value === "string" ? entry.value : JSON.stringify(entry.value);
    return [{ key, value, disabled: entry.disabled === true, description: entry.description }];
  });
}
