/**
 * pmgen owns exactly the files its manifest lists. It never overwrites or deletes anything
 * else in the output folder, so hand-written files can live beside generated ones.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { compareText } from "../base/compare.js";

export const MANIFEST_FILE = ".pmgen-manifest.json";

export interface Manifest {
  /**
   * Output path (relative to the output folder, `/`-separated) → sha256 of the content pmgen
   * wrote there. A file found unchanged keeps the hash already listed (it is not hashed again).
   */
  files: Record<string, string>;
}


export function readManifest(outDir: string): Manifest {
  const path = join(outDir, MANIFEST_FILE);
  if (!existsSync(path)) return { files: {} };
  try {
    const parsed = JSON.parse(readFileSync(path, "utf8")) as Partial<Manifest>;
    const files: Record<string, string> = {};
    if (typeof parsed.files === "object" && parsed.files && !Array.isArray(parsed.files)) {
      // A manifest is only trusted with plain relative paths: an edited or hostile one must not
      // make pmgen delete or overwrite anything outside the output folder.
      for (const [file, hash] of Object.entries(parsed.files)) if (isSafeRelativePath(file) && typeof hash === "string") files[file] = hash;
    }
    return { files };
  } catch {
    return { files: {} };
  }
}

/**
 * The manifest's text: what `JSON.stringify({ generator: "pmgen", files }, null, 2)` writes with
 * the files in code-unit order (a test compares the two), written directly rather than through
 * an object built only to be stringified.
 */
export function renderManifest(manifest: Manifest): string {
  const paths = Object.keys(manifest.files).sort(compareText);
  if (paths.length === 0) return `{\n  "generator": "pmgen",\n  "files": {}\n}\n`;
  let text = `{\n  "generator": "pmgen",\n  "files": {`;
  for (let i = 0; i < paths.length; i++) {
    const path = paths[i]!;
    text += `${i === 0 ? "" : ","}\n    ${JSON.stringify(path)}: ${JSON.stringify(manifest.files[path])}`;
  }
  return `${text}\n  }\n}\n`;
}

/** `a/b.ts`, never absolute, never `..`, never empty segments or backslashes. */
export function isSafeRelativePath(path: string): boolean {
  if (!path || path.startsWith("/") || path.includes("\\") || path.includes("\0") || /^[a-z]:/i.test(path)) return false;
  return path.split("/").every((segment) => segment !== "" && segment !== "." && segment !== "..");
}
