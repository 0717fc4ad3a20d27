/**
 * Seeded randomness, so every run of the benchmark makes the same instances, flips and samples:
 * a generator per named purpose (`api|unit|instances`), independent of run order and of which
 * APIs or modes a run selects.
 */

/** A PRNG (mulberry32) seeded from a text's FNV-1a hash; returns numbers in [0, 1). */
export function seededRandom(seedText: string): () => number {
  let seed = 2166136261;
  for (let i = 0; i < seedText.length; i++) seed = Math.imul(seed ^ seedText.charCodeAt(i), 16777619);
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Up to `count` items of `items`, drawn without replacement, in the order drawn. */
export function sample<T>(items: readonly T[], count: number, random: () => number): T[] {
  if (items.length <= count) return [...items];
  const pool = [...items];
  const chosen: T[] = [];
  while (chosen.length < count) chosen.push(pool.splice(Math.floor(random() * pool.length), 1)[0]!);
  return chosen;
}

/** The generator `delegatingRandom` draws from while a `withSeededGlobals` action runs. */
let currentRandom: () => number = Math.random;
/**
 * What Math.random is while an action runs. A library that keeps a reference to Math.random
 * (json-schema-faker's default `random` option, taken when openapi-to-postmanv2 first loads it)
 * keeps this one, and so draws from the seed of whichever action runs later, not from the
 * stream of the action that happened to load it.
 */
const delegatingRandom = () => currentRandom();

/** A seeded shuffle (Fisher–Yates) of a copy of `items`. */
export function shuffled<T>(items: readonly T[], random: () => number): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy;
}

/** Runs `action` with Math.random and the current date replaced by seeded, fixed ones. */
export function withSeededGlobals<T>(seedText: string, fixedNow: number, action: () => T): T {
  const realRandom = Math.random;
  const previous = currentRandom;
  const RealDate = Date;
  class FixedDate extends RealDate {
    constructor(...args: unknown[]) {
      if (args.length === 0) super(fixedNow);
      else super(...(args as [string]));
    }
    static override now(): number {
      return fixedNow;
    }
  }
  currentRandom = seededRandom(seedText);
  Math.random = delegatingRandom;
  globalThis.Date = FixedDate as DateConstructor;
  try {
    return action();
  } finally {
    currentRandom = previous;
    Math.random = realRandom;
    globalThis.Date = RealDate;
  }
}
