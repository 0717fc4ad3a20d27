/**
 * Unique method names. Each item's name becomes lowerCamelCase; names that collide are
 * qualified with their folder path (`users / List` → `usersList`), then numbered in collection
 * order, so the same collection always yields the same names.
 */
import type { DiagnosticSink } from "../diagnostics.js";
import type { OperationIR } from "./ir.js";
import { camelCase, isIdentifier, methodName, operationDeclarations, typeNameOf } from "./names.js";

type Draft = Omit<OperationIR, "id" | "typeName">;

/**
 * @param reserved names the generated index already exports (runtime, `createClient`...): an
 * operation whose declarations would take one gets the `Operation` suffix instead.
 */
export function assignMethodNames(drafts: readonly Draft[], sink: DiagnosticSink, reserved: ReadonlySet<string> = new Set()): OperationIR[] {
  const taken = (id: string) => operationDeclarations(id).some((name) => reserved.has(name));
  const first = drafts.map((d) => methodName(d.name, taken));
  drafts.forEach((d, i) => {
    const id = first[i]!;
    if (id !== methodName(d.name)) {
      sink.warn(`item name "${d.name}" names something the generated client already exports; its method is named ${id}`, d.source);
    } else if (!/[A-Za-z0-9]/.test(d.name) || (!isIdentifier(d.name) && /^[0-9]/.test(d.name)) || id.endsWith("Operation")) {
      sink.warn(`item name "${d.name}" is not a usable identifier; its method is named ${id}`, d.source);
    }
  });
  const ids = qualifyCollisions(drafts, first, (d) => d.folderPath.slice(-1), taken);
  const again = qualifyCollisions(drafts, ids, (d) => d.folderPath, taken);
  const unique = numberCollisions(again, taken);
  return drafts.map((d, i) => {
    const id = unique[i]!;
    if (id !== first[i]) {
      sink.warn(`item name "${d.name}" is used by more than one request; its method is named ${id}`, d.source);
    }
    return { ...d, id, typeName: typeNameOf(id) };
  });
}

function qualifyCollisions(
  drafts: readonly Draft[],
  ids: readonly string[],
  folders: (d: Draft) => string[],
  taken: (id: string) => boolean,
): string[] {
  const counts = countOf(ids);
  return ids.map((id, i) => {
    if (counts.get(id)! < 2) return id;
    const d = drafts[i]!;
    const prefix = camelCase(folders(d).join(" "));
    return prefix ? methodName(`${prefix} ${d.name}`, taken) : id;
  });
}

function numberCollisions(ids: readonly string[], reserved: (id: string) => boolean): string[] {
  const counts = countOf(ids);
  const seen = new Map<string, number>();
  const taken = new Set(ids);
  return ids.map((id) => {
    if (counts.get(id)! < 2) return id;
    const n = (seen.get(id) ?? 0) + 1;
    seen.set(id, n);
    if (n === 1) return id;
    let candidate = `${id}${n}`;
    for (let k = n; taken.has(candidate) || reserved(candidate); k++) candidate = `${id}${k + 1}`;
    taken.add(candidate);
    return candidate;
  });
}

function countOf(ids: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const id of ids) counts.set(id, (counts.get(id) ?? 0) + 1);
  return counts;
}
