/**
 * Evidence → type graph. All values seen at one position (across samples, across array
 * elements) are merged at once, so every decision sees all the evidence:
 *
 * - `null` adds a `null` member (alone it is no evidence of a type: `unknown`); a key missing from
 *   some objects makes the property optional.
 * - integers and fractions merge to `number`; integers alone stay `integer`.
 * - different JSON kinds at one position become a union (`string | number`).
 * - the items of every array at a position merge (empty arrays add no evidence).
 * - objects become a map, a discriminated union, or one object type (see the detect-* files).
 * - response bodies: where the samples disagree on an object's keys, presence in every sample
 *   no longer makes a key required (see `PARTIAL_REQUIRED_SAMPLES`).
 */
import { ExactNumber, type JsonValue } from "./contract.js";
import { findDiscriminator } from "./detect-unions.js";
import { isGeneratedEntryKey, isMap } from "./detect-maps.js";
import { detectEnum } from "./enums.js";
import { commonFormat } from "./formats.js";
import type { NameHint, ObjectNode, PropertyNode, StringFormat, TypeNode } from "./graph.js";
import { isIdentifier, pascalCase, singular, typeNameFromKey } from "./naming.js";
import { shapeOf, type JsonObject, type Observation } from "./sample-to-shape.js";

/**
 * Deeper positions become `unknown` with a warning. The parser and merging have no limit of
 * their own; this bounds the renderers, which recurse once per level of arrays nested directly
 * in arrays (objects are named, so they do not nest in the output), well below Node's stack.
 */
export const MAX_DEPTH = 1500;

export interface MergeContext {
  warn(message: string): void;
  /**
   * For an error body with a single example: another error example (any operation, any status)
   * has the same keys at the root, so the API's errors agree on their envelope.
   */
  errorCorroborated?: boolean;
}

/**
 * Partial bodies. A response position is *partial* when the samples disagree on the key set of
 * an object there or anywhere on the path above it (field selection, variant payloads), or when
 * the body is an error body (status >= 400) with a single example that no other error example
 * of the collection corroborates (same keys at the root): one status covers different errors with different fields, and
 * one example says nothing about which of them are always there. There, a key in every sample is only required when there are at least this many
 * samples: after n agreeing samples the chance that the next one lacks the key is about
 * 1/(n + 2) (rule of succession), under 10% from 10 samples on. Where the samples agree exactly,
 * a key in every sample stays required.
 *
 * Responses only: a request type that requires what every example sent is safe for callers,
 * while a response type that requires what the server may leave out is not.
 */
export const PARTIAL_REQUIRED_SAMPLES = 10;

/** What the position knows about its body as a whole. */
interface Body {
  /** The presence rules for response bodies apply. */
  response: boolean;
}

function child(path: string, key: string): string {
  return isIdentifier(key) ? `${path}.${key}` : `${path}[${JSON.stringify(key)}]`;
}

/**
 * JSDoc shows examples of up to 80 characters (render-ts.ts). A longer string (a base64 file,
 * a README) is quoted only in part: enough to stay over 80, so it is still never shown.
 */
function exampleText(value: JsonValue): string {
  if (typeof value !== "string") return String(value);
  return JSON.stringify(value.length <= 80 ? value : value.slice(0, 80));
}

/** The name hint for the elements of a list at a position named `hint`. */
function itemHint(hint: NameHint): NameHint {
  const name = hint.root !== undefined ? `${hint.name}Item` : singular(hint.name);
  const next: NameHint = { name, describe: `an item of ${hint.describe}` };
  if (hint.parent !== undefined) next.parent = hint.parent;
  return next;
}

/** The name hint for the member of a discriminated union at a position named `hint` whose `field` is `tag`. */
function memberHint(hint: NameHint, field: string, tag: string): NameHint {
  const tagName = pascalCase(tag);
  // A tag starting with a digit ("0882") cannot start a type name: it follows the hint's name.
  const name = tagName === "" ? hint.name : /^[0-9]/.test(tagName) ? `${hint.name}${tagName}` : tagName.endsWith(hint.name) ? tagName : `${tagName}${hint.name}`;
  const member: NameHint = { ...hint, name, describe: `${hint.describe} with \`${field}\` = ${JSON.stringify(tag)}` };
  delete member.root;
  return member;
}

/** The name hint for the `key` property of `parent`, an object named `hint`. */
function propertyHint(key: string, hint: NameHint, parent: ObjectNode): NameHint {
  const keyName = typeNameFromKey(key);
  return { name: keyName === "" ? `${hint.name}Property` : keyName, parent, describe: `the \`${key}\` property` };
}

function valueHint(hint: NameHint): NameHint {
  const name = hint.root !== undefined ? `${hint.name}Value` : singular(hint.name, "Value");
  const next: NameHint = { name, describe: `a value of ${hint.describe}` };
  if (hint.parent !== undefined) next.parent = hint.parent;
  return next;
}

/** One position still to type; `assign` puts the result where the parent expects it. */
interface Task {
  observations: readonly Observation[];
  hint: NameHint;
  path: string;
  depth: number;
  assign: (type: TypeNode) => void;
  /** This position or one above it is partial (see `PARTIAL_REQUIRED_SAMPLES`). */
  partial: boolean;
  /** The property name when the position is an object's property (its values may be keyed by data: `headers`). */
  key?: string;
}

/**
 * Types one position and everything below it. Work is a queue of positions rather than
 * recursion, so 1000-level documents do not depend on the size of the call stack: a parent node
 * is created first and each child position fills its slot when its turn comes.
 */
export function mergeObservations(
  observations: readonly Observation[],
  hint: NameHint,
  path: string,
  depth: number,
  ctx: MergeContext,
): TypeNode {
  let result: TypeNode = { kind: "unknown" };
  const body: Body = { response: hint.root?.role === "response" };
  // One error example is no evidence that the different errors of its status agree on fields.
  const loneError =
    body.response &&
    (hint.root?.status ?? 0) >= 400 &&
    new Set(observations.map((o) => o.sample)).size < 2 &&
    ctx.errorCorroborated !== true;
  const queue: Task[] = [{ observations, hint, path, depth, assign: (type) => (result = type), partial: loneError }];
  for (let i = 0; i < queue.length; i++) {
    const task = queue[i]!;
    queue[i] = undefined as unknown as Task; // let finished evidence be collected
    task.assign(mergePosition(task, body, ctx, (next) => queue.push(next)));
  }
  return result;
}

function mergePosition(task: Task, body: Body, ctx: MergeContext, enqueue: (task: Task) => void): TypeNode {
  const { observations, hint, path, depth, partial } = task;
  if (depth > MAX_DEPTH) {
    ctx.warn(`${path} is nested deeper than ${MAX_DEPTH} levels; typed as unknown`);
    return { kind: "unknown" };
  }
  const shape = shapeOf(observations);
  const members: TypeNode[] = [];

  if (shape.objects.length > 0) {
    const objects = mergeObjects(shape.objects, { hint, path, depth, partial, body, key: task.key }, enqueue);
    if (objects.kind === "union") members.push(...objects.members);
    else members.push(objects);
  }
  if (shape.arrays.length > 0) {
    const items: Observation[] = [];
    for (let i = 0; i < shape.arrays.length; i++) {
      const { value, sample } = shape.arrays[i]!;
      for (let j = 0; j < value.length; j++) items.push({ value: value[j]!, sample });
    }
    const array: TypeNode = { kind: "array", items: { kind: "unknown" } };
    if (items.length > 0) {
      enqueue({ observations: items, hint: itemHint(hint), path: `${path}[]`, depth: depth + 1, assign: (type) => (array.items = type), partial });
    }
    members.push(array);
  }
  const { stated } = shape;
  if (shape.strings.length > 0 || stated.strings.length > 0) {
    const values = shape.strings.map((observation) => observation.value);
    const node: TypeNode = { kind: "string" };
    if (values.length > 0) node.example = exampleText(values[0]!);
    const format = stated.strings.length > 0 ? statedFormat(stated.strings, values) : commonFormat(values);
    if (format !== undefined) {
      if (stated.strings.length > 0 || distinctCount(values) >= CONSTRAINT_EVIDENCE) node.format = format;
      else node.formatHint = format;
    } else if (stated.strings.length === 0) {
      const enumValues = detectEnum(shape.strings);
      if (enumValues !== undefined) node.enumValues = enumValues;
    }
    members.push(node);
  }
  if (shape.fractions.length > 0 || (stated.numbers > 0 && (shape.integers.length > 0 || stated.integers > 0))) {
    const first = shape.fractions[0] ?? shape.integers[0];
    members.push(first === undefined ? { kind: "number" } : { kind: "number", example: exampleText(first.value) });
  } else if (stated.numbers > 0) {
    members.push({ kind: "number" });
  } else if (shape.integers.length === 0 && stated.integers > 0) {
    members.push({ kind: "integer", unsafe: false });
  } else if (shape.integers.length > 0) {
    const unsafe = shape.integers.find((observation) => typeof observation.value !== "number");
    if (unsafe !== undefined) {
      ctx.warn(
        `${path} holds integers beyond 2^53 (e.g. ${String((unsafe.value as { raw: string }).raw)}); ` +
          "typed number, which loses precision in JavaScript",
      );
    }
    const first = shape.integers[0]!.value;
    const example = typeof first === "number" ? String(first) : first.raw;
    if (stated.integers > 0 || distinctCount(shape.integers.map((o) => o.value)) >= CONSTRAINT_EVIDENCE) {
      members.push({ kind: "integer", unsafe: unsafe !== undefined, example });
    } else {
      members.push({ kind: "number", example, integerHint: true });
    }
  }
  if (shape.booleans.length > 0 || stated.booleans > 0) members.push({ kind: "boolean" });
  if (shape.nulls > 0) members.push({ kind: "null" });

  if (members.length === 0) return { kind: "unknown" };
  // `null` alone says the value may be missing, not what it is when present.
  if (members.length === 1 && members[0]!.kind === "null") return { kind: "unknown", onlyNull: true };
  if (members.length === 1) return members[0]!;
  return { kind: "union", members };
}

/**
 * Distinct values a string format or `integer` needs before it is a constraint: one value, or
 * two, may happen to look like a URL or be whole; what they suggest stays a hint (JSDoc, and an
 * `x-pmgen-*-hint` in the schema) so valid data is not rejected on thin evidence.
 */
export const CONSTRAINT_EVIDENCE = 3;

function distinctCount(values: readonly (string | number | ExactNumber)[]): number {
  return new Set(values.map((value) => (value instanceof ExactNumber ? value.raw : value))).size;
}

/**
 * The format placeholders state (`<dateTime>`), when they all state the same one and every
 * value seen beside them has it too.
 */
function statedFormat(stated: readonly (StringFormat | undefined)[], values: readonly string[]): StringFormat | undefined {
  const format = stated[0];
  if (format === undefined || stated.some((f) => f !== format)) return undefined;
  return values.length === 0 || commonFormat(values) === format ? format : undefined;
}

/** Where a set of objects was seen. */
interface Position {
  hint: NameHint;
  path: string;
  depth: number;
  partial: boolean;
  body: Body;
  key?: string | undefined;
}

function mergeObjects(objects: readonly Observation<JsonObject>[], position: Position, enqueue: (task: Task) => void): TypeNode {
  const { hint, path, depth, partial } = position;
  const values = objects.map((observation) => observation.value);
  if (isMap(values, position.key)) {
    const entries: Observation[] = [];
    for (let i = 0; i < objects.length; i++) {
      const { value, sample } = objects[i]!;
      const keys = Object.keys(value);
      for (let k = 0; k < keys.length; k++) entries.push({ value: value[keys[k]!]!, sample });
    }
    const map: TypeNode = { kind: "map", values: { kind: "unknown" } };
    if (entries.length > 0) {
      enqueue({ observations: entries, hint: valueHint(hint), path: `${path}[*]`, depth: depth + 1, assign: (type) => (map.values = type), partial });
    }
    return map;
  }
  const discrimination = findDiscriminator(values);
  if (discrimination !== undefined) {
    const bySample = new Map(objects.map((observation) => [observation.value, observation.sample]));
    const members: TypeNode[] = discrimination.groups.map(({ tag, objects: group }) => {
      const observations = group.map((value) => ({ value, sample: bySample.get(value) ?? 0 }));
      return mergeObject(observations, { ...position, hint: memberHint(hint, discrimination.field, tag) }, enqueue, discrimination.field, tag);
    });
    return { kind: "union", members, discriminator: discrimination.field };
  }
  return mergeObject(objects, position, enqueue);
}

/** Whether the samples disagree on the key set at a position (each sample's objects taken together; generator-numbered entries aside). */
function samplesDisagree(objects: readonly Observation<JsonObject>[]): boolean {
  const first = objects[0]?.sample;
  if (objects.every((o) => o.sample === first)) return false;
  const bySample = new Map<number, Set<string>>();
  for (const { value, sample } of objects) {
    let keys = bySample.get(sample);
    if (keys === undefined) bySample.set(sample, (keys = new Set()));
    for (const key of Object.keys(value)) if (!isGeneratedEntryKey(key)) keys.add(key);
  }
  let reference: Set<string> | undefined;
  for (const keys of bySample.values()) {
    if (reference === undefined) reference = keys;
    else if (keys.size !== reference.size) return true;
    else for (const key of keys) if (!reference.has(key)) return true;
  }
  return false;
}

/**
 * The type of keys not seen at a position whose samples disagree on its keys, when the evidence
 * says what they hold: at least 2 distinct keys, and every value one scalar kind (strings,
 * integers, numbers or booleans; `null` allowed). Keys that come and go between samples over
 * like values make a bag of those values (`{"param":"x","uid":"y"}`, then `{"param":"z"}`):
 * a key seen next holds the same kind. Anything else says nothing about unseen keys.
 */
function unseenKeys(objects: readonly Observation<JsonObject>[], keyCount: number): TypeNode | undefined {
  if (keyCount < 2) return undefined;
  let kind: "string" | "integer" | "number" | "boolean" | undefined;
  let nullable = false;
  for (const { value: object } of objects) {
    for (const key of Object.keys(object)) {
      const value = object[key]!;
      let next: typeof kind;
      if (value === null) {
        nullable = true;
        continue;
      } else if (typeof value === "string") next = "string";
      else if (typeof value === "boolean") next = "boolean";
      else if (typeof value === "number") next = Number.isInteger(value) ? "integer" : "number";
      else if (value instanceof ExactNumber) next = /^-?[0-9]+$/.test(value.raw) ? "integer" : "number";
      else return undefined;
      if (kind === undefined || kind === next) kind = next;
      else if ((kind === "integer" || kind === "number") && (next === "integer" || next === "number")) kind = "number";
      else return undefined;
    }
  }
  if (kind === undefined) return undefined;
  const scalar: TypeNode = kind === "integer" ? { kind: "integer", unsafe: false } : { kind };
  return nullable ? { kind: "union", members: [scalar, { kind: "null" }] } : scalar;
}

/** Whether the observations come from fewer than `count` distinct samples. */
function fewerSamplesThan(observations: readonly Observation[], count: number): boolean {
  if (observations.length < count) return true;
  const samples = new Set<number>();
  for (let i = 0; i < observations.length && samples.size < count; i++) samples.add(observations[i]!.sample);
  return samples.size < count;
}

function mergeObject(
  objects: readonly Observation<JsonObject>[],
  position: Position,
  enqueue: (task: Task) => void,
  tagField?: string,
  tag?: string,
): TypeNode {
  const { hint, path, depth } = position;
  const node: ObjectNode = { hint, properties: [], observed: objects.length };
  // Indexed loops and `forEach` here and in the other per-position steps: most of a run's
  // merging happens before V8 optimizes it, and unoptimized `for...of` allocates an iterator
  // result per element.
  const byKey = new Map<string, Observation[]>();
  // Keys an example generator numbered for `additionalProperties` (`key_0`) beside named fields
  // are not fields: the object stays open to other keys, as it is anyway.
  const named = objects.some(({ value }) => Object.keys(value).some((key) => !isGeneratedEntryKey(key)));
  for (let i = 0; i < objects.length; i++) {
    const { value, sample } = objects[i]!;
    const keys = Object.keys(value);
    for (let k = 0; k < keys.length; k++) {
      const key = keys[k]!;
      if (named && isGeneratedEntryKey(key)) continue;
      let list = byKey.get(key);
      if (list === undefined) byKey.set(key, (list = []));
      list.push({ value: value[key]!, sample });
    }
  }
  const disagree = position.body.response && samplesDisagree(objects);
  const partial = position.partial || disagree;
  if (disagree) {
    const additional = unseenKeys(objects, byKey.size);
    if (additional !== undefined) node.additional = additional;
  }
  byKey.forEach((observations, key) => {
    let optional = observations.length < objects.length;
    if (!optional && partial && fewerSamplesThan(observations, PARTIAL_REQUIRED_SAMPLES)) optional = true;
    if (key === tagField && tag !== undefined) {
      node.properties.push({ key, type: { kind: "literal", value: tag }, optional });
      return;
    }
    const property: PropertyNode = { key, type: { kind: "unknown" }, optional };
    node.properties.push(property);
    // In a bag of like values, a key seen only as null holds the same kind as its siblings.
    const assign = (type: TypeNode) => (property.type = node.additional !== undefined && type.kind === "unknown" && type.onlyNull ? node.additional : type);
    enqueue({ observations, hint: propertyHint(key, hint, node), path: child(path, key), depth: depth + 1, assign, partial, key });
  });
  return { kind: "object", object: node };
}

/** One position of `renamed` still to copy, and the hint the merge would give it under the new root. */
interface RenameTask {
  type: TypeNode;
  hint: NameHint;
  assign: (type: TypeNode) => void;
}

/**
 * A copy of `type` as `mergeObservations` would have built it from the same observations
 * under the root hint `hint`: the hints are all that depends on the root, and each is derived
 * again by the rules above (items, map values, union members, properties). Requests whose
 * samples are equal are merged once and copied: a copy walks the type graph, not every sampled
 * value. Iterative, as the merge is.
 */
export function renamed(type: TypeNode, hint: NameHint): TypeNode {
  let result: TypeNode = { kind: "unknown" };
  const queue: RenameTask[] = [{ type, hint, assign: (copy) => (result = copy) }];
  for (let i = 0; i < queue.length; i++) {
    const task = queue[i]!;
    queue[i] = undefined as unknown as RenameTask;
    task.assign(copyPosition(task, (next) => queue.push(next)));
  }
  return result;
}

function copyPosition({ type, hint }: RenameTask, enqueue: (task: RenameTask) => void): TypeNode {
  switch (type.kind) {
    case "array": {
      const array: TypeNode = { kind: "array", items: { kind: "unknown" } };
      enqueue({ type: type.items, hint: itemHint(hint), assign: (items) => (array.items = items) });
      return array;
    }
    case "map": {
      const map: TypeNode = { kind: "map", values: { kind: "unknown" } };
      enqueue({ type: type.values, hint: valueHint(hint), assign: (values) => (map.values = values) });
      return map;
    }
    case "union": {
      const union: TypeNode = { kind: "union", members: type.members.map((): TypeNode => ({ kind: "unknown" })) };
      if (type.discriminator !== undefined) union.discriminator = type.discriminator;
      // A position's objects merge into one object, or split into two or more members of a
      // discriminated union (`mergeObjects`), each tagged by its one literal property.
      const discriminated = type.members.filter((member) => member.kind === "object").length > 1;
      type.members.forEach((member, index) => {
        const tag = discriminated && member.kind === "object" ? tagOf(member.object) : undefined;
        const memberHintOrSame = tag === undefined ? hint : memberHint(hint, tag.field, tag.value);
        enqueue({ type: member, hint: memberHintOrSame, assign: (copy) => (union.members[index] = copy) });
      });
      return union;
    }
    case "object": {
      const source = type.object;
      const node: ObjectNode = { hint, properties: [], observed: source.observed, copyOf: source.copyOf ?? source };
      if (source.additional !== undefined) {
        enqueue({ type: source.additional, hint, assign: (additional) => (node.additional = additional) });
      }
      for (let i = 0; i < source.properties.length; i++) {
        const { key, type: propertyType, optional } = source.properties[i]!;
        const property: PropertyNode = { key, type: { kind: "unknown" }, optional };
        node.properties.push(property);
        enqueue({ type: propertyType, hint: propertyHint(key, hint, node), assign: (copy) => (property.type = copy) });
      }
      return { kind: "object", object: node };
    }
    case "string":
      return type.enumValues !== undefined ? { ...type, enumValues: [...type.enumValues] } : { ...type };
    default:
      return { ...type };
  }
}

/** The tag of a discriminated union's member: its one `literal` property (see `mergeObject`). */
function tagOf(object: ObjectNode): { field: string; value: string } | undefined {
  for (const property of object.properties) if (property.type.kind === "literal") return { field: property.key, value: property.type.value };
  return undefined;
}
