/** A short, readable account of how the output differs from what generation produces. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { OutputPlan } from "./plan.js";

const MAX_DIFF_LINES = 12;

export interface DriftEntry {
  path: string;
  /** missing: pmgen would create it; changed: its content differs; stale: no longer generated. */
  status: "missing" | "changed" | "stale";
}

/** What differs, one entry per file, for machine-readable reports. */
export function driftEntries(plan: OutputPlan): DriftEntry[] {
  const entries: DriftEntry[] = [];
  for (const path of plan.write.keys()) entries.push({ path, status: plan.created.has(path) ? "missing" : "changed" });
  for (const path of plan.remove) entries.push({ path, status: "stale" });
  return entries;
}

export function describeDrift(plan: OutputPlan, outLabel: string): string {
  const lines: string[] = [];
  for (const [path, content] of plan.write) {
    if (plan.created.has(path)) {
      lines.push(`missing  ${outLabel}/${path}`);
      continue;
    }
    lines.push(`changed  ${outLabel}/${path}`);
    lines.push(...shortDiff(readFileSync(join(plan.outDir, path), "utf8"), content).map((l) => `    ${l}`));
  }
  for (const path of plan.remove) lines.push(`stale    ${outLabel}/${path} (no longer generated)`);
  return `${lines.join("\n")}\n`;
}

/** The first differing lines, `-` on disk and `+` expected, around the first change. */
export function shortDiff(actual: string, expected: string): string[] {
  const a = actual.split("\n");
  const b = expected.split("\n");
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length - 1;
  let endB = b.length - 1;
  while (endA >= start && endB >= start && a[endA] === b[endB]) {
    endA--;
    endB--;
  }
  const removed = a.slice(start, endA + 1).map((l) => `- ${l}`);
  const added = b.slice(start, endB + 1).map((l) => `+ ${l}`);
  const out = [`@@ line ${start + 1} @@`, ...removed.slice(0, MAX_DIFF_LINES / 2), ...added.slice(0, MAX_DIFF_LINES / 2)];
  const hidden = removed.length + added.length - (out.length - 1);
  if (hidden > 0) out.push(`... ${hidden} more changed line(s)`);
  return out;
}
