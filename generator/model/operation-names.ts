/**
 * Unique method names. Each item's name becomes lowerCamelCase; names that collide are
 * qualified with their folder path (`users / List` → `usersList`), then numbered in collection
 * order, so the same collection always yields the same names.
 */
import type { DiagnosticSink } from "../diagnostics.js";
import type { OperationIR } from "./ir.js";
import { camelCase, isIdentifier, methodName, typeNameOf } from "./names.js";

type Draft = Omit<OperationIR, "id" | "typeName">;

export function assignMethodNames(drafts: readonly Draft[], sink: DiagnosticSink): OperationIR[] {
  const first = drafts.map((d) => methodName(d.name));
  drafts.forEach((d, i) => {
    const id = first[i]!;
    if (!/[A-Za-z0-9]/.test(d.name) || (!isIdentifier(d.name) && /^[0-9]/.test(d.name)) || id.endsWith("Operation")) {
      sink.warn(`item name "${d.name}" is not a usable identifier; its method is named ${id}`, d.source);
    }
  });
  const ids = qualifyCollisions(drafts, first, (d) => d.folderPath.slice(-1));
  const again = qualifyCollisions(drafts, ids, (d) => d.folderPath);
  const unique = numberCollisions(again);
  return drafts.map((d, i) => {
    const id = unique[i]!;
    if (id !== first[i]) {
      sink.warn(`item name "${d.name}" is used by more than one request; its method is named ${id}`, d.source);
    }
    return { ...d, id, typeName: typeNameOf(id) };
  });
}

function qualifyCollisions(drafts: readonly Draft[], ids: readonly string[], folders: (d: Draft) => string[]): string[] {
  const counts = countOf(ids);
  return ids.map((id, i) => {
    if (counts.get(id)! < 2) return id;
    const d = drafts[i]!;
    const prefix = camelCase(folders(d).join(" "));
    return prefix ? methodName(`${prefix} ${d.name}`) : id;
  });
}

function numberCollisions(ids: readonly string[]): string[] {
  const counts = countOf(ids);
  const seen = new Map<string, number>();
  const taken = new Set(ids);
  return ids.map((id) => {
    if (counts.get(id)! < 2) return id;
    const n = (seen.get(id) ?? 0) + 1;
    seen.set(id, n);
    if (n === 1) return id;
    let candidate = `${id}${n}`;
    for (let k = n; taken.has(candidate); k++) candidate = `${id}${k + 1}`;
    taken.add(candidate);
    return candidate;
  });
}

function countOf(ids: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const id of ids) counts.set(id, (counts.get(id) ?? 0) + 1);
  return counts;
}
