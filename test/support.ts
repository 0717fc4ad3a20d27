/** Shared test helpers: temp folders, paths of the fixtures and running the pipeline. */
import { mkdtempSync, rmSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = fileURLToPath(new URL("..", import.meta.url));
export const FIXTURES = join(ROOT, "test/fixtures/collections");
export const OCI_FOLDER = join(ROOT, "collections/oci-core-services");

/** A fresh folder under test/.tmp (inside the project so generated code resolves its imports). */
export function tempDir(prefix: string): { path: string; remove(): void } {
  const base = join(ROOT, "test/.tmp");
  mkdirSync(base, { recursive: true });
  const path = mkdtempSync(join(base, `${prefix}-`));
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
}
