/**
 * The collections under test: each spec converted by openapi-to-postmanv2 (its `convertV2`, as
 * Postman's importer) twice, with example values (`parametersResolution: "Example"`: the spec's
 * examples, else values its own faker makes) and with Postman's default type placeholders
 * (`"Schema"`: `"<string>"`, `"<integer>"`, ...). The converter's faker draws from Math.random
 * and stamps dates from the clock, and Postman ids are random UUIDs: the conversion runs with a
 * seeded Math.random and a fixed clock, and ids are renumbered, so a spec always gives the same
 * collection.
 */
import { openapiToPostman, type ConversionResult } from "../bench-packages.js";
import type { Json } from "./json-pointer.js";
import { withSeededGlobals } from "./seeded.js";

export const MODES = ["examples", "placeholders"] as const;
export type Mode = (typeof MODES)[number];

/** The clock the converter sees: the benchmark's baseline date. */
const FIXED_NOW = Date.UTC(2026, 11, 3);

export const CONVERTER_OPTIONS: Record<Mode, Record<string, unknown>> = {
  examples: { parametersResolution: "Example", folderStrategy: "Paths" },
  placeholders: { parametersResolution: "Schema", folderStrategy: "Paths" },
};

const UUID = /"(id|_postman_id)":"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"/g;

export type Conversion = { collection: Json; error?: undefined } | { collection?: undefined; error: string };

export function convertSpec(key: string, spec: Json, mode: Mode): Conversion {
  let outcome: ConversionResult | undefined;
  let failure: unknown;
  try {
    withSeededGlobals(`${key}|${mode}`, FIXED_NOW, () =>
      openapiToPostman().convertV2({ type: "json", data: structuredClone(spec) }, CONVERTER_OPTIONS[mode], (error, result) => {
        failure = error;
        outcome = result;
      }),
    );
  } catch (error) {
    failure = error;
  }
  if (failure) return { error: `openapi-to-postmanv2 threw: ${String((failure as Error).message ?? failure).slice(0, 300)}` };
  if (outcome === undefined) return { error: "openapi-to-postmanv2 did not answer synchronously" };
  if (!outcome.result) return { error: `openapi-to-postmanv2: ${outcome.reason ?? "no result"}` };
  const data = outcome.output?.find((o) => o.type === "collection")?.data;
  if (data === undefined) return { error: "openapi-to-postmanv2 returned no collection" };
  let n = 0;
  const text = JSON.stringify(data).replace(UUID, (_, field: string) => `"${field}":"bench-${String(n++).padStart(6, "0")}"`);
  return { collection: JSON.parse(text) as Json };
}
