/**
 * `pmgen diff` without the command line: both sides go through the same load → model → infer
 * as `generate` (the same settings, the same reserved names, response headers left untyped), so
 * the types compared are the ones the generated clients have. Emit is not run: the comparison
 * reads the IR and the type graph (caller-surface.ts).
 */
import type { CollectionSettings } from "../config/settings.js";
import { inferCollection, modelCollections } from "../pipeline.js";
import { collectionSurface, type CollectionSurface } from "./caller-surface.js";
import { compareCollections } from "./compare-collections.js";
import { buildReport, type DiffReport } from "./report.js";

export interface DiffSide {
  /** How the report names the side: a path, a git ref, `working tree`. */
  label: string;
  inputs: readonly (string | CollectionSettings)[];
  /** What relative inputs are relative to (and what shown paths are relative to). */
  cwd: string;
  /** How a collection's path is shown (`HEAD~1:collections/lob.json` for a git snapshot). */
  shownAs?: (displayPath: string) => string;
}

export function diffSides(old: DiffSide, now: DiffSide): DiffReport {
  return buildReport(old.label, now.label, compareCollections(surfacesOf(old), surfacesOf(now)));
}

export function surfacesOf(side: DiffSide): CollectionSurface[] {
  if (!side.inputs.length) return [];
  const shown = side.shownAs ?? ((path: string) => path);
  return modelCollections(side.inputs, side.cwd).map(({ source, ir }) => collectionSurface(ir, inferCollection(ir, { responseHeaders: false }), shown(source.displayPath)));
}
