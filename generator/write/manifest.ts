/**
 * pmgen owns exactly the files its manifest lists. It never overwrites or deletes anything
 * else in the output folder, so hand-written files can live beside generated ones.
 */
import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";

export const MANIFEST_FILE = ".pmgen-manifest.json";

export interface Manifest {
  /** Output path (relative to the output folder, `/`-separated) → sha256 of its content. */
  files: Record<string, string>;
}

export function hashContent(content: string): string {
  return createHash("sha256").update(content).digest("hex");
}

export function readManifest(outDir: string): Manifest {
  const path = join(outDir, MANIFEST_FILE);
  if (!existsSync(path)) return { files: {} };
  try {
    const parsed = JSON.parse(readFileSync(path, "utf8")) as Partial<Manifest>;
    return { files: typeof parsed.files === "object" && parsed.files ? parsed.files : {} };
  } catch {
    return { files: {} };
  }
}

export function renderManifest(manifest: Manifest): string {
  const files = Object.fromEntries(Object.entries(manifest.files).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  return `${JSON.stringify({ generator: "pmgen", files }, null, 2)}\n`;
}
