/**
 * Held-out checks: does a schema accept the held-out body (acceptance), and does it reject the
 * body with one leaf's JSON type flipped (rejection)? Mutations are chosen with a seeded RNG
 * so every run scores the same bodies the same way.
 */
import { createRequire } from "node:module";
import type { ValidateFunction } from "ajv";
import { seededRandom } from "../fidelity/seeded.js";

const require = createRequire(import.meta.url);
// CommonJS packages: their default exports, typed loosely.
const Ajv2020 = require("ajv/dist/2020").default as new (options: object) => AjvLike;
const Ajv07 = require("ajv").default as new (options: object) => AjvLike;
const addFormats = require("ajv-formats").default as (ajv: AjvLike) => void;

interface AjvLike {
  compile(schema: unknown): ValidateFunction;
  removeSchema(schema?: unknown): unknown;
  addFormat(name: string, format: RegExp): unknown;
}

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type Path = (string | number)[];

function makeAjv(draft: "2020" | "07"): AjvLike {
  const ajv = draft === "2020" ? new Ajv2020({ strict: false, logger: false }) : new Ajv07({ strict: false, logger: false });
  addFormats(ajv);
  // quicktype's string formats for numbers and booleans written as strings.
  ajv.addFormat("integer", /^-?[0-9]+$/);
  ajv.addFormat("boolean", /^(?:true|false)$/);
  return ajv;
}

const ajv2020 = makeAjv("2020");
const ajv07 = makeAjv("07");

/** Compiles a schema (pmgen's in the 2020-12 dialect, the anchors' in draft-07); false on a compile error. */
export function compile(schema: unknown, draft: "2020" | "07"): ((value: Json) => boolean) | undefined {
  const ajv = draft === "2020" ? ajv2020 : ajv07;
  try {
    const validate = ajv.compile(schema);
    ajv.removeSchema(schema);
    return (value) => validate(value) === true;
  } catch {
    return undefined;
  }
}

/** The fidelity bench's seeded PRNG (same seeds, same draws). */
export const rng = seededRandom;

export function pick<T>(items: readonly T[], count: number, random: () => number): T[] {
  const pool = [...items];
  const chosen: T[] = [];
  while (chosen.length < count && pool.length > 0) chosen.push(pool.splice(Math.floor(random() * pool.length), 1)[0]!);
  return chosen;
}

/** Paths of the scalar leaves under `path` in `value`. */
export function leaves(value: Json, path: Path = []): Path[] {
  const out: Path[] = [];
  const stack: [Json, Path][] = [[at(value, path), path]];
  while (stack.length > 0) {
    const [node, where] = stack.pop()!;
    if (Array.isArray(node)) node.forEach((item, i) => stack.push([item, [...where, i]]));
    else if (node !== null && typeof node === "object") for (const key of Object.keys(node)) stack.push([node[key]!, [...where, key]]);
    else out.push(where);
  }
  return out.reverse();
}

/** Paths of arrays with at least two elements. */
export function arrays(value: Json): Path[] {
  const out: Path[] = [];
  const stack: [Json, Path][] = [[value, []]];
  while (stack.length > 0) {
    const [node, where] = stack.pop()!;
    if (Array.isArray(node)) {
      if (node.length >= 2) out.push(where);
      node.forEach((item, i) => stack.push([item, [...where, i]]));
    } else if (node !== null && typeof node === "object") for (const key of Object.keys(node)) stack.push([node[key]!, [...where, key]]);
  }
  return out.reverse();
}

export function at(value: Json, path: Path): Json {
  let node = value;
  for (const step of path) node = (node as Record<string | number, Json>)[step]!;
  return node;
}

function clone(value: Json): Json {
  return JSON.parse(JSON.stringify(value)) as Json;
}

/** The value with the leaf at `path` replaced by one of another JSON type. */
export function flipLeaf(value: Json, path: Path): Json {
  const copy = clone(value);
  const leaf = at(copy, path);
  const flipped: Json =
    typeof leaf === "string" ? 12345 : typeof leaf === "number" ? String(leaf) : typeof leaf === "boolean" ? String(leaf) : { mutated: true };
  if (path.length === 0) return flipped;
  const parent = at(copy, path.slice(0, -1)) as Record<string | number, Json>;
  parent[path[path.length - 1]!] = flipped;
  return copy;
}

/** The value without the array element at `path`. */
export function withoutElement(value: Json, path: Path): Json {
  const copy = clone(value);
  const array = at(copy, path.slice(0, -1)) as Json[];
  array.splice(path[path.length - 1] as number, 1);
  return copy;
}

export interface Score {
  heldOut: number;
  accepted: number;
  mutations: number;
  rejected: number;
  failures: number;
}

export function emptyScore(): Score {
  return { heldOut: 0, accepted: 0, mutations: 0, rejected: 0, failures: 0 };
}

export function rates(score: Score): { acceptance: number; rejection: number; harmonic: number } {
  const acceptance = score.heldOut === 0 ? NaN : score.accepted / score.heldOut;
  const rejection = score.mutations === 0 ? NaN : score.rejected / score.mutations;
  const harmonic = acceptance + rejection === 0 ? 0 : (2 * acceptance * rejection) / (acceptance + rejection);
  return { acceptance, rejection, harmonic };
}
