/**
 * The shape of a run's results (results.json holds `{ run, results: ApiResult[] }`): per API,
 * per mode, per unit, what each tool scored and why it lost, and the TypeScript check's counts.
 * The aggregate figures are computed from these counts (aggregate.ts), never stored instead of them.
 */
import type { Mode } from "./convert.js";
import type { Role } from "./openapi-schemas.js";
import type { Tool } from "./parameters.js";
import type { SpecStyles } from "./spec-units.js";
import type { UnitVerdict } from "./tools.js";

export interface ToolUnitScore {
  outcome: UnitVerdict["kind"];
  /** Instances the tool's schema accepts. */
  accepted: number;
  /** Flips the tool's schema rejects, all and at positions the collection's samples show. */
  rejected: number;
  seenRejected: number;
  reason?: string;
}

export interface TsUnitScore {
  /** Sampled instances and flips, and how many of each compile. */
  instances: number;
  instancesCompiling: number;
  flips: number;
  flipsCompiling: number;
  /** pmgen's schema on the same cases. */
  instancesAccepted: number;
  flipsAccepted: number;
  /** Cases where compiling and pmgen's schema agree. */
  agree: number;
}

export interface UnitResult {
  id: string;
  role: Role;
  status?: number;
  instances: number;
  flips: number;
  seenFlips: number;
  /** JSON bodies the collection holds for the unit. */
  samples: number;
  /** Instances holding null at a position where no sample of the collection does: no sample-based tool can know these are valid. */
  instancesWithUnseenNull: number;
  tools: Record<Tool, ToolUnitScore>;
  ts?: TsUnitScore;
  tsError?: string;
}

export interface ModeResult {
  error?: string;
  toolErrors: Partial<Record<Tool, string>>;
  tsError?: string;
  /** Items `pmgen openapi` left out because an earlier item has the same method and path (its x-pmgen-skipped-operations). */
  pmgenSkipped?: string[];
  /** Per tool, why it lost instances and flips (counts over this mode's units). */
  losses: Record<Tool, Losses>;
  /** The first few cases where the TypeScript check and pmgen's schema disagree, for diagnosis. */
  tsDisagreements: { unit: string; case: "instance" | "flip"; compiles: boolean; schemaAccepts: boolean; tsError?: string }[];
  /** Units the converted collection has no item for (the converter's doing, not a tool's): not scored. */
  notInCollection: string[];
  units: UnitResult[];
  ms: number;
}

export interface ApiResult {
  api: string;
  title: string;
  openapi: string;
  version: string;
  specUnits: number;
  styles: SpecStyles;
  /** Units not scored in any mode, with why. */
  excluded: { id: string; reason: string }[];
  /** Instances json-schema-faker made that the truth rejected, and attempts it failed. */
  discarded: number;
  generatorFailures: number;
  modes: Partial<Record<Mode, ModeResult>>;
  ms: number;
}

/** Tallies of why a tool loses: the first check each rejected instance fails, and the kind of each accepted flip. */
export interface Losses {
  rejectedInstances: Record<string, number>;
  acceptedFlips: Record<string, number>;
}

