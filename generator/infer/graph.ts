/**
 * The type graph: what `merge` builds from samples and what the renderers read.
 *
 * Kept richer than TypeScript needs (integer vs number, string formats, enum evidence) so the
 * JSON Schema rendering can say more than the TypeScript one while both come from one graph.
 */

export type StringFormat = "date-time" | "date" | "uuid" | "uri" | "email";

export type TypeNode =
  /**
   * No evidence about the type: nothing was seen (the items of arrays that were always empty),
   * or only `null` (`onlyNull`), which says a value may be missing, not what it is when present.
   */
  | { kind: "unknown"; onlyNull?: boolean }
  | { kind: "null" }
  | { kind: "boolean" }
  /** `unsafe`: some value was beyond 2^53 (a warning was issued). */
  | { kind: "integer"; unsafe: boolean; example?: string }
  /** `integerHint`: every value was a whole number, but too few distinct ones to make it `integer`. */
  | { kind: "number"; example?: string; integerHint?: boolean }
  /**
   * `format` is a constraint (enough distinct values had it, or a placeholder stated it);
   * `formatHint` is what too few values suggest, for documentation only.
   */
  | { kind: "string"; format?: StringFormat; formatHint?: StringFormat; enumValues?: string[]; example?: string }
  /** A discriminator's value inside one member of a discriminated union. */
  | { kind: "literal"; value: string }
  | { kind: "array"; items: TypeNode }
  /** An object whose keys are data: `Record<string, T>`. */
  | { kind: "map"; values: TypeNode }
  | { kind: "object"; object: ObjectNode }
  /** Members are never unions themselves and at most one member has each kind, except objects in discriminated unions. */
  | { kind: "union"; members: TypeNode[]; discriminator?: string };

export interface PropertyNode {
  key: string;
  type: TypeNode;
  /** Absent in some observed objects (`x?: T`); independent of `null` (`x: T | null`). */
  optional: boolean;
}

/** Where a name for an object comes from, before collisions and sharing are resolved. */
export interface NameHint {
  /** The preferred PascalCase name: the request's name for roots, the property's for nested objects. */
  name: string;
  /** The object this one is nested in (for qualified names on collision). */
  parent?: ObjectNode;
  /** Set for the root object of a request. */
  root?: { order: number; role: string; status?: number; operation: string };
  /** Human description of the position, for JSDoc. */
  describe: string;
}

export interface ObjectNode {
  hint: NameHint;
  properties: PropertyNode[];
  /**
   * The type of keys not in `properties`, when the evidence says what they hold (a bag of like
   * values whose keys vary between samples): a TypeScript index signature and the schema's
   * `additionalProperties`. Absent: the object is open and says nothing about other keys.
   */
  additional?: TypeNode;
  /** How many objects were observed at this position. */
  observed: number;
  /**
   * Set by `renamed` (merge.ts) on a copy: the node it copies, which has the same shape. Naming
   * reuses the original's shape key instead of building the copy's again.
   */
  copyOf?: ObjectNode;
  /** Filled in by naming: the canonical node whose declaration this object uses. */
  canonical?: ObjectNode;
  name?: string;
}
