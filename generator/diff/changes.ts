/**
 * The vocabulary of `pmgen diff`: what a change is (a code, where it is, before and after) and
 * how its location is written. Comparers produce `Finding`s (facts without a verdict);
 * `classify.ts` alone decides which are breaking, so the rules live in one table.
 */

/**
 * What happened. Codes that apply to many positions (`removed`, `narrowed`...) take their
 * meaning from the location and the direction: a field removed from a request body and one
 * removed from a response are both `removed`.
 */
export const CHANGE_CODES = [
  "collection-added",
  "collection-removed",
  "operation-added",
  "operation-removed",
  "operation-renamed",
  "operation-moved",
  "added-required",
  "added-optional",
  "removed",
  "renamed",
  "became-required",
  "became-optional",
  "narrowed",
  "widened",
  "changed",
  "default-added",
  "default-removed",
  "default-changed",
  "body-mode-changed",
  "status-added",
  "status-removed",
  "example-added",
  "example-removed",
  "auth-changed",
  "base-changed",
  "type-renamed",
  "description-changed",
] as const;

export type ChangeCode = (typeof CHANGE_CODES)[number];

/**
 * Which way values flow at the position. `input`: the caller writes it (parameters, bodies,
 * variables, auth): a change breaks callers when the client stops accepting what it accepted
 * (contravariant). `output`: the caller reads it (responses): a change breaks callers when the
 * client may return what it did not (covariant).
 */
export type Direction = "input" | "output";

export type Severity = "breaking" | "non-breaking";

/**
 * Where a change is, as the caller meets it. `json` is a path inside a body, as segments
 * (`.name`, `["a b"]`, `[]`, `.*`, `<type=push>`), written after `$`.
 */
export type Location =
  | { part: "collection" | "operation" | "auth" | "base" | "description" }
  | { part: "path" | "query" | "headers" | "variables" | "types"; key: string }
  | { part: "body"; json?: readonly string[] }
  | { part: "response"; status: number; json?: readonly string[]; header?: string; example?: string };

/** A change as a comparer finds it: no severity yet. */
export interface Finding {
  code: ChangeCode;
  direction: Direction;
  location: Location;
  /** The old and new value, as the caller sees it (TypeScript text, a name, a default). */
  before?: string;
  after?: string;
}

/** A classified change, as reports print it. */
export interface Change {
  severity: Severity;
  code: ChangeCode;
  direction: Direction;
  /** `formatLocation` of the location. */
  location: string;
  before?: string;
  after?: string;
  /** One sentence for humans: `required query parameter added`. */
  message: string;
}

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** `.name` for an identifier key, `["a b"]` otherwise: one step into an object. */
export function keySegment(key: string): string {
  return IDENTIFIER.test(key) ? `.${key}` : `[${JSON.stringify(key)}]`;
}

/** Any element of an array. */
export const ITEMS_SEGMENT = "[]";
/** Any value of a map, or any key of an object beyond its named properties. */
export const OTHER_KEYS_SEGMENT = ".*";

/** One member of a union of objects, told apart by its tag: `<type=push>`. */
export function memberSegment(tag: string, value: string): string {
  return `<${tag}=${value}>`;
}

/**
 * The location as written in every report: `operation`, `query.page`, `headers.X-Id`,
 * `body $.items[].name`, `response 200 $.owner.login`, `response 404`, `response 200
 * headers.etag`, `response 200 example "Not found"`, `variables.region`, `types.Owner`, `auth`.
 */
export function formatLocation(location: Location): string {
  switch (location.part) {
    case "collection":
    case "operation":
    case "auth":
    case "base":
    case "description":
      return location.part;
    case "path":
    case "query":
    case "headers":
    case "variables":
    case "types":
      return `${location.part}.${location.key}`;
    case "body":
      return location.json ? `body ${jsonPath(location.json)}` : "body";
    case "response": {
      const head = `response ${location.status}`;
      if (location.json) return `${head} ${jsonPath(location.json)}`;
      if (location.header !== undefined) return `${head} headers.${location.header}`;
      if (location.example !== undefined) return `${head} example ${JSON.stringify(location.example)}`;
      return head;
    }
  }
}

function jsonPath(segments: readonly string[]): string {
  return `$${segments.join("")}`;
}
