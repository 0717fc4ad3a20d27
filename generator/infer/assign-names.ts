/**
 * Sharing and naming. Objects with identical shapes (same keys, optionality and property types,
 * in any key order) share one declaration (`groupShapes`); each shared shape gets one name, in
 * four phases, each a function below:
 *
 * 1. `nameOperationShapes`: request names (`CreateVolumeBackupRequest`) are kept for their roots,
 *    and a shape used within one operation takes the name of its first root there.
 * 2. `nameErrorShapes`: a shape that is only ever the root of error responses (status >= 400) of
 *    at least two requests is `ErrorResponse` (the one with most uses), the others
 *    `<StatusText>ErrorResponse` (e.g. `NotFoundErrorResponse`).
 * 3. `nameSharedShapes`: a shape used by several operations is named from what its uses have in
 *    common, never after the first, by tiers of evidence (`TIERS`): the resource their operation
 *    names share (`Deployment`), the property name of its nested uses (`Label`), the resource most
 *    of them share, its keys (`MessageBody`); only then the alphabetically first use's request
 *    name. Order-free: ties go to the alphabetically first request, and every shape tries a
 *    stronger tier before any shape tries a weaker one.
 * 4. `nameNestedShapes`: other shapes, in breadth-first order over all roots (shallow first,
 *    requests in order), take the name from their property (`owner` → `Owner`, items of `users`
 *    → `User`); on a collision the name is qualified with the parent type's name (`RepoOwner`),
 *    numbers (`RepoOwner2`) only when that is taken too.
 * Names never equal TypeScript reserved words, global types (`Date`, `Record`, `Promise`...) or
 * the caller's reserved names (`Namer`). Everything is ordered by the input, so output is reproducible.
 */
import type { ObjectNode, TypeNode } from "./graph.js";
import { compareText } from "../base/compare.js";
import { memoizeText } from "../base/memoize.js";
import { nameWords, pascalCase, RESERVED_NAMES, singularOrSame } from "./naming.js";

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

/** The key of a type without members (see `typeKey`), or undefined for arrays, maps and unions. */
function leafKey(type: TypeNode, shapeId: Map<ObjectNode, number>): string | undefined {
  switch (type.kind) {
    case "object":
      return `#${shapeId.get(type.object)}`;
    case "array":
    case "map":
    case "union":
      return undefined;
    case "string":
      return type.format === undefined && type.formatHint === undefined && type.enumValues === undefined
        ? "s"
        : `s${type.format ?? ""}~${type.formatHint ?? ""}${type.enumValues ? JSON.stringify(type.enumValues) : ""}`;
    case "number":
      return type.integerHint ? "n~i" : "n";
    case "unknown":
      return type.onlyNull ? "u~null" : "u";
    case "literal":
      return `=${JSON.stringify(type.value)}`;
    case "integer":
      return type.unsafe ? "I" : "i";
    default:
      return type.kind;
  }
}

/** A structural key of a type; objects are referred to by the id of their shape. */
function typeKey(type: TypeNode, shapeId: Map<ObjectNode, number>): string {
  // Most property types are scalars or objects: their key needs no walk.
  const leaf = leafKey(type, shapeId);
  if (leaf !== undefined) return leaf;
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
      default:
        parts.push(leafKey(next, shapeId)!);
    }
  }
  return parts.join("");
}

/** A property name as JSON (shape keys repeat the same few hundred names thousands of times). */
const quotedKey = memoizeText((key) => JSON.stringify(key));

export interface NamedShape {
  name: string;
  node: ObjectNode;
  /** Every position that uses the shape, canonical first. */
  uses: ObjectNode[];
}

/** Words that start a qualifier in an operation's name (`List repositories for a user`). */
const QUALIFIER_WORDS = new Set(["For", "Of", "To", "From", "By", "In", "On", "With", "At", "Into", "Via", "Within", "Using", "As"]);
/** Trailing words that qualify the operation rather than name its resource. */
const TRAILING_QUALIFIER = /^(Legacy|Deprecated|Beta|Alpha|Preview|Experimental|V[0-9]+)$/;
const ARTICLES = new Set(["A", "An", "The"]);

/**
 * The resource an operation's name is about, as words: the name up to its first qualifier
 * (`ListGpgKeysForAUser` → `List Gpg Keys`), trailing qualifiers dropped (`Legacy`), the last word
 * singular (`Key`).
 */
function operationPhrase(operation: string): string[] {
  let words = nameWords(operation);
  const cut = words.findIndex((word, i) => i > 0 && QUALIFIER_WORDS.has(word));
  if (cut > 0) words = words.slice(0, cut);
  while (words.length > 1 && TRAILING_QUALIFIER.test(words[words.length - 1]!)) words = words.slice(0, -1);
  if (words.length > 0) words[words.length - 1] = singularOrSame(words[words.length - 1]!);
  return words;
}

/** A suffix of `words` of `length` words, without leading articles, as one name. */
function resourceName(words: readonly string[], length: number): string {
  let suffix = length === 0 ? [] : words.slice(-length);
  while (suffix.length > 0 && ARTICLES.has(suffix[0]!)) suffix = suffix.slice(1);
  return suffix.join("");
}

/**
 * The resource operations have in common: the longest word suffix that the phrases of more than
 * `share` of them end with, leaving at least one word (the verb) of each, without leading
 * articles: `getADeployment`, `createADeployment`, `listDeployments` → `Deployment` (`share` 1:
 * all of them; 0.5: most of them). "" when none.
 */
export function commonResource(operations: readonly string[], share = 1): string {
  const phrases = operations.map(operationPhrase);
  const needed = share >= 1 ? phrases.length : Math.floor(phrases.length * share) + 1;
  let best = "";
  // Candidate suffixes come from every phrase; the longest one enough phrases end with wins
  // (ties: alphabetical), so the result does not depend on the order of `operations`.
  let bestLength = 0;
  // How many phrases end with each suffix of `length` words and have a word before it.
  const tailCounts = new Map<string, number>();
  const tailKey = (words: readonly string[], length: number) => `${length}:${words.slice(-length).join(" ")}`;
  for (const words of phrases) {
    for (let length = 1; length < words.length; length++) {
      const key = tailKey(words, length);
      tailCounts.set(key, (tailCounts.get(key) ?? 0) + 1);
    }
  }
  for (const words of phrases) {
    for (let length = 1; length < words.length; length++) {
      const count = tailCounts.get(tailKey(words, length))!;
      if (count < needed) break;
      const name = resourceName(words, length);
      if (name === "") continue;
      if (length > bestLength || (length === bestLength && name < best)) {
        best = name;
        bestLength = length;
      }
    }
  }
  return best;
}

/** A name from an object's keys: `MessageBody` for `{ message }`, `CodeMessage` for `{ code, message }`. */
function contentName(node: ObjectNode): string {
  const keys = node.properties.map((property) => property.key).sort(compareText);
  const words = keys.map(pascalCase);
  if (words.some((word) => !/^[A-Za-z]/.test(word))) return "";
  if (words.length === 1) return `${words[0]}Body`;
  if (words.length === 2) return `${words[0]}${words[1]}`;
  return "";
}

/** The property name most nested uses are at (ties: shorter, then alphabetical); "" when none. */
function propertyName(uses: readonly ObjectNode[]): string {
  const counts = new Map<string, number>();
  for (const use of uses) {
    if (use.hint.parent === undefined || use.hint.name === "") continue;
    counts.set(use.hint.name, (counts.get(use.hint.name) ?? 0) + 1);
  }
  const ranked = [...counts].sort(([a, m], [b, n]) => n - m || a.length - b.length || compareText(a, b));
  return ranked[0]?.[0] ?? "";
}

function quoted(names: readonly string[]): string {
  const shown = names.slice(0, 3).map((name) => `\`${name}\``).join(", ");
  return names.length > 3 ? `${shown} and ${names.length - 3} more` : shown;
}

export function assignNames(roots: readonly RootEntry[], reservedNames: ReadonlySet<string>): NamedShape[] {
  const positions = breadthFirst(roots);
  const shapes = groupShapes(positions.order);
  const namer = new Namer(roots, reservedNames);
  const context: NamingContext = { ...positions, shapes, namer, rankOf: rankShapes(shapes, positions) };
  const { errorShapes, shared } = nameOperationShapes(context);
  shared.push(...nameErrorShapes(context, errorShapes));
  nameSharedShapes(context, shared);
  nameNestedShapes(context);
  return shapes;
}

/** Every object position, shallow first, with the request it is in. */
interface Positions {
  /** Breadth-first over all roots: shallow positions first, requests in collection order. */
  order: ObjectNode[];
  /** The root entry of each top-level object of a request. */
  rootOf: Map<ObjectNode, RootEntry[]>;
  /** The request each position is in. */
  entryOf: Map<ObjectNode, RootEntry>;
  /** The objects at the top of a request (its root, or the objects of a root union). */
  topLevel: Set<ObjectNode>;
}

interface NamingContext extends Positions {
  shapes: NamedShape[];
  namer: Namer;
  /** Order-free rank of each shape: its use in the alphabetically first request, shallowest first. */
  rankOf: Map<NamedShape, [string, number]>;
}

function breadthFirst(roots: readonly RootEntry[]): Positions {
  const order: ObjectNode[] = [];
  const rootOf = new Map<ObjectNode, RootEntry[]>();
  const entryOf = new Map<ObjectNode, RootEntry>();
  const topLevel = new Set<ObjectNode>();
  let level: ObjectNode[] = [];
  for (const root of roots) {
    // The root object itself, or the objects of a root union (`Foo | null`).
    forEachObject(root.type, (node) => {
      level.push(node);
      entryOf.set(node, root);
      topLevel.add(node);
      if ((root.type.kind === "object" || root.type.kind === "union") && node.hint.root !== undefined) rootOf.set(node, [root]);
    });
  }
  while (level.length > 0) {
    const nextLevel: ObjectNode[] = [];
    for (let i = 0; i < level.length; i++) {
      const node = level[i]!;
      order.push(node);
      const entry = entryOf.get(node)!;
      const visit = (child: ObjectNode) => {
        nextLevel.push(child);
        entryOf.set(child, entry);
      };
      for (let p = 0; p < node.properties.length; p++) forEachObject(node.properties[p]!.type, visit);
    }
    level = nextLevel;
  }
  return { order, rootOf, entryOf, topLevel };
}

/** Positions grouped by shape (same keys, optionality and property types), in order of first use. */
function groupShapes(order: readonly ObjectNode[]): NamedShape[] {
  // Shape ids bottom-up: children (later in breadth-first order) before parents.
  const shapeId = new Map<ObjectNode, number>();
  const idOfKey = new Map<string, number>();
  const idOf = (node: ObjectNode): number => {
    let id = shapeId.get(node);
    if (id !== undefined) return id;
    const properties: string[] = [];
    for (let p = 0; p < node.properties.length; p++) {
      const property = node.properties[p]!;
      properties.push(`${quotedKey(property.key)}${property.optional ? "?" : ""}:${typeKey(property.type, shapeId)}`);
    }
    const key = properties.sort().join(",") + (node.additional !== undefined ? `,[*]:${typeKey(node.additional, shapeId)}` : "");
    id = idOfKey.get(key);
    if (id === undefined) idOfKey.set(key, (id = idOfKey.size));
    shapeId.set(node, id);
    return id;
  };
  for (let i = order.length - 1; i >= 0; i--) {
    const node = order[i]!;
    // A copy (see `copyOf`) has its original's shape. The original is at the same depth of an
    // earlier request, so its children, one level deeper, already have their ids.
    shapeId.set(node, idOf(node.copyOf ?? node));
  }
  const groups = new Map<number, NamedShape>();
  for (const node of order) {
    const id = shapeId.get(node)!;
    const group = groups.get(id);
    if (group === undefined) groups.set(id, { name: "", node, uses: [node] });
    else group.uses.push(node);
  }
  const shapes = [...groups.values()];
  for (const shape of shapes) for (const use of shape.uses) use.canonical = shape.node;
  return shapes;
}

function rankShapes(shapes: readonly NamedShape[], { order, entryOf }: Positions): Map<NamedShape, [string, number]> {
  const rankOf = new Map<NamedShape, [string, number]>();
  const index = new Map(order.map((node, i) => [node, i]));
  for (const shape of shapes) {
    let best: [string, number] | undefined;
    for (const use of shape.uses) {
      const key: [string, number] = [entryOf.get(use)!.name, index.get(use)!];
      if (best === undefined || key[0] < best[0] || (key[0] === best[0] && key[1] < best[1])) best = key;
    }
    rankOf.set(shape, best!);
  }
  return rankOf;
}

function byRank(rankOf: ReadonlyMap<NamedShape, [string, number]>): (a: NamedShape, b: NamedShape) => number {
  return (a, b) => {
    const [x, i] = rankOf.get(a)!;
    const [y, j] = rankOf.get(b)!;
    return compareText(x, y) || i - j;
  };
}

/** The names taken so far, and the names no type may take. */
class Namer {
  private readonly taken = new Set<string>();
  private readonly requestNames: ReadonlySet<string>;
  constructor(
    roots: readonly RootEntry[],
    private readonly reservedNames: ReadonlySet<string>,
  ) {
    this.requestNames = new Set(roots.map((root) => root.name));
  }
  blocked(name: string): boolean {
    return this.taken.has(name) || RESERVED_NAMES.has(name) || this.reservedNames.has(name);
  }
  /** Not taken, not reserved, and not a request's own name (kept for its root). */
  free(name: string): boolean {
    return !this.blocked(name) && !this.requestNames.has(name);
  }
  reserve(name: string): void {
    this.taken.add(name);
  }
  take(shape: NamedShape, name: string): void {
    shape.name = name;
    shape.node.name = name;
    for (const use of shape.uses) use.name = name;
    this.taken.add(name);
  }
  numbered(base: string): string {
    for (let n = 2; ; n++) if (this.free(`${base}${n}`)) return `${base}${n}`;
  }
  /** `name`, or the first free numbered form of it when it is blocked. */
  orNumbered(name: string): string {
    return this.blocked(name) ? this.numbered(name) : name;
  }
}

function isError(entry: RootEntry): boolean {
  return entry.role === "response" && (entry.status ?? 0) >= 400;
}

/**
 * Phase 1, shapes at the top of a request: a shape within one operation takes its first
 * request's name. Returns the shapes named later: error-only ones and ones shared across operations.
 */
function nameOperationShapes({ shapes, topLevel, rootOf, entryOf, namer }: NamingContext): {
  errorShapes: { shape: NamedShape; rootUses: RootEntry[] }[];
  shared: NamedShape[];
} {
  const errorShapes: { shape: NamedShape; rootUses: RootEntry[] }[] = [];
  const shared: NamedShape[] = [];
  for (const shape of shapes) {
    if (!shape.uses.some((use) => topLevel.has(use))) continue;
    const rootUses = shape.uses.flatMap((use) => rootOf.get(use) ?? []).sort((a, b) => a.order - b.order);
    const onlyErrors = rootUses.length >= 2 && shape.uses.length === rootUses.length && rootUses.every(isError);
    if (onlyErrors) {
      errorShapes.push({ shape, rootUses });
      continue;
    }
    const operations = new Set(shape.uses.map((use) => entryOf.get(use)!.operation));
    if (operations.size > 1) shared.push(shape);
    else if (rootUses.length > 0) namer.take(shape, namer.orNumbered(rootUses[0]!.name));
  }
  return { errorShapes, shared };
}

/**
 * Phase 2, error-only shapes: the one with most uses is `ErrorResponse` (ties: the order-free
 * rank), the others `<StatusText>ErrorResponse` when all their uses have one status. Returns the
 * shapes that get neither and are shared across operations.
 */
function nameErrorShapes({ namer, rankOf }: NamingContext, errorShapes: { shape: NamedShape; rootUses: RootEntry[] }[]): NamedShape[] {
  const shared: NamedShape[] = [];
  const rank = byRank(rankOf);
  errorShapes.sort((a, b) => b.rootUses.length - a.rootUses.length || rank(a.shape, b.shape));
  errorShapes.forEach(({ shape, rootUses }, i) => {
    const statuses = new Set(rootUses.map((root) => root.status!));
    const statusText = statuses.size === 1 ? STATUS_TEXT[[...statuses][0]!] : undefined;
    const candidates = i === 0 ? ["ErrorResponse"] : statusText !== undefined ? [`${statusText}ErrorResponse`] : [];
    const name = candidates.find((c) => namer.free(c));
    const operations = new Set(rootUses.map((root) => root.operation));
    if (name !== undefined) {
      shape.node.hint = { ...shape.node.hint, describe: `the error body of ${rootUses.length} responses of ${operations.size} operations` };
      namer.take(shape, name);
    } else if (operations.size > 1) shared.push(shape);
    else namer.take(shape, namer.orNumbered(rootUses[0]!.name));
  });
  return shared;
}

/** The candidate names of a shared shape, strongest evidence first (see the header). */
const TIERS = ["commonResource", "propertyName", "majorityResource", "keys"] as const;
type Tier = (typeof TIERS)[number];

/**
 * Phase 3, shapes shared across operations, named from what their uses have in common, never
 * after one of them. Every shape tries its candidate of a tier before any shape tries a weaker
 * tier, so a weak candidate never takes the name another shape's operations all share; only
 * then the alphabetically first use's request name.
 */
function nameSharedShapes({ namer, rankOf, entryOf, topLevel, rootOf }: NamingContext, shared: NamedShape[]): void {
  shared.sort(byRank(rankOf));
  const plans = shared.map((shape) => {
    const entries = shape.uses.map((use) => entryOf.get(use)!);
    const operations = [...new Set(entries.map((entry) => entry.operation))].sort(compareText);
    const tops = shape.uses.filter((use) => topLevel.has(use));
    const candidates: Record<Tier, string> = { commonResource: "", propertyName: propertyName(shape.uses), majorityResource: "", keys: contentName(shape.node) };
    // A resource name says what a success body is; an error body shared by unrelated operations is not one.
    if (!tops.some((use) => isError(entryOf.get(use)!))) {
      const requestOnly = entries.every((entry) => entry.role === "request");
      const named = (resource: string) => (resource === "" ? "" : requestOnly ? `${resource}Request` : resource);
      candidates.commonResource = named(commonResource(operations));
      candidates.majorityResource = named(commonResource(operations, 0.5));
    }
    return { shape, operations, tops, candidates, name: undefined as string | undefined };
  });
  for (const tier of TIERS) {
    for (const plan of plans) {
      const candidate = plan.candidates[tier];
      if (plan.name === undefined && /^[A-Za-z][A-Za-z0-9]*$/.test(candidate) && namer.free(candidate)) {
        plan.name = candidate;
        namer.reserve(candidate);
      }
    }
  }
  for (const { shape, operations, tops, name } of plans) {
    const fallback = () =>
      namer.orNumbered(
        tops
          .map((use) => ({ error: isError(entryOf.get(use)!), name: use.hint.name }))
          .sort((a, b) => Number(a.error) - Number(b.error) || compareText(a.name, b.name))[0]!.name,
      );
    const roles = new Set(tops.map((use) => entryOf.get(use)!.role));
    const what = shape.uses.every((use) => rootOf.has(use)) && roles.size === 1 ? `the ${[...roles][0]} body of` : "a shape used by";
    const { root } = shape.node.hint;
    shape.node.hint = { name: shape.node.hint.name, describe: `${what} ${operations.length} operations (${quoted(operations)})` };
    if (root !== undefined) shape.node.hint.root = root;
    namer.take(shape, name ?? fallback());
  }
}

/**
 * Phase 4, nested shapes, named after their position; parents are named before children. On a
 * collision the name is qualified with the parent's name, or with the name the parent's own
 * position asked for when that would be too long to read, and numbered only then.
 */
function nameNestedShapes({ shapes, namer }: NamingContext): void {
  for (const shape of shapes) {
    if (shape.name !== "") continue;
    const wanted = shape.node.hint.name;
    if (namer.free(wanted)) {
      namer.take(shape, wanted);
      continue;
    }
    const parent = shape.node.hint.parent;
    const qualified = [parent?.name, parent?.hint.name]
      .filter((prefix): prefix is string => prefix !== undefined && !wanted.startsWith(prefix))
      .map((prefix) => `${prefix}${wanted}`)
      .filter((name) => name.length <= MAX_TYPE_NAME_LENGTH);
    const name = qualified.find((candidate) => namer.free(candidate));
    namer.take(shape, name ?? namer.numbered(qualified[0] ?? wanted));
  }
}

/** Nested names qualified beyond this length read worse than a number: `Allocation2`. */
const MAX_TYPE_NAME_LENGTH = 60;

