/**
 * The evidence at one position of a document: every value seen there, sorted by JSON kind.
 * `merge` turns these buckets into a type; keeping the values (not early summaries) lets the
 * later decisions (maps, discriminated unions, enums) look at all of them.
 */
import { ExactNumber, type JsonValue } from "./contract.js";
import type { StringFormat } from "./graph.js";
import { isPlaceholder } from "./lenient-json.js";
import { typePlaceholder } from "./type-placeholders.js";

export type JsonObject = { [key: string]: JsonValue };

/** One value at a position, and which sample (document) it came from. */
export interface Observation<T = JsonValue> {
  value: T;
  sample: number;
}

export interface Shape {
  nulls: number;
  booleans: readonly Observation<boolean>[];
  integers: readonly Observation<number | ExactNumber>[];
  /** Numbers with a fraction or exponent beyond integer range. */
  fractions: readonly Observation<number | ExactNumber>[];
  strings: readonly Observation<string>[];
  arrays: readonly Observation<JsonValue[]>[];
  objects: readonly Observation<JsonObject>[];
  /** Types stated by OpenAPI-import placeholders (`"<long>"`): evidence of a kind, without a value. */
  stated: Stated;
}

export interface Stated {
  integers: number;
  numbers: number;
  booleans: number;
  /** The format each string placeholder states (`<dateTime>`), undefined for `<string>`. */
  strings: readonly (StringFormat | undefined)[];
}

const NOTHING_STATED: Stated = Object.freeze({ integers: 0, numbers: 0, booleans: 0, strings: Object.freeze([]) });

/** The bucket of a kind no observation had: one shared empty list (most positions hold one kind). */
const NONE: readonly never[] = Object.freeze([]);

export function emptyShape(): Shape {
  return { nulls: 0, booleans: NONE, integers: NONE, fractions: NONE, strings: NONE, arrays: NONE, objects: NONE, stated: NOTHING_STATED };
}

/** `list` with `item` added: a new list in place of NONE, else the same one. */
function add<T>(list: readonly T[], item: T): T[] {
  const target = list === NONE ? [] : (list as T[]);
  target.push(item);
  return target;
}

/**
 * Sorts observations into a shape's buckets. The observation objects themselves go into the
 * buckets (a position sees every value of every sample: copying them doubled inference's garbage).
 */
export function shapeOf(observations: readonly Observation[]): Shape {
  const shape = emptyShape();
  for (let i = 0; i < observations.length; i++) {
    const observation = observations[i]!;
    const value = observation.value;
    if (value === null) shape.nulls++;
    else if (typeof value === "string") {
      const placeholder = typePlaceholder(value);
      if (placeholder !== undefined) state(shape, placeholder, observation.sample);
      else if (!isPlaceholder(value)) shape.strings = add(shape.strings, observation as Observation<string>);
    } else if (typeof value === "number") {
      if (Number.isInteger(value)) shape.integers = add(shape.integers, observation as Observation<number>);
      else shape.fractions = add(shape.fractions, observation as Observation<number>);
    } else if (typeof value === "boolean") shape.booleans = add(shape.booleans, observation as Observation<boolean>);
    else if (value instanceof ExactNumber) {
      if (/^-?[0-9]+$/.test(value.raw)) shape.integers = add(shape.integers, observation as Observation<ExactNumber>);
      else shape.fractions = add(shape.fractions, observation as Observation<ExactNumber>);
    } else if (Array.isArray(value)) shape.arrays = add(shape.arrays, observation as Observation<JsonValue[]>);
    else shape.objects = add(shape.objects, observation as Observation<JsonObject>);
  }
  return shape;
}

/** Records what a type placeholder states; `<object>` counts as an object without keys. */
function state(shape: Shape, placeholder: NonNullable<ReturnType<typeof typePlaceholder>>, sample: number): void {
  if (placeholder.kind === "object") {
    shape.objects = add(shape.objects, { value: {}, sample });
    return;
  }
  const stated = shape.stated === NOTHING_STATED ? (shape.stated = { integers: 0, numbers: 0, booleans: 0, strings: [] }) : shape.stated;
  if (placeholder.kind === "string") (stated.strings as (StringFormat | undefined)[]).push(placeholder.format);
  else if (placeholder.kind === "integer") stated.integers++;
  else if (placeholder.kind === "number") stated.numbers++;
  else stated.booleans++;
}

/**
 * Plain-text samples (headers, query values): typed as numbers or booleans only when every
 * sample reads as one, otherwise strings. Integers beyond 2^53 stay strings (a header's
 * `X-Request-Id: 123456789012345678901` must not be rounded by the client).
 */
export function textToValue(texts: readonly string[]): JsonValue[] {
  // Type placeholders (`<integer>`) stay as they are: `shapeOf` reads them as stated types.
  const values = texts.filter((text) => typePlaceholder(text) === undefined);
  const stated = new Set(texts.map((text) => typePlaceholder(text)?.kind).filter((kind) => kind !== undefined));
  const convert = (read: (text: string) => JsonValue) => texts.map((text) => (typePlaceholder(text) === undefined ? read(text) : text));
  const only = (...kinds: string[]) => [...stated].every((kind) => kinds.includes(kind));
  const nonEmpty = values.length > 0;
  if (nonEmpty && only("integer", "number") && values.every((text) => /^-?(?:0|[1-9][0-9]{0,15})$/.test(text) && Number.isSafeInteger(Number(text))))
    return convert(Number);
  if (nonEmpty && only("integer", "number") && values.every((text) => /^-?(?:0|[1-9][0-9]{0,15})(?:\.[0-9]{1,15})?$/.test(text)))
    return convert(Number);
  if (nonEmpty && only("boolean") && values.every((text) => text === "true" || text === "false")) return convert((text) => text === "true");
  return [...texts];
}
