/** The sha256 of a text (UTF-8), as hex: the manifest's content hashes and the precompiled templates' keys. */
import { createHash } from "node:crypto";

export function sha256Hex(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}
