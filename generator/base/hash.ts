/** The sha256 of a text (UTF-8), as hex: the manifest's content hashes. */
import { createRequire } from "node:module";

let crypto: typeof import("node:crypto") | undefined;

/** `node:crypto` is required on first use: an up-to-date run hashes nothing and does not load it. */
export function sha256Hex(text: string): string {
  crypto ??= createRequire(import.meta.url)("node:crypto") as typeof import("node:crypto");
  // The one-shot `crypto.hash` (Node 20.12 and later; pmgen needs 20.19) skips a Hash object
  // per file.
  return crypto.hash("sha256", text, "hex");
}
