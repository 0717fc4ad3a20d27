/**
 * Discriminated unions: objects at one position split into one type per value of a string
 * field when that field separates disjoint shapes.
 *
 * A field `f` discriminates when
 * - every object has `f` with a code-word string value (no spaces) and there are at least 2 values;
 * - values repeat (fewer groups than objects) or `f` has a conventional tag name (`type`,
 *   `kind`, `object`, `event`, ...), so ids and names are not taken for tags;
 * - at least 2 groups have keys of their own (keys that no other group has), and no two groups
 *   have the same key set.
 * Otherwise the objects merge into one type, keys missing from some objects becoming optional.
 */
import type { JsonValue } from "./contract.js";

type JsonObject = { [key: string]: JsonValue };

const TAG_NAMES = new Set([
  "type", "kind", "object", "object_type", "objectType", "event", "event_type", "eventType",
  "__typename", "@type", "resource_type", "resourceType", "entity", "variant", "tag", "action",
  "discriminator", "$type", "_type", "class",
]);

/** A code word (`push`, `payment.captured`, `ORDER_CREATED`); text with spaces is prose, not a tag. */
const TAG_VALUE = /^[A-Za-z0-9][A-Za-z0-9_.:\-]{0,63}$/;

export interface Discrimination {
  field: string;
  /** Objects per tag value, tags in first-seen order. */
  groups: { tag: string; objects: JsonObject[] }[];
}

export function findDiscriminator(objects: readonly JsonObject[]): Discrimination | undefined {
  if (objects.length < 2) return undefined;
  const first = objects[0]!;
  const candidates = Object.keys(first).filter((key) =>
    objects.every((object) => Object.hasOwn(object, key) && typeof object[key] === "string" && TAG_VALUE.test(object[key] as string)),
  );
  // Conventional tag names first, then the order of the first object's keys.
  candidates.sort((a, b) => Number(TAG_NAMES.has(b)) - Number(TAG_NAMES.has(a)));
  for (const field of candidates) {
    const byTag = new Map<string, JsonObject[]>();
    for (const object of objects) {
      const tag = object[field] as string;
      const group = byTag.get(tag);
      if (group === undefined) byTag.set(tag, [object]);
      else group.push(object);
    }
    if (byTag.size < 2) continue;
    if (byTag.size === objects.length && !TAG_NAMES.has(field)) continue;
    const keySets = [...byTag.values()].map((group) => {
      const keys = new Set<string>();
      for (const object of group) for (const key of Object.keys(object)) keys.add(key);
      return keys;
    });
    const signatures = new Set(keySets.map((keys) => [...keys].sort().join("\u0000")));
    if (signatures.size !== keySets.length) continue;
    let withOwnKeys = 0;
    keySets.forEach((keys, index) => {
      const own = [...keys].some((key) => keySets.every((other, j) => j === index || !other.has(key)));
      if (own) withOwnKeys++;
    });
    if (withOwnKeys < 2) continue;
    return { field, groups: [...byTag].map(([tag, groupObjects]) => ({ tag, objects: groupObjects })) };
  }
  return undefined;
}
