/**
 * Sharing and naming. Objects with identical shapes (same keys, optionality and property types,
 * in any key order) share one declaration; each shared shape gets one name:
 *
 * 1. Request names (`CreateVolumeBackupRequest`) are reserved for their roots. A shape that is
 *    the root of several requests takes the name of the first request in collection order, except
 *    a shape that is only ever the root of error responses (status >= 400) of at least two
 *    requests: it is `ErrorResponse` (the next ones `<StatusText>ErrorResponse`, e.g. `NotFoundErrorResponse`).
 * 2. Other shapes, in breadth-first order over all roots (shallow first, requests in order),
 *    take the name from their property (`owner` → `Owner`, items of `users` → `User`).
 * 3. On a collision the name is qualified with the parent type's name (`RepoOwner`); numbers
 *    (`RepoOwner2`) only when that is taken too.
 * Names never equal TypeScript reserved words, global types (`Date`, `Record`, `Promise`...) or
 * the caller's reserved names. Everything is ordered by the input, so output is reproducible.
 */
import type { ObjectNode, TypeNode } from "./graph.js";
import { RESERVED_NAMES } from "./naming.js";

export interface RootEntry {
  type: TypeNode;
  /** The request's type name. */
  name: string;
  order: number;
  status?: number;
  role: string;
  operation: string;
}

const STATUS_TEXT: Record<number, string> = {
  400: "BadRequest",
  401: "Unauthorized",
  402: "PaymentRequired",
  403: "Forbidden",
  404: "NotFound",
  405: "MethodNotAllowed",
  406: "NotAcceptable",
  409: "Conflict",
  410: "Gone",
  412: "PreconditionFailed",
  413: "PayloadTooLarge",
  415: "UnsupportedMediaType",
  422: "UnprocessableEntity",
  429: "TooManyRequests",
  500: "InternalServerError",
  501: "NotImplemented",
  502: "BadGateway",
  503: "ServiceUnavailable",
  504: "GatewayTimeout",
};

/** Calls `visit` for each object directly reachable from `type` (through arrays, maps, unions). */
export function forEachObject(type: TypeNode, visit: (node: ObjectNode) => void): void {
  const stack: TypeNode[] = [type];
  while (stack.length > 0) {
    const next = stack.pop()!;
    switch (next.kind) {
      case "object":
        visit(next.object);
        break;
      case "array":
        stack.push(next.items);
        break;
      case "map":
        stack.push(next.values);
        break;
      case "union":
        for (let i = next.members.length - 1; i >= 0; i--) stack.push(next.members[i]!);
        break;
      default:
        break;
    }
  }
}

/** A structural key of a type; objects are referred to by the id of their shape. */
function typeKey(type: TypeNode, shapeId: Map<ObjectNode, number>): string {
  const parts: string[] = [];
  const stack: (TypeNode | string)[] = [type];
  // Iterative pre-order walk: nested arrays of arrays must not grow the call stack.
  while (stack.length > 0) {
    const next = stack.pop()!;
    if (typeof next === "string") {
      parts.push(next);
      continue;
    }
    switch (next.kind) {
      case "object":
        parts.push(`#${shapeId.get(next.object)}`);
        break;
      case "array":
        parts.push("[");
        stack.push("]", next.items);
        break;
      case "map":
        parts.push("{*:");
        stack.push("}", next.values);
        break;
      case "union":
        parts.push("(");
        stack.push(")");
        for (let i = next.members.length - 1; i >= 0; i--) stack.push(next.members[i]!, "|");
        break;
      case "string":
        parts.push(`s${next.format ?? ""}${next.enumValues ? JSON.stringify(next.enumValues) : ""}`);
        break;
      case "literal":
        parts.push(`=${JSON.stringify(next.value)}`);
        break;
      case "integer":
        parts.push(next.unsafe ? "I" : "i");
        break;
      default:
        parts.push(next.kind);
    }
  }
  return parts.join("");
}

export interface NamedShape {
  name: string;
  node: ObjectNode;
  /** Every position that uses the shape, canonical first. */
  uses: ObjectNode[];
}

export function assignNames(roots: readonly RootEntry[], reservedNames: ReadonlySet<string>): NamedShape[] {
  // Breadth-first over all roots: shallow positions first, requests in collection order.
  const order: ObjectNode[] = [];
  const rootOf = new Map<ObjectNode, RootEntry[]>();
  let level: ObjectNode[] = [];
  for (const root of roots) {
    // The root object itself, or the objects of a root union (`Foo | null`).
    if (root.type.kind === "object" || root.type.kind === "union") {
      forEachObject(root.type, (node) => {
        level.push(node);
        if (node.hint.root !== undefined) rootOf.set(node, [root]);
      });
    } else {
      forEachObject(root.type, (node) => level.push(node));
    }
  }
  while (level.length > 0) {
    const nextLevel: ObjectNode[] = [];
    for (const node of level) {
      order.push(node);
      for (const property of node.properties) forEachObject(property.type, (child) => nextLevel.push(child));
    }
    level = nextLevel;
  }

  // Shape ids bottom-up: children (later in breadth-first order) before parents.
  const shapeId = new Map<ObjectNode, number>();
  const idOfKey = new Map<string, number>();
  for (let i = order.length - 1; i >= 0; i--) {
    const node = order[i]!;
    const key = node.properties
      .map((property) => `${JSON.stringify(property.key)}${property.optional ? "?" : ""}:${typeKey(property.type, shapeId)}`)
      .sort()
      .join(",") + (node.additional !== undefined ? `,[*]:${typeKey(node.additional, shapeId)}` : "");
    let id = idOfKey.get(key);
    if (id === undefined) idOfKey.set(key, (id = idOfKey.size));
    shapeId.set(node, id);
  }

  // Group uses by shape, in breadth-first order of first use.
  const groups = new Map<number, NamedShape>();
  for (const node of order) {
    const id = shapeId.get(node)!;
    const group = groups.get(id);
    if (group === undefined) groups.set(id, { name: "", node, uses: [node] });
    else group.uses.push(node);
  }
  const shapes = [...groups.values()];
  for (const shape of shapes) for (const use of shape.uses) use.canonical = shape.node;

  const taken = new Set<string>();
  const blocked = (name: string) => taken.has(name) || RESERVED_NAMES.has(name) || reservedNames.has(name);
  const requestNames = new Set(roots.map((root) => root.name));
  const free = (name: string) => !blocked(name) && !requestNames.has(name);
  const take = (shape: NamedShape, name: string) => {
    shape.name = name;
    shape.node.name = name;
    for (const use of shape.uses) use.name = name;
    taken.add(name);
  };
  const numbered = (base: string) => {
    for (let n = 2; ; n++) if (free(`${base}${n}`)) return `${base}${n}`;
  };

  // 1. Shapes that are request roots.
  let errorShapes = 0;
  for (const shape of shapes) {
    const rootUses = shape.uses.flatMap((use) => rootOf.get(use) ?? []).sort((a, b) => a.order - b.order);
    if (rootUses.length === 0) continue;
    const onlyErrors = rootUses.length >= 2 && shape.uses.length === rootUses.length && rootUses.every((root) => (root.status ?? 0) >= 400);
    if (onlyErrors) {
      const statuses = new Set(rootUses.map((root) => root.status!));
      const statusText = statuses.size === 1 ? STATUS_TEXT[[...statuses][0]!] : undefined;
      const candidates = errorShapes === 0 ? ["ErrorResponse"] : statusText !== undefined ? [`${statusText}ErrorResponse`] : [];
      const name = candidates.find(free);
      errorShapes++;
      if (name !== undefined) {
        const operations = new Set(rootUses.map((root) => root.operation)).size;
        shape.node.hint = { ...shape.node.hint, describe: `the error body of ${rootUses.length} responses of ${operations} operations` };
        take(shape, name);
        continue;
      }
    }
    const first = rootUses[0]!.name;
    take(shape, blocked(first) ? numbered(first) : first);
  }

  // 2. Nested shapes, named after their position; parents are named before children.
  for (const shape of shapes) {
    if (shape.name !== "") continue;
    const wanted = shape.node.hint.name;
    if (free(wanted)) {
      take(shape, wanted);
      continue;
    }
    const parent = shape.node.hint.parent?.name;
    const qualified = parent === undefined || wanted.startsWith(parent) ? wanted : `${parent}${wanted}`;
    take(shape, free(qualified) ? qualified : numbered(qualified));
  }
  return shapes;
}

