/**
 * When a string position becomes a literal union. Enums narrow what a client accepts, so a wrong
 * enum rejects real data; the rule asks for repeated evidence from more than one sample:
 *
 * - the values come from at least 2 different samples (examples / request bodies);
 * - at least 4 values were seen in total;
 * - 2 to 8 distinct values, each seen at least twice;
 * - every value looks like a code word (letters, digits, `_ - . :`, at most 32 characters,
 *   starting with a letter), not free text, and carries no string format.
 */
import { formatOf } from "./formats.js";

export interface StringObservation {
  value: string;
  /** Index of the sample (document) the value came from. */
  sample: number;
}

const CODE_WORD = /^[A-Za-z][A-Za-z0-9_.:-]{0,31}$/;

export const ENUM_RULE = { minSamples: 2, minValues: 4, minDistinct: 2, maxDistinct: 8, minRepeats: 2 } as const;

/** The enum's values in first-seen order, or undefined when the evidence is not enough. */
export function detectEnum(observations: readonly StringObservation[]): string[] | undefined {
  if (observations.length < ENUM_RULE.minValues) return undefined;
  const counts = new Map<string, number>();
  const samples = new Set<number>();
  for (const { value, sample } of observations) {
    counts.set(value, (counts.get(value) ?? 0) + 1);
    samples.add(sample);
    if (counts.size > ENUM_RULE.maxDistinct) return undefined;
  }
  if (samples.size < ENUM_RULE.minSamples || counts.size < ENUM_RULE.minDistinct) return undefined;
  for (const [value, count] of counts) {
    if (count < ENUM_RULE.minRepeats || !CODE_WORD.test(value) || formatOf(value) !== undefined) return undefined;
  }
  return [...counts.keys()];
}
