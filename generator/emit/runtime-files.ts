/**
 * The runtime's TypeScript source, copied verbatim into each collection's `runtime/`: the
 * modules the generated code imports and everything they import (type imports included, since
 * the copy is type-checked), so a client carries only the code its collection needs.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { posix } from "node:path";
import { builtinTemplatesDir } from "./templates.js";

let cache: Map<string, string> | undefined;

/** The runtime modules reachable from `entries` (paths under `runtime/`, like `auth/oci.ts`), in path order. */
export function runtimeClosure(entries: readonly string[]): Map<string, string> {
  const all = runtimeFiles();
  const reached = new Set<string>();
  const stack = [...entries];
  while (stack.length > 0) {
    const path = stack.pop()!;
    if (reached.has(path)) continue;
    const source = all.get(path);
    if (source === undefined) throw new Error(`internal: no runtime module ${path}`);
    reached.add(path);
    for (const match of source.matchAll(/(?:from|import)\s*\(?\s*"(\.{1,2}\/[^"]+)\.js"/g)) {
      stack.push(posix.normalize(posix.join(posix.dirname(path), `${match[1]!}.ts`)));
    }
  }
  return new Map([...all].filter(([path]) => reached.has(path)));
}

/** Every runtime module (the closure picks from these). */
export function runtimeFiles(): Map<string, string> {
  if (cache) return cache;
  const root = join(builtinTemplatesDir(), "runtime");
  const files = new Map<string, string>();
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith(".ts") && !entry.name.endsWith(".test.ts")) {
        files.set(relative(root, path).split("\\").join("/"), readFileSync(path, "utf8"));
      }
    }
  };
  walk(root);
  cache = files;
  return files;
}

/**
 * Names the runtime's index exports. The generated index re-exports them beside the inferred
 * types, so inference must not give a type any of these names.
 */
export function runtimeExportNames(): string[] {
  const index = runtimeFiles().get("index.ts") ?? "";
  const names = new Set<string>();
  for (const block of index.matchAll(/export\s+(?:type\s+)?\{([^}]*)\}/g)) {
    for (const part of block[1]!.split(",")) {
      const name = part.trim().replace(/^type\s+/, "").split(/\s+as\s+/).pop()?.trim();
      if (name) names.add(name);
    }
  }
  for (const m of index.matchAll(/export\s+(?:declare\s+)?(?:async\s+)?(?:function|const|let|class|interface|type|enum)\s+([A-Za-z_$][\w$]*)/g)) {
    names.add(m[1]!);
  }
  return [...names].sort();
}
