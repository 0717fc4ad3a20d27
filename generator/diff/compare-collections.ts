/**
 * Pairs the collections of the two sides and compares each pair: its operations
 * (compare-operations.ts), its `ClientVariables`, and the type names `types.ts` exports. Two
 * sides of one collection each pair whatever their file names (`lob-v1.json` against
 * `lob-v2.json`); several pair by output name, and the unpaired were added or removed.
 */
import type { NamedType } from "../infer/contract.js";
import { tsTypeOf } from "../emit/graph-types.js";
import { declaredNames, type TsType } from "../emit/ts/index.js";
import type { CollectionSurface, OperationSurface, VariableSurface } from "./caller-surface.js";
import type { Finding } from "./changes.js";
import { compareOperations, describe, type OperationComparison } from "./compare-operations.js";
import { TypeComparer } from "./compare-types.js";

export interface CollectionComparison {
  name: string;
  was?: CollectionSurface;
  now?: CollectionSurface;
  /** Changes of the collection as a whole: variables, exported types, description. */
  findings: Finding[];
  operations: OperationComparison[];
}

export function compareCollections(was: readonly CollectionSurface[], now: readonly CollectionSurface[]): CollectionComparison[] {
  if (was.length === 1 && now.length === 1) return [compareCollection(was[0]!, now[0]!)];
  const nowByName = new Map(now.map((c) => [c.name, c]));
  const wasNames = new Set(was.map((c) => c.name));
  const results: CollectionComparison[] = [];
  for (const before of was) {
    const after = nowByName.get(before.name);
    results.push(
      after
        ? compareCollection(before, after)
        : { name: before.name, was: before, findings: [{ code: "collection-removed", direction: "input", location: { part: "collection" }, before: before.displayPath }], operations: [] },
    );
  }
  for (const after of now) {
    if (!wasNames.has(after.name)) {
      results.push({ name: after.name, now: after, findings: [{ code: "collection-added", direction: "input", location: { part: "collection" }, after: after.displayPath }], operations: [] });
    }
  }
  return results.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

function compareCollection(was: CollectionSurface, now: CollectionSurface): CollectionComparison {
  const types = new TypeComparer(was.declarations, now.declarations);
  const operations = compareOperations(was, now, types);
  const findings: Finding[] = [];
  const add = (finding: Finding) => findings.push(finding);
  describe(was.description, now.description, { part: "description" }, "input", add);
  compareVariables(was.variables, now.variables, add);
  compareTypeNames(was, now, types, operations, add);
  return { name: now.name, was, now, findings, operations };
}

/** `ClientVariables`: what `createClient({ variables })` requires and accepts. */
function compareVariables(was: readonly VariableSurface[], now: readonly VariableSurface[], add: (f: Finding) => void): void {
  const nowByKey = new Map(now.map((v) => [v.key, v]));
  const wasKeys = new Set(was.map((v) => v.key));
  for (const before of was) {
    const location = { part: "variables", key: before.key } as const;
    const after = nowByKey.get(before.key);
    if (!after) {
      add({ code: "removed", direction: "input", location, ...(before.default !== undefined ? { before: before.default } : {}) });
      continue;
    }
    if (before.required !== after.required) add({ code: after.required ? "became-required" : "became-optional", direction: "input", location });
    // With the `?` unchanged, a default that goes away (or comes) still changes what is sent.
    if (before.default !== after.default && before.required === after.required) {
      const code = before.default === undefined ? "default-added" : after.default === undefined ? "default-removed" : "default-changed";
      add({ code, direction: "input", location, ...(before.default !== undefined ? { before: before.default } : {}), ...(after.default !== undefined ? { after: after.default } : {}) });
    }
    describe(before.description, after.description, location, "input", add);
  }
  for (const after of now) {
    if (!wasKeys.has(after.key)) {
      add({ code: after.required ? "added-required" : "added-optional", direction: "input", location: { part: "variables", key: after.key }, ...(after.default !== undefined ? { after: after.default } : {}) });
    }
  }
}

/**
 * Type names `types.ts` no longer exports while a position that held one now holds a type of
 * another name: code that imports the old name stops compiling. A name whose positions were all
 * removed (a field, a status, an operation) goes with that removal; types named after an
 * operation that was renamed (`GetUserResponse200`) go with the operation's rename.
 */
function compareTypeNames(was: CollectionSurface, now: CollectionSurface, types: TypeComparer, operations: readonly OperationComparison[], add: (f: Finding) => void): void {
  const kept = operations.filter((o) => o.was && o.now && o.was.id === o.now.id).map((o) => o.was!);
  const stillUsed = reachableNames(kept.flatMap(typesOfOperation), was.declarations);
  for (const name of was.declarations.keys()) {
    if (now.declarations.has(name) || !stillUsed.has(name)) continue;
    const pairs = [...(types.namePairs.get(name) ?? [])];
    // New names first (a shape split in two has two); else the old type it was merged into.
    const fresh = pairs.filter((candidate) => !was.declarations.has(candidate));
    const renamedTo = fresh.length ? fresh.join(", ") : pairs[0];
    if (renamedTo !== undefined) add({ code: "type-renamed", direction: "input", location: { part: "types", key: name }, before: name, after: renamedTo });
  }
}

function typesOfOperation(op: OperationSurface): TsType[] {
  return [...[...op.pathParams, ...op.query, ...op.headers].map((p) => p.type), ...(op.body ? [op.body.type] : []), ...op.responses.map((r) => r.body)];
}

/** The declared names the types mention, directly or through other declarations. */
function reachableNames(roots: readonly TsType[], declarations: ReadonlyMap<string, NamedType>): Set<string> {
  const found = new Set<string>();
  const pending = [...new Set(roots.flatMap((type) => [...declaredNames(type)]))];
  while (pending.length) {
    const name = pending.pop()!;
    if (found.has(name)) continue;
    found.add(name);
    const node = declarations.get(name)?.node;
    if (!node) continue;
    for (const type of [...node.properties.map((p) => p.type), ...(node.additional ? [node.additional] : [])]) pending.push(...declaredNames(tsTypeOf(type)));
  }
  return found;
}
