/**
 * Precision probes: an instance with the value at one position replaced by one of another JSON
 * type. Scalars flip string → number, number → string, boolean → string, null → boolean;
 * containers flip object → [] and array → {} (the root only when it is a scalar). Only flips the
 * truth rejects are kept: a flip the spec allows (a `string | number` field) says nothing.
 */
import { isObject, type Json } from "./json-pointer.js";
import { positionOf } from "./collection-samples.js";

export interface Flip {
  /** The normalized position (see positionOf) of the flipped value. */
  position: string;
  /** `$.a[0].b: string → number`, for reports. */
  label: string;
  /** The whole instance with that one value flipped (made on demand: instances can be large). */
  value(): Json;
}

type Path = (string | number)[];

function flipped(value: Json): { value: Json; change: string } {
  if (typeof value === "string") return { value: 42, change: "string → number" };
  if (typeof value === "number") return { value: String(value), change: "number → string" };
  if (typeof value === "boolean") return { value: String(value), change: "boolean → string" };
  if (value === null) return { value: true, change: "null → boolean" };
  if (Array.isArray(value)) return { value: {}, change: "array → object" };
  return { value: [], change: "object → array" };
}

function replaceAt(root: Json, path: Path, replacement: Json): Json {
  if (path.length === 0) return replacement;
  const copy = structuredClone(root);
  let parent = copy as Record<string | number, Json>;
  for (const step of path.slice(0, -1)) parent = parent[step] as Record<string | number, Json>;
  parent[path[path.length - 1]!] = replacement;
  return copy;
}

function label(path: Path): string {
  return `$${path.map((step) => (typeof step === "number" ? `[${step}]` : /^[A-Za-z_$][\w$]*$/.test(step) ? `.${step}` : `[${JSON.stringify(step)}]`)).join("")}`;
}

/** One flip per position of `instance` (every value but an object or array root). */
export function allFlips(instance: Json, declared: ReadonlySet<string>): Flip[] {
  const flips: Flip[] = [];
  const stack: [Json, Path][] = [[instance, []]];
  while (stack.length > 0) {
    const [node, path] = stack.pop()!;
    const container = Array.isArray(node) || isObject(node);
    if (path.length > 0 || !container) {
      const { value, change } = flipped(node);
      flips.push({ position: positionOf(path, declared), label: `${label(path)}: ${change}`, value: () => replaceAt(instance, path, value) });
    }
    if (Array.isArray(node)) node.forEach((child, i) => stack.push([child, [...path, i]]));
    else if (isObject(node)) for (const [key, child] of Object.entries(node)) stack.push([child, [...path, key]]);
  }
  return flips;
}
