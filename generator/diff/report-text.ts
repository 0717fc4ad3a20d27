/**
 * `pmgen diff` for a terminal or a CI log (the default format): one line per change under its
 * operation, breaking ones marked, so a reviewer reads the breaking changes first.
 */
import type { Change } from "./changes.js";
import { countsText, shortValue, type DiffReport } from "./report.js";

export function textReport(report: DiffReport): string {
  const lines = [`pmgen diff: ${report.old} → ${report.new}`, `${countsText(report.summary)}${report.collections.length > 1 ? ` in ${report.summary.collections} of ${report.collections.length} collections` : ""}`];
  for (const collection of report.collections) {
    if (collection.breaking + collection.nonBreaking === 0) continue;
    lines.push("", `${collection.name} (${collection.title}): ${countsText(collection)}`);
    const all = [...collection.changes, ...collection.operations.flatMap((o) => o.changes)];
    const width = Math.min(50, Math.max(...all.map((c) => c.location.length)));
    for (const op of collection.operations) {
      const was = op.previousId !== undefined ? ` (was ${op.previousId})` : "";
      lines.push(`  ${op.id}${was}  ${op.method} ${op.path}`);
      for (const change of op.changes) lines.push(changeLine(change, width));
    }
    if (collection.changes.length) {
      lines.push("  (collection)");
      for (const change of collection.changes) lines.push(changeLine(change, width));
    }
  }
  return `${lines.join("\n")}\n`;
}

function changeLine(change: Change, width: number): string {
  const mark = change.severity === "breaking" ? "BREAKING    " : "non-breaking";
  return `    ${mark}  ${change.location.padEnd(width)}  ${change.message}${values(change)}`;
}

/** `: string | number → string`, `(string)` for a removal, `(number)` for an addition. */
export function values(change: Change): string {
  const { before, after } = change;
  if (before !== undefined && after !== undefined) return `: ${shortValue(before, 60)} → ${shortValue(after, 60)}`;
  if (before !== undefined) return ` (was ${shortValue(before)})`;
  if (after !== undefined) return ` (${shortValue(after)})`;
  return "";
}
