/**
 * `pmgen diff --format markdown`: a pull-request comment. Grouped by operation, the operations
 * that break callers first, each with a table of its changes (breaking first); operations with
 * only non-breaking changes fold into a `<details>` block so the comment leads with what needs
 * a decision.
 */
import type { Change } from "./changes.js";
import { countsText, shortValue, type CollectionReport, type DiffReport, type OperationReport } from "./report.js";

export function markdownReport(report: DiffReport): string {
  const out = [`### pmgen diff: ${countsText(report.summary)}`, "", `${code(report.old)} → ${code(report.new)}`];
  if (report.summary.breaking + report.summary.nonBreaking === 0) out.push("", "Nothing changes for callers of the generated clients.");
  for (const collection of report.collections) {
    if (collection.breaking + collection.nonBreaking > 0) out.push("", ...collectionSection(collection));
  }
  return `${out.join("\n")}\n`;
}

function collectionSection(collection: CollectionReport): string[] {
  const lines = [`#### ${code(collection.name)} (${cell(collection.title)}): ${countsText(collection)}`];
  const breaking = collection.operations.filter((o) => o.breaking > 0);
  const rest = collection.operations.filter((o) => o.breaking === 0);
  for (const op of breaking) lines.push("", ...operationSection(op));
  // Renamed types follow from how shapes are named (they can be many): folded, after the rest.
  const renames = collection.changes.filter((c) => c.code === "type-renamed");
  const others = collection.changes.filter((c) => c.code !== "type-renamed");
  if (others.length) lines.push("", "**The collection as a whole**", "", ...table(others));
  if (renames.length) {
    const label = `${renames.length} exported type${renames.length === 1 ? "" : "s"} renamed (breaking for code that imports ${renames.length === 1 ? "it" : "them"} by name)`;
    lines.push("", "<details>", `<summary>${label}</summary>`, "", ...table(renames), "", "</details>");
  }
  if (rest.length) {
    const label = `${rest.length} operation${rest.length === 1 ? "" : "s"} with non-breaking changes only`;
    // A blank line after <summary> lets GitHub render the Markdown inside.
    lines.push("", "<details>", `<summary>${label}</summary>`);
    for (const op of rest) lines.push("", ...operationSection(op));
    lines.push("", "</details>");
  }
  return lines;
}

function operationSection(op: OperationReport): string[] {
  const was = op.previousId !== undefined ? ` (was ${code(op.previousId)})` : "";
  return [`**${code(op.id)}**${was} ${code(`${op.method} ${op.path}`)}: ${countsText(op)}`, "", ...table(op.changes)];
}

function table(changes: readonly Change[]): string[] {
  return [
    "| | where | change | before | after |",
    "|---|---|---|---|---|",
    ...changes.map((c) =>
      `| ${c.severity === "breaking" ? "**breaking**" : "non-breaking"} | ${code(c.location)} | ${cell(c.message)} | ${c.before !== undefined ? code(shortValue(c.before)) : ""} | ${c.after !== undefined ? code(shortValue(c.after)) : ""} |`,
    ),
  ];
}

/** Text in a table cell: pipes escaped (GitHub requires it inside code spans too), one line. */
function cell(text: string): string {
  return text.replace(/\s+/g, " ").replace(/\|/g, "\\|");
}

/** A code span that holds any backticks the text has. */
function code(text: string): string {
  const flat = cell(text);
  const longest = Math.max(0, ...[...flat.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = "`".repeat(longest + 1);
  return flat.startsWith("`") || flat.endsWith("`") ? `${fence} ${flat} ${fence}` : `${fence}${flat}${fence}`;
}
