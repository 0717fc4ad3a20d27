/** Shared test helpers: temp folders, paths of the fixtures and running the pipeline. */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = fileURLToPath(new URL("..", import.meta.url));
export const FIXTURES = join(ROOT, "test/fixtures/collections");
export const OCI_FOLDER = join(ROOT, "collections/oci-core-services");
/** Permissively licensed corpus collections (and environments), copied from ../shared/collections. */
export const CORPUS = join(ROOT, "test/fixtures/corpus");
/**
 * The shared corpus beside the project, when present (development and CI machines have it; a
 * clone elsewhere does not): tests that cover "every collection" also run the ones whose
 * license keeps them out of the repository.
 */
export const SHARED_EXTRAS = join(ROOT, "../shared/collections");

/** A fresh folder under test/.tmp (inside the project so generated code resolves its imports). */
export function tempDir(prefix: string): { path: string; remove(): void } {
  const base = join(ROOT, "test/.tmp");
  mkdirSync(base, { recursive: true });
  const path = mkdtempSync(join(base, `${prefix}-`));
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
}

/** Every file under `root` (relative path → content), or {} when `root` does not exist. */
export function readTree(root: string): Record<string, string> {
  const files: Record<string, string> = {};
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else files[relative(root, path)] = readFileSync(path, "utf8");
    }
  };
  if (existsSync(root)) walk(root);
  return files;
}
