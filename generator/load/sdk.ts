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
 * them at call time). Its module body only reads generator functions off faker
 * (`generator: faker.address.city`), so a stand-in answers every property read with a lazy path
 * that loads the real faker when it is called or inspected: nothing changes if the SDK ever
 * does use it, and nothing is loaded if it does not.
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
  let real: unknown;
  const load = () => {
    if (real === undefined) {
      delete require.cache[path];
      real = sdkRequire(path);
    }
    return real;
  };
  const standIn = new Module(path);
  standIn.filename = path;
  standIn.loaded = true;
  standIn.exports = lazyPath(load, []);
  require.cache[path] = standIn;
}

/** `faker.a.b` without loading faker: resolved (with `this` = `faker.a`) when called or inspected. */
function lazyPath(load: () => unknown, keys: readonly PropertyKey[]): unknown {
  const resolve = (): { owner: unknown; value: unknown } => {
    let owner: unknown;
    let value = load();
    for (const key of keys) {
      owner = value;
      value = (value as Record<PropertyKey, unknown>)[key];
    }
    return { owner, value };
  };
  const target = () => undefined;
  const real = () => resolve().value as object;
  return new Proxy(target, {
    // Symbols (`util.inspect`, `Symbol.toPrimitive`) ask about the value itself: they load it.
    // The module object is never a thenable, as the real one is not.
    get: (_, key) =>
      typeof key === "symbol" ? Reflect.get(Object(real()), key) : key === "then" && keys.length === 0 ? undefined : lazyPath(load, [...keys, key]),
    apply: (_, __, args: unknown[]) => {
      const { owner, value } = resolve();
      return (value as (...a: unknown[]) => unknown).apply(owner, args);
    },
    has: (_, key) => key in real(),
    ownKeys: () => Reflect.ownKeys(real()),
    getOwnPropertyDescriptor: (_, key) => {
      const descriptor = Reflect.getOwnPropertyDescriptor(real(), key);
      // A proxy may only report a configurable property for a target that lacks it.
      return descriptor && { ...descriptor, configurable: true };
    },
  });
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
