/**
 * The report every format prints: collections, each with its operations that changed (breaking
 * ones first, then in collection order) and their classified changes (breaking first). Built
 * once from the comparisons, so text, Markdown and JSON always say the same thing. Its JSON
 * form is `--format json`; report.schema.json describes it.
 */
import type { Change } from "./changes.js";
import { classify } from "./classify.js";
import type { CollectionComparison } from "./compare-collections.js";
import type { OperationComparison } from "./compare-operations.js";

export const REPORT_VERSION = 1;

export interface DiffReport {
  pmgen: "diff";
  version: typeof REPORT_VERSION;
  /** As every command's JSON report: false only in the error document (`{ ok: false, error }`). */
  ok: true;
  /** What was compared: paths, or `<ref>` and `working tree`. */
  old: string;
  new: string;
  summary: Counts & { collections: number; operations: number };
  collections: CollectionReport[];
}

export interface Counts {
  breaking: number;
  nonBreaking: number;
}

export interface CollectionReport extends Counts {
  name: string;
  title: string;
  /** Where each side was read from; null for the side that does not have it. */
  old: string | null;
  new: string | null;
  /** Changes of the collection as a whole (variables, exported types, its description). */
  changes: Change[];
  /** The operations with changes. */
  operations: OperationReport[];
}

export interface OperationReport extends Counts {
  /** The method name in the new client (the old one's when the operation was removed). */
  id: string;
  /** The old method name, when it differs. */
  previousId?: string;
  method: string;
  path: string;
  /** `Folder / Item` in the collection. */
  item: string;
  changes: Change[];
}

export function buildReport(old: string, now: string, comparisons: readonly CollectionComparison[]): DiffReport {
  const collections = comparisons.map((comparison): CollectionReport => {
    const operations = comparison.operations.flatMap((o, order) => (o.findings.length ? [{ report: operationReport(o), order }] : []));
    // Operations that break callers come first; otherwise the collection's order is kept.
    operations.sort((a, b) => Number(b.report.breaking > 0) - Number(a.report.breaking > 0) || a.order - b.order);
    const changes = sortChanges(comparison.findings.map(classify));
    const reports = operations.map((o) => o.report);
    const surface = comparison.now ?? comparison.was!;
    return {
      name: comparison.name,
      title: surface.title,
      old: comparison.was?.displayPath ?? null,
      new: comparison.now?.displayPath ?? null,
      ...count([...changes, ...reports.flatMap((o) => o.changes)]),
      changes,
      operations: reports,
    };
  });
  return {
    pmgen: "diff",
    version: REPORT_VERSION,
    ok: true,
    old,
    new: now,
    summary: {
      breaking: collections.reduce((n, c) => n + c.breaking, 0),
      nonBreaking: collections.reduce((n, c) => n + c.nonBreaking, 0),
      collections: collections.filter((c) => c.breaking + c.nonBreaking > 0).length,
      operations: collections.reduce((n, c) => n + c.operations.length, 0),
    },
    collections,
  };
}

function operationReport(comparison: OperationComparison): OperationReport {
  const op = comparison.now ?? comparison.was!;
  const changes = sortChanges(comparison.findings.map(classify));
  return {
    id: op.id,
    ...(comparison.was && comparison.now && comparison.was.id !== comparison.now.id ? { previousId: comparison.was.id } : {}),
    method: op.method,
    path: op.path || "/",
    item: op.itemPath,
    ...count(changes),
    changes,
  };
}

function sortChanges(changes: Change[]): Change[] {
  return changes.map((change, order) => ({ change, order })).sort((a, b) => rank(a.change) - rank(b.change) || a.order - b.order).map((c) => c.change);
}

function rank(change: Change): number {
  return change.severity === "breaking" ? 0 : 1;
}

function count(changes: readonly Change[]): Counts {
  const breaking = changes.filter((c) => c.severity === "breaking").length;
  return { breaking, nonBreaking: changes.length - breaking };
}

/** `2 breaking, 5 non-breaking changes`, `1 breaking change`, `no changes`. */
export function countsText(counts: Counts): string {
  const total = counts.breaking + counts.nonBreaking;
  if (total === 0) return "no changes";
  const parts = [...(counts.breaking ? [`${counts.breaking} breaking`] : []), ...(counts.nonBreaking ? [`${counts.nonBreaking} non-breaking`] : [])];
  return `${parts.join(", ")} change${total === 1 ? "" : "s"}`;
}

/** A before/after value for one line: long texts (descriptions) cut, line breaks as spaces. */
export function shortValue(text: string, max = 80): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}
