/**
 * What a converted collection holds for each spec unit: the item that is the unit's operation
 * (same method, same path template; parameters compared by position only, since `{id}`, `:id`
 * and `{{id}}` name them differently), and the JSON bodies saved in it for the unit (the
 * examples of that status, or the request body and each example's original request body).
 * Those bodies are what quicktype is given, and where the "seen" positions come from.
 */
import { isObject, type Json } from "./json-pointer.js";
import type { SpecUnit } from "./spec-units.js";

/** A path template with every parameter written `{}`, without a trailing slash: `/pets/{}/toys`. */
export function pathKey(path: string): string {
  const segments = path.split("/").map((segment) => (/\{[^}]*\}|^:/.test(segment) ? "{}" : segment));
  const joined = segments.join("/").replace(/\/+$/, "");
  return joined.startsWith("/") ? joined : `/${joined}`;
}

export function operationKey(method: string, path: string): string {
  return `${method.toLowerCase()} ${pathKey(path)}`;
}

interface RawItem {
  name?: string;
  item?: RawItem[];
  request?: { method?: string; url?: string | { path?: (string | { value?: string })[] | string; raw?: string }; body?: RawBody };
  response?: { code?: number; body?: string | null; originalRequest?: { body?: RawBody } }[];
}
interface RawBody {
  mode?: string;
  raw?: string;
}

/** The path of a request URL after its host (`{{baseUrl}}`). */
function itemPath(url: NonNullable<RawItem["request"]>["url"]): string | undefined {
  if (url === undefined) return undefined;
  if (typeof url === "string") return url.replace(/^[^/]*\/\/[^/]*|^\{\{[^}]+\}\}/, "") || "/";
  if (Array.isArray(url.path)) return `/${url.path.map((s) => (typeof s === "string" ? s : (s.value ?? ""))).join("/")}`;
  if (typeof url.path === "string") return url.path.startsWith("/") ? url.path : `/${url.path}`;
  return url.raw === undefined ? undefined : itemPath(url.raw);
}

export interface CollectionItem {
  key: string;
  name: string;
  raw: RawItem;
}

export function collectionItems(collection: Json): CollectionItem[] {
  const items: CollectionItem[] = [];
  const visit = (list: RawItem[]) => {
    for (const item of list) {
      if (Array.isArray(item.item)) visit(item.item);
      else if (item.request !== undefined) {
        const path = itemPath(item.request.url);
        if (path !== undefined) items.push({ key: operationKey(item.request.method ?? "get", path), name: item.name ?? "", raw: item });
      }
    }
  };
  if (isObject(collection) && Array.isArray(collection.item)) visit(collection.item as RawItem[]);
  return items;
}

function strictJson(text: string | null | undefined): Json | undefined {
  if (typeof text !== "string" || text.trim() === "") return undefined;
  try {
    return JSON.parse(text) as Json;
  } catch {
    return undefined;
  }
}

/** The JSON bodies an item holds for a unit, as texts (distinct, in collection order). */
export function unitSamples(item: CollectionItem, unit: SpecUnit): string[] {
  const texts: (string | null | undefined)[] = [];
  if (unit.role === "response") {
    for (const response of item.raw.response ?? []) if (response.code === unit.status) texts.push(response.body);
  } else {
    const bodies = [item.raw.request?.body, ...(item.raw.response ?? []).map((r) => r.originalRequest?.body)];
    for (const body of bodies) if (body?.mode === "raw") texts.push(body.raw);
  }
  const distinct: string[] = [];
  for (const text of texts) if (strictJson(text) !== undefined && !distinct.includes(text!)) distinct.push(text!);
  return distinct;
}

/** Every property name the spec declares anywhere (`properties` keys): map keys are the others. */
export function declaredPropertyNames(spec: Json): Set<string> {
  const names = new Set<string>();
  const stack: Json[] = [spec];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (Array.isArray(node)) stack.push(...node);
    else if (isObject(node)) {
      if (isObject(node.properties)) for (const name of Object.keys(node.properties)) names.add(name);
      stack.push(...Object.values(node));
    }
  }
  return names;
}

/**
 * A value's position with array indexes as `[]` and keys the spec does not declare (map keys)
 * as `*`: the same position in a collection's example and in a fresh instance.
 */
export function positionOf(path: readonly (string | number)[], declared: ReadonlySet<string>): string {
  return path.map((step) => (typeof step === "number" ? "[]" : declared.has(step) ? JSON.stringify(step) : "*")).join("/");
}

/** Every position (containers and leaves, the root as "") of a value, or only those holding null. */
export function positionsIn(value: Json, declared: ReadonlySet<string>, onlyNull = false): Set<string> {
  const positions = new Set<string>();
  const stack: [Json, (string | number)[]][] = [[value, []]];
  while (stack.length > 0) {
    const [node, path] = stack.pop()!;
    if (!onlyNull || node === null) positions.add(positionOf(path, declared));
    if (Array.isArray(node)) node.forEach((child, i) => stack.push([child, [...path, i]]));
    else if (isObject(node)) for (const [key, child] of Object.entries(node)) stack.push([child, [...path, key]]);
  }
  return positions;
}

/** Every position (containers and leaves, the root as "") that a set of sample bodies shows. */
export function seenPositions(samples: readonly string[], declared: ReadonlySet<string>, onlyNull = false): Set<string> {
  const positions = new Set<string>();
  for (const text of samples) for (const position of positionsIn(JSON.parse(text) as Json, declared, onlyNull)) positions.add(position);
  return positions;
}

