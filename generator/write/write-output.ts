/**
 * `write`: applies plans atomically enough that a failure leaves the output as it was. A file
 * that replaces another is first written beside it under a temporary name; only when every file
 * is written are those renamed into place (rename is atomic per file), then stale files are
 * removed and the manifest replaced. A new file is written in place, exclusively (`wx`), and
 * deleted again if the run fails: nothing was there to preserve, and on this kind of disk a fresh
 * output of 1,300 files costs half the metadata operations without the rename. The files go
 * through one `FileStream` (see write-files.ts), which may already hold files streamed while
 * they were generated.
 */
import { renameSync, rmSync, readdirSync, rmdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { compareText } from "../compare.js";
import { MANIFEST_FILE, renderManifest } from "./manifest.js";
import type { OutputPlan } from "./plan.js";
import { FileStream, type FileJob } from "./write-files.js";
import type { WriteHelper } from "./write-helper.js";

export interface WriteStats {
  /** Files written (new, replaced, and the manifests), streamed ones included. */
  written: number;
  /** How many of them the helper thread wrote. */
  byHelper: number;
}

/** One plan on its own stream (with a running helper to share the files with, if given). */
export function applyPlan(plan: OutputPlan, helper?: WriteHelper): WriteStats {
  return applyPlans([plan], new FileStream(helper));
}

/**
 * Writes what the plans call for through `stream`, skipping files it already holds, then
 * renames staged files into place and removes stale ones. On failure the whole stream is rolled
 * back, streamed files included, and the error thrown.
 */
export function applyPlans(plans: readonly OutputPlan[], stream: FileStream): WriteStats {
  const tag = `.pmgen-tmp-${process.pid}`;
  const jobs: FileJob[] = [];
  const staged: [string, string][] = [];
  const changed: OutputPlan[] = [];
  for (const plan of plans) {
    // Up to date: not even the manifest is rewritten.
    if (plan.write.size === 0 && plan.remove.length === 0 && sameEntries(plan.manifest.files, plan.nextManifest.files)) continue;
    changed.push(plan);
    for (const [path, content] of plan.write) {
      const target = join(plan.outDir, path);
      if (stream.has(target)) continue;
      if (plan.created.has(path)) jobs.push({ path: target, content, exclusive: true });
      else {
        staged.push([target + tag, target]);
        jobs.push({ path: target + tag, content, exclusive: false });
      }
    }
    const manifestPath = join(plan.outDir, MANIFEST_FILE);
    staged.push([manifestPath + tag, manifestPath]);
    jobs.push({ path: manifestPath + tag, content: renderManifest(plan.nextManifest), exclusive: false });
  }
  // In folder order: the two threads take files from opposite ends, so mostly from different folders.
  jobs.sort((a, b) => compareText(dirname(a.path), dirname(b.path)));
  try {
    for (const job of jobs) stream.add(job);
  } catch (error) {
    stream.rollback();
    throw error;
  }
  const outcome = stream.finish();
  if (outcome.error !== undefined) {
    stream.rollback();
    throw outcome.error;
  }
  for (const [temp, target] of staged) renameSync(temp, target);
  for (const plan of changed) {
    for (const path of plan.remove) {
      const target = join(plan.outDir, path);
      rmSync(target, { force: true });
      removeEmptyParents(dirname(target), plan.outDir);
    }
  }
  return { written: outcome.status.length, byHelper: outcome.byHelper };
}

/** Whether two manifests list the same files with the same hashes. */
function sameEntries(a: Readonly<Record<string, string>>, b: Readonly<Record<string, string>>): boolean {
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  return keys.every((key) => Object.hasOwn(b, key) && a[key] === b[key]);
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
