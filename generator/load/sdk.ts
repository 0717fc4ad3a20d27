/**
 * The postman-collection SDK is CommonJS behind a re-export Node's ESM loader cannot see
 * through, so it is required, typed with the declarations it ships. It is required on first
 * use: a canonical collection never needs it (see postman-model.ts), and requiring it costs
 * tens of milliseconds.
 */
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);

type Sdk = typeof import("postman-collection");
let loaded: Sdk | undefined;

export function postmanSdk(): Sdk {
  loaded ??= require("postman-collection") as Sdk;
  return loaded;
}

export type * from "postman-collection";

/** An SDK PropertyList, or the raw JSON array it would be built from. */
export type ListLike = { all(): unknown } | readonly unknown[] | undefined | null;

/** The SDK's PropertyList is untyped; callers name what it holds. Raw arrays pass through. */
export function listOf<T>(list: ListLike): T[] {
  if (!list) return [];
  return (Array.isArray(list) ? list : (list as { all(): unknown }).all()) as T[];
}
