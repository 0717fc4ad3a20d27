/**
 * Unique method names, in three phases:
 * 1. each item's own name as lowerCamelCase (`names.ts`: step numbers dropped, possessives
 *    joined, long names cut at a word boundary, reserved words suffixed);
 * 2. names that collide, ignoring letter case (a method is also a file name, and `reorder.ts`
 *    and `reOrder.ts` are one file on macOS and Windows), are qualified with their folder
 *    (`users / List` → `usersList`, remarks in parentheses left out), then with the whole
 *    folder path;
 * 3. names that still collide are numbered in collection order.
 * The same collection always yields the same names; every rename is a note naming the item.
 */
import type { DiagnosticSink } from "../base/diagnostics.js";
import type { OperationIR } from "./ir.js";
import { camelCase, isIdentifier, methodName, operationDeclarations, typeNameOf } from "./names.js";

type Draft = Omit<OperationIR, "id" | "typeName">;

/**
 * @param reserved names the generated index already exports (runtime, `createClient`...): an
 * operation whose declarations would take one gets the `Operation` suffix instead.
 */
export function assignMethodNames(drafts: readonly Draft[], sink: DiagnosticSink, reserved: ReadonlySet<string> = new Set()): OperationIR[] {
  const taken = (id: string) => operationDeclarations(id).some((name) => reserved.has(name));
  const own = drafts.map((d) => ownName(d, taken, sink));
  const byFolder = qualifyCollisions(drafts, own, (d) => d.folderPath.slice(-1), taken);
  const byPath = qualifyCollisions(drafts, byFolder, (d) => d.folderPath, taken);
  const unique = numberCollisions(byPath, taken);
  return drafts.map((d, i) => {
    const id = unique[i]!;
    if (id !== own[i]) {
      const why = own.filter((name) => name.toLowerCase() === own[i]!.toLowerCase()).some((name) => name !== own[i])
        ? `differs only in letter case from another request's ("${own[i]}")`
        : `is used by more than one request`;
      sink.note(`the method name of item "${d.name}" ${why}; its method is named ${id}`, d.source);
    }
    return { ...d, id, typeName: typeNameOf(id) };
  });
}

/** Phase 1: the item's own name, with a note when it is not the item name as written. */
function ownName(d: Draft, taken: (id: string) => boolean, sink: DiagnosticSink): string {
  const id = methodName(d.name, taken);
  const plain = methodName(d.name);
  if (id !== plain) {
    sink.note(`item name "${d.name}" names something the generated client already exports; its method is named ${id}`, d.source);
  } else if (camelCase(withoutStepNumber(d.name)).length > id.length) {
    sink.note(`item name "${d.name}" is long; its method is named ${id} (cut at a word boundary)`, d.source);
  } else if (withoutStepNumber(d.name) !== d.name) {
    sink.note(`item name "${d.name}" starts with a step number; its method is named ${id}`, d.source);
  } else if (!/[A-Za-z0-9]/.test(d.name) || (!isIdentifier(d.name) && /^[0-9]/.test(d.name)) || id.endsWith("Operation")) {
    sink.note(`item name "${d.name}" is not a usable identifier; its method is named ${id}`, d.source);
  }
  return id;
}

function withoutStepNumber(name: string): string {
  return name.replace(/^\s*\d+\s*[.):-]\s*(?=.*[A-Za-z])/, "");
}

/** Phase 2: names shared (ignoring case) by two or more items, prefixed with `folders(item)`. */
function qualifyCollisions(
  drafts: readonly Draft[],
  ids: readonly string[],
  folders: (d: Draft) => string[],
  taken: (id: string) => boolean,
): string[] {
  const counts = countOf(ids);
  return ids.map((id, i) => {
    if (counts.get(id.toLowerCase())! < 2) return id;
    const d = drafts[i]!;
    const prefix = camelCase(folders(d).map(withoutRemarks).join(" "));
    return prefix ? methodName(`${prefix} ${d.name}`, taken) : id;
  });
}

/**
 * A folder name as a qualifier: without a step number or remarks in parentheses or brackets
 * (`2 - Product (EE only)` → `Product`).
 */
function withoutRemarks(folder: string): string {
  const bare = withoutStepNumber(folder).replace(/\s*[([][^()[\]]*[)\]]/g, "").trim();
  return bare === "" ? folder : bare;
}

/** Phase 3: names that still collide (ignoring case) get a number, in collection order. */
function numberCollisions(ids: readonly string[], reserved: (id: string) => boolean): string[] {
  const counts = countOf(ids);
  const seen = new Map<string, number>();
  const taken = new Set(ids.map((id) => id.toLowerCase()));
  return ids.map((id) => {
    const lower = id.toLowerCase();
    if (counts.get(lower)! < 2) return id;
    const n = (seen.get(lower) ?? 0) + 1;
    seen.set(lower, n);
    if (n === 1) return id;
    let candidate = `${id}${n}`;
    for (let k = n; taken.has(candidate.toLowerCase()) || reserved(candidate); k++) candidate = `${id}${k + 1}`;
    taken.add(candidate.toLowerCase());
    return candidate;
  });
}

/** How many ids there are of each, ignoring letter case. */
function countOf(ids: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const id of ids) counts.set(id.toLowerCase(), (counts.get(id.toLowerCase()) ?? 0) + 1);
  return counts;
}
