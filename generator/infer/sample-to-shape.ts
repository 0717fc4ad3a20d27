/**
 * The evidence at one position of a document: every value seen there, sorted by JSON kind.
 * `merge` turns these buckets into a type; keeping the values (not early summaries) lets the
 * later decisions (maps, discriminated unions, enums) look at all of them.
 */
import { ExactNumber, type JsonValue } from "./contract.js";
import { isPlaceholder } from "./lenient-json.js";

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
}

/** The bucket of a kind no observation had: one shared empty list (most positions hold one kind). */
const NONE: readonly never[] = Object.freeze([]);

export function emptyShape(): Shape {
  return { nulls: 0, booleans: NONE, integers: NONE, fractions: NONE, strings: NONE, arrays: NONE, objects: NONE };
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
      if (!isPlaceholder(value)) shape.strings = add(shape.strings, observation as Observation<string>);
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

/**
 * Plain-text samples (headers, query values): typed as numbers or booleans only when every
 * sample reads as one, otherwise strings. Integers beyond 2^53 stay strings (a header's
 * `X-Request-Id: 123456789012345678901` must not be rounded by the client).
 */
export function textToValue(texts: readonly string[]): JsonValue[] {
  const nonEmpty = texts.length > 0;
  if (nonEmpty && texts.every((text) => /^-?(?:0|[1-9][0-9]{0,15})$/.test(text) && Number.isSafeInteger(Number(text))))
    return texts.map(Number);
  if (nonEmpty && texts.every((text) => /^-?(?:0|[1-9][0-9]{0,15})(?:\.[0-9]{1,15})?$/.test(text)))
    return texts.map(Number);
  if (nonEmpty && texts.every((text) => text === "true" || text === "false")) return texts.map((text) => text === "true");
  return [...texts];
}
