/**
 * The tools compared and the benchmark's sample sizes, in one place so the report can name them
 * without loading the scoring code (the main process stays small). Changing a sample size
 * changes every score: record it in the README's history.
 */

export const TOOLS = ["pmgen", "quicktype", "postman2openapi"] as const;
export type Tool = (typeof TOOLS)[number];

/** Instances per unit the truth must accept (json-schema-faker gets 3 attempts per instance). */
export const INSTANCES_PER_UNIT = 4;
/** Flips kept per instance (among those the truth rejects), drawn in a seeded order. */
export const FLIPS_PER_INSTANCE = 24;
/** Per unit, the TypeScript check takes this many instances and flips. */
export const TS_INSTANCES_PER_UNIT = 2;
export const TS_FLIPS_PER_UNIT = 4;
/** Disagreements between the TypeScript check and the schema kept per API and mode in results.json. */
export const TS_DISAGREEMENTS_KEPT = 8;
