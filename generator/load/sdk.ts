/**
 * The postman-collection SDK is CommonJS behind a re-export Node's ESM loader cannot see
 * through, so it is required, typed with the declarations it ships. It is required on first
 * use: a canonical collection never needs it (see postman-model.ts), and requiring it costs
 * 60-100 ms.
 */
import { createRequire, Module } from "node:module";

const require = createRequire(import.meta.url);

type Sdk = typeof import("postman-collection");
let loaded: Sdk | undefined;

export function postmanSdk(): Sdk {
  if (!loaded) {
    deferFaker();
    loaded = require("postman-collection") as Sdk;
  }
  return loaded;
}

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
