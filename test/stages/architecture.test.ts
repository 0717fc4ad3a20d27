/**
 * Stages depend downward only: a module imports its own stage and the stages below it, never
 * one above (load → model → infer → emit/openapi; write beside them; config, then the pipeline,
 * then diff and the CLI on top). Checked on the import statements of every generator module.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT } from "../support.js";

const GENERATOR = join(ROOT, "generator");

/** Each stage folder and the stages it may import (its own always). */
const MAY_IMPORT: Record<string, readonly string[]> = {
  base: [],
  load: ["base"],
  model: ["base", "load"],
  infer: ["base", "model"],
  emit: ["base", "model", "infer"],
  openapi: ["base", "model", "infer"],
  write: ["base"],
  diff: ["base", "load", "model", "infer", "emit", "config", "."],
  config: ["base", "load", "model"],
  ".": ["base", "load", "model", "infer", "emit", "config", "write"],
  cli: ["base", "load", "model", "infer", "emit", "openapi", "write", "config", "diff", "."],
};

function modules(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === "types" ? [] : modules(path);
    return name.endsWith(".ts") ? [path] : [];
  });
}

/** The stage a generator file belongs to: its top folder under generator/, or "." for the files there. */
function stageOf(file: string): string {
  const parts = relative(GENERATOR, file).split("/");
  return parts.length === 1 ? "." : parts[0]!;
}

describe("generator modules", () => {
  it("import only their own stage and the stages below it", () => {
    const wrong: string[] = [];
    for (const file of modules(GENERATOR)) {
      const from = stageOf(file);
      const allowed = MAY_IMPORT[from];
      expect(allowed, `unknown stage folder ${from}`).toBeDefined();
      for (const match of readFileSync(file, "utf8").matchAll(/(?:from|import)\s*\(?\s*"(\.{1,2}\/[^"]+)"/g)) {
        const target = resolve(dirname(file), match[1]!);
        if (!target.startsWith(GENERATOR)) continue;
        const to = stageOf(target.replace(/\.js$/, ".ts"));
        if (to !== from && !allowed!.includes(to)) wrong.push(`${relative(ROOT, file)} (${from}) imports ${match[1]} (${to})`);
      }
    }
    expect(wrong).toEqual([]);
  });
});
