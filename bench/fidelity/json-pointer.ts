/**
 * JSON values and local JSON pointers (`#/components/schemas/Pet`): the benchmark addresses
 * every truth schema by its pointer into the spec, so `$ref`s anywhere in the document (also
 * into `#/paths/...`, as bundled specs have) resolve the same way for ajv and the instance
 * generator.
 */

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

export function isObject(value: unknown): value is JsonObject {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

export function escapeSegment(segment: string): string {
  return segment.replace(/~/g, "~0").replace(/\//g, "~1");
}

/** `#/a/b` + `c/d` → `#/a/b/c~1d`. */
export function childPointer(pointer: string, ...segments: string[]): string {
  return `${pointer}${segments.map((s) => `/${escapeSegment(s)}`).join("")}`;
}

/** The value at a local pointer (`#/...`), or undefined when any step is missing. */
export function resolvePointer(document: Json, pointer: string): Json | undefined {
  if (!pointer.startsWith("#")) return undefined;
  const path = pointer.slice(1);
  if (path === "") return document;
  let node: Json | undefined = document;
  for (const raw of path.slice(1).split("/")) {
    const segment = decodeURIComponent(raw).replace(/~1/g, "/").replace(/~0/g, "~");
    if (Array.isArray(node)) node = node[Number(segment)];
    else if (isObject(node) && Object.hasOwn(node, segment)) node = node[segment];
    else return undefined;
  }
  return node;
}

/** Follows `$ref`s (local ones only) from `node` until a node without one; undefined on a dangling or cyclic chain. */
export function followRefs(document: Json, node: Json | undefined): Json | undefined {
  const seen = new Set<Json>();
  let current = node;
  while (isObject(current) && typeof current.$ref === "string") {
    if (seen.has(current)) return undefined;
    seen.add(current);
    current = resolvePointer(document, current.$ref);
  }
  return current;
}
