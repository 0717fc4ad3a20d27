/**
 * The postman-collection SDK is CommonJS behind a re-export Node's ESM loader cannot see
 * through, so it is required, typed with the declarations it ships.
 */
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);

export const sdk = require("postman-collection") as typeof import("postman-collection");
export type * from "postman-collection";

/** The SDK's PropertyList is untyped; callers name what it holds. */
export function listOf<T>(list: { all(): unknown } | undefined | null): T[] {
  return list ? (list.all() as T[]) : [];
}
