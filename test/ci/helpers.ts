/** Helpers of the CI tests: temp folders, buffered command output, reading a generated tree. */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import type { Io } from "../../generator/cli/io.js";

export const ROOT = fileURLToPath(new URL("../..", import.meta.url));
export const FIXTURES = join(ROOT, "test/fixtures/collections");
export const OCI_FOLDER = join(ROOT, "collections/oci-core-services");

/** A fresh folder under test/.tmp (inside the project, so generated code resolves the same way). */
export function tempDir(prefix: string): string {
  const base = join(ROOT, "test/.tmp");
  mkdirSync(base, { recursive: true });
  return mkdtempSync(join(base, `${prefix}-`));
}

export function removeDir(path: string): void {
  rmSync(path, { recursive: true, force: true });
}

export interface BufferedIo extends Io {
  stdout: string;
  stderr: string;
}

export function bufferedIo(isTTY = false): BufferedIo {
  const io: BufferedIo = {
    stdout: "",
    stderr: "",
    isTTY,
    out: (text) => void (io.stdout += text),
    err: (text) => void (io.stderr += text),
  };
  return io;
}

/** Every file under `dir`, by `/`-separated relative path. */
export function readTree(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const path = join(d, name);
      if (statSync(path).isDirectory()) walk(path);
      else files.set(relative(dir, path).split("\\").join("/"), readFileSync(path, "utf8"));
    }
  };
  walk(dir);
  return files;
}

/** Paths added, removed and changed between two trees. */
export function treeDiff(before: Map<string, string>, after: Map<string, string>) {
  const added = [...after.keys()].filter((p) => !before.has(p)).sort();
  const removed = [...before.keys()].filter((p) => !after.has(p)).sort();
  const changed = [...after.keys()].filter((p) => before.has(p) && before.get(p) !== after.get(p)).sort();
  return { added, removed, changed };
}

/** Names `export`ed at the top of types.ts, in order. */
export function declaredTypeNames(typesTs: string): string[] {
  return [...typesTs.matchAll(/^export (?:interface|type) ([A-Za-z_$][\w$]*)/gm)].map((m) => m[1]!);
}
