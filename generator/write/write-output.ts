/**
 * `write`: applies a plan atomically enough that a failure leaves the output as it was. Every
 * new file is first written beside its target under a temporary name; only when all are staged
 * are they renamed into place (rename is atomic per file), then stale files are removed and the
 * manifest replaced.
 */
import { mkdirSync, renameSync, rmSync, writeFileSync, readdirSync, rmdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { MANIFEST_FILE, renderManifest } from "./manifest.js";
import type { OutputPlan } from "./plan.js";

export function applyPlan(plan: OutputPlan): void {
  const tag = `.pmgen-tmp-${process.pid}`;
  const staged: [string, string][] = [];
  try {
    for (const [path, content] of plan.write) {
      const target = join(plan.outDir, path);
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target + tag, content);
      staged.push([target + tag, target]);
    }
    const manifestPath = join(plan.outDir, MANIFEST_FILE);
    mkdirSync(plan.outDir, { recursive: true });
    writeFileSync(manifestPath + tag, renderManifest(plan.nextManifest));
    staged.push([manifestPath + tag, manifestPath]);
  } catch (error) {
    for (const [temp] of staged) rmSync(temp, { force: true });
    throw error;
  }
  for (const [temp, target] of staged) renameSync(temp, target);
  for (const path of plan.remove) {
    const target = join(plan.outDir, path);
    rmSync(target, { force: true });
    removeEmptyParents(dirname(target), plan.outDir);
  }
}

function removeEmptyParents(dir: string, stop: string): void {
  while (dir.startsWith(stop) && dir !== stop) {
    try {
      if (readdirSync(dir).length) return;
      rmdirSync(dir);
    } catch {
      return;
    }
    dir = dirname(dir);
  }
}
