/**
 * Scores one API: its units' truth, instances and flips once, then for each conversion mode the
 * collection, each tool's verdict on every unit, and the TypeScript check of pmgen's client.
 * Everything here is seeded by the API key and unit id, so an API scores the same whether it is
 * run alone (`--api`) or with the others, in whatever order workers take them.
 */
import { mkdirSync, rmSync, writeFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { collectionItems, declaredPropertyNames, operationKey, positionsIn, seenPositions, unitSamples, type CollectionItem } from "./collection-samples.js";
import { convertSpec, type Mode } from "./convert.js";
import { allFlips } from "./flips.js";
import { fakerSchema, makeInstances } from "./instances.js";
import type { Json } from "./json-pointer.js";
import { jsonSchemaDocument, type Role } from "./openapi-schemas.js";
import { sample, seededRandom, shuffled } from "./seeded.js";
import { loadSpec, specStyles, specUnits, type SpecStyles, type SpecUnit } from "./spec-units.js";
import { TOOLS, type Tool } from "./parameters.js";
import { OpenApiOutput, pmgenOpenApi, postman2openapiDocument, quicktypeVerdict, runPmgen, type UnitVerdict } from "./tools.js";
import { compileCases, tsTarget, type TsCase, type TsTarget } from "./ts-check.js";
import { DocumentValidators, Draft07Validators, type Validate } from "./validators.js";

import { FLIPS_PER_INSTANCE, INSTANCES_PER_UNIT, TS_DISAGREEMENTS_KEPT, TS_FLIPS_PER_UNIT, TS_INSTANCES_PER_UNIT } from "./parameters.js";

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

export interface PreparedUnit {
  unit: SpecUnit;
  truth: Validate;
  instances: Json[];
  /** Per instance, the kept flips. */
  flips: { position: string; label: string; value: Json }[][];
}

/** Each unit's truth validator, instances and kept flips (the same for every mode). */
export function prepareUnits(api: string, spec: Json, units: SpecUnit[], declared: ReadonlySet<string>, result: Pick<ApiResult, "excluded" | "discarded" | "generatorFailures">): PreparedUnit[] {
  const prepared: PreparedUnit[] = [];
  for (const role of ["request", "response"] as const) {
    const roleUnits = units.filter((u) => u.role === role);
    if (roleUnits.length === 0) continue;
    const truth = jsonSchemaDocument(spec, roleUnits.map((u) => u.pointer), role);
    const validators = new DocumentValidators(truth, `truth:${role}`);
    for (const unit of roleUnits) {
      const compiled = validators.compile(unit.pointer);
      if (!compiled.validate) {
        result.excluded.push({ id: unit.id, reason: `the truth does not compile: ${compiled.error}` });
        continue;
      }
      const truthValidate = compiled.validate;
      const seed = `${api}|${unit.id}|instances`;
      const made = makeInstances(fakerSchema(truth.document, truth.refOf.get(unit.pointer)!, seed), INSTANCES_PER_UNIT, seed, truthValidate);
      result.discarded += made.discarded;
      result.generatorFailures += made.failed;
      if (made.instances.length === 0) {
        const why = made.failed > 0 ? `json-schema-faker failed: ${made.firstError}` : `all ${made.discarded} instances json-schema-faker made were rejected by the truth`;
        result.excluded.push({ id: unit.id, reason: `no instance: ${why}` });
        continue;
      }
      const flips = made.instances.map((instance, i) => {
        const candidates = shuffled(allFlips(instance, declared), seededRandom(`${api}|${unit.id}|flips|${i}`));
        const kept: PreparedUnit["flips"][number] = [];
        for (const candidate of candidates) {
          if (kept.length >= FLIPS_PER_INSTANCE) break;
          const value = candidate.value();
          if (!truthValidate(value)) kept.push({ position: candidate.position, label: candidate.label, value });
        }
        return kept;
      });
      prepared.push({ unit, truth: truthValidate, instances: made.instances, flips });
    }
  }
  return prepared;
}

/** Tallies of why a tool loses: the first check each rejected instance fails, and the kind of each accepted flip. */
export interface Losses {
  rejectedInstances: Record<string, number>;
  acceptedFlips: Record<string, number>;
}

const tally = (counts: Record<string, number>, key: string) => {
  counts[key] = (counts[key] ?? 0) + 1;
};

function scoreVerdict(verdict: UnitVerdict, prepared: PreparedUnit, seen: ReadonlySet<string>, losses: Losses): ToolUnitScore {
  const score: ToolUnitScore = { outcome: verdict.kind, accepted: 0, rejected: 0, seenRejected: 0 };
  if (verdict.kind === "missing" || verdict.kind === "failed") {
    score.reason = verdict.reason;
    tally(losses.rejectedInstances, `unit ${verdict.kind}`);
    return score;
  }
  const validate: Validate = verdict.kind === "schema" ? verdict.validate : () => true;
  for (const instance of prepared.instances) {
    if (validate(instance)) score.accepted++;
    else if (verdict.kind === "schema") tally(losses.rejectedInstances, verdict.rejectionKind(instance));
  }
  for (const flip of prepared.flips.flat()) {
    if (validate(flip.value)) {
      tally(losses.acceptedFlips, verdict.kind === "no-schema" ? "no schema" : flip.label.slice(flip.label.lastIndexOf(": ") + 2));
      continue;
    }
    score.rejected++;
    if (seen.has(flip.position)) score.seenRejected++;
  }
  return score;
}

/** The item of each unit in the collection; a method and path more than one spec operation has are ambiguous. */
function itemsOfUnits(units: readonly PreparedUnit[], items: readonly CollectionItem[]): Map<string, CollectionItem> {
  const byKey = new Map<string, CollectionItem>();
  for (const item of items) if (!byKey.has(item.key)) byKey.set(item.key, item);
  const operationsPerKey = new Map<string, Set<string>>();
  for (const { unit } of units) {
    const key = operationKey(unit.method, unit.path);
    operationsPerKey.set(key, (operationsPerKey.get(key) ?? new Set()).add(`${unit.method} ${unit.path}`));
  }
  const found = new Map<string, CollectionItem>();
  for (const { unit } of units) {
    const key = operationKey(unit.method, unit.path);
    const item = byKey.get(key);
    if (item !== undefined && operationsPerKey.get(key)!.size === 1) found.set(unit.id, item);
  }
  return found;
}

/** A mode's collection and the tools' outputs for it: everything a unit's verdicts need. */
export interface ModeContext {
  dir: string;
  collectionFile: string;
  itemOf: Map<string, CollectionItem>;
  pmgen?: OpenApiOutput;
  postman2openapi?: OpenApiOutput;
  quicktypeValidators: Draft07Validators;
  toolErrors: Partial<Record<Tool, string>>;
}

/** Converts the spec, writes the collection and runs the OpenAPI-producing tools on it. */
export function prepareMode(api: string, mode: Mode, spec: Json, prepared: readonly PreparedUnit[], workDir: string): ModeContext | { error: string } {
  const conversion = convertSpec(api, spec, mode);
  if (conversion.error !== undefined) return { error: conversion.error };
  const dir = join(workDir, mode);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const collectionFile = join(dir, "api.postman_collection.json");
  writeFileSync(collectionFile, JSON.stringify(conversion.collection, null, 2));
  const itemOf = itemsOfUnits(prepared, collectionItems(conversion.collection));
  const units = prepared.map((p) => p.unit);
  const context: ModeContext = { dir, collectionFile, itemOf, quicktypeValidators: new Draft07Validators(), toolErrors: {} };
  const pmgenDocument = pmgenOpenApi(collectionFile, join(dir, "pmgen.openapi.json"), dir);
  if ("document" in pmgenDocument) context.pmgen = new OpenApiOutput(pmgenDocument.document, "pmgen", units);
  else context.toolErrors.pmgen = pmgenDocument.error;
  const p2oDocument = postman2openapiDocument(conversion.collection);
  if ("document" in p2oDocument) {
    writeFileSync(join(dir, "postman2openapi.openapi.json"), JSON.stringify(p2oDocument.document, null, 2));
    context.postman2openapi = new OpenApiOutput(p2oDocument.document, "postman2openapi", units);
  } else context.toolErrors.postman2openapi = p2oDocument.error;
  return context;
}

/** Each tool's verdict on a unit of the collection, with the unit's samples. */
export async function unitVerdicts(context: ModeContext, unit: SpecUnit): Promise<{ samples: string[]; verdicts: Record<Tool, UnitVerdict> }> {
  const samples = unitSamples(context.itemOf.get(unit.id)!, unit);
  const verdicts: Record<Tool, UnitVerdict> = {
    pmgen: context.pmgen?.verdict(unit) ?? { kind: "failed", reason: context.toolErrors.pmgen! },
    quicktype: await quicktypeVerdict(samples, context.quicktypeValidators),
    postman2openapi: context.postman2openapi?.verdict(unit) ?? { kind: "failed", reason: context.toolErrors.postman2openapi! },
  };
  return { samples, verdicts };
}

async function scoreMode(api: string, mode: Mode, spec: Json, prepared: PreparedUnit[], declared: ReadonlySet<string>, workDir: string): Promise<ModeResult> {
  const started = Date.now();
  const result: ModeResult = {
    toolErrors: {},
    notInCollection: [],
    units: [],
    losses: Object.fromEntries(TOOLS.map((tool) => [tool, { rejectedInstances: {}, acceptedFlips: {} }])) as Record<Tool, Losses>,
    tsDisagreements: [],
    ms: 0,
  };
  const context = prepareMode(api, mode, spec, prepared, workDir);
  if ("error" in context) {
    result.error = context.error;
    return result;
  }
  result.toolErrors = context.toolErrors;
  const skipped = context.pmgen?.document["x-pmgen-skipped-operations"];
  if (Array.isArray(skipped) && skipped.length > 0) result.pmgenSkipped = skipped.map(String);
  const scored = prepared.filter(({ unit }) => {
    if (context.itemOf.has(unit.id)) return true;
    result.notInCollection.push(unit.id);
    return false;
  });
  const pmgenVerdicts = new Map<string, UnitVerdict>();
  for (const p of scored) {
    const { samples, verdicts } = await unitVerdicts(context, p.unit);
    const seen = seenPositions(samples, declared);
    const seenNull = seenPositions(samples, declared, true);
    pmgenVerdicts.set(p.unit.id, verdicts.pmgen);
    const flips = p.flips.flat();
    result.units.push({
      id: p.unit.id,
      role: p.unit.role,
      ...(p.unit.status !== undefined ? { status: p.unit.status } : {}),
      instances: p.instances.length,
      flips: flips.length,
      seenFlips: flips.filter((f) => seen.has(f.position)).length,
      samples: samples.length,
      instancesWithUnseenNull: p.instances.filter((instance) => [...positionsIn(instance, declared, true)].some((position) => !seenNull.has(position))).length,
      tools: Object.fromEntries(TOOLS.map((tool) => [tool, scoreVerdict(verdicts[tool], p, seen, result.losses[tool])])) as Record<Tool, ToolUnitScore>,
    });
  }
  if (context.pmgen !== undefined) typeCheck(api, context.pmgen, scored, pmgenVerdicts, result, context.dir);
  else result.tsError = `no client: ${result.toolErrors.pmgen}`;
  result.ms = Date.now() - started;
  return result;
}

/** The TypeScript check of pmgen's generated client on a seeded sample of each unit's cases. */
function typeCheck(api: string, pmgen: OpenApiOutput, scored: PreparedUnit[], verdicts: Map<string, UnitVerdict>, result: ModeResult, dir: string): void {
  const out = join(dir, "client");
  rmSync(out, { recursive: true, force: true });
  const run = runPmgen(["generate", join(dir, "api.postman_collection.json"), "--out", out], dir);
  if (!run.ok) {
    result.tsError = run.error;
    return;
  }
  const clientDir = join(out, readdirSync(out).find((name) => !name.startsWith("."))!);
  const cases: TsCase[] = [];
  const owners: { unit: UnitResult; isInstance: boolean; schemaAccepts: boolean }[] = [];
  scored.forEach((p, index) => {
    const unitResult = result.units.find((u) => u.id === p.unit.id)!;
    const verdict = verdicts.get(p.unit.id)!;
    if (verdict.kind === "missing" || verdict.kind === "failed") {
      unitResult.tsError = "pmgen has no schema or operation for it (scored as failed above)";
      return;
    }
    const operationId = pmgen.operation(p.unit)?.operationId;
    const target: TsTarget | { error: string } = typeof operationId === "string" ? tsTarget(clientDir, operationId, p.unit, index) : { error: "pmgen's operation has no operationId" };
    if ("error" in target) {
      unitResult.tsError = target.error;
      return;
    }
    const random = seededRandom(`${api}|${p.unit.id}|ts`);
    const accepts: Validate = verdict.kind === "schema" ? verdict.validate : () => true;
    unitResult.ts = { instances: 0, instancesCompiling: 0, flips: 0, flipsCompiling: 0, instancesAccepted: 0, flipsAccepted: 0, agree: 0 };
    for (const value of p.instances.slice(0, TS_INSTANCES_PER_UNIT)) {
      cases.push({ target, value });
      owners.push({ unit: unitResult, isInstance: true, schemaAccepts: accepts(value) });
    }
    for (const flip of sample(p.flips.flat(), TS_FLIPS_PER_UNIT, random)) {
      cases.push({ target, value: flip.value });
      owners.push({ unit: unitResult, isInstance: false, schemaAccepts: accepts(flip.value) });
    }
  });
  let compiles: (string | undefined)[];
  try {
    compiles = compileCases(clientDir, cases);
  } catch (error) {
    result.tsError = `the TypeScript compiler failed: ${String((error as Error).message ?? error).slice(0, 300)}`;
    for (const unit of result.units) delete unit.ts;
    return;
  }
  compiles.forEach((tsError, i) => {
    const compiled = tsError === undefined;
    const { unit, isInstance, schemaAccepts } = owners[i]!;
    const ts = unit.ts!;
    if (isInstance) {
      ts.instances++;
      if (compiled) ts.instancesCompiling++;
      if (schemaAccepts) ts.instancesAccepted++;
    } else {
      ts.flips++;
      if (compiled) ts.flipsCompiling++;
      if (schemaAccepts) ts.flipsAccepted++;
    }
    if (compiled === schemaAccepts) ts.agree++;
    else if (result.tsDisagreements.length < TS_DISAGREEMENTS_KEPT) {
      result.tsDisagreements.push({ unit: unit.id, case: isInstance ? "instance" : "flip", compiles: compiled, schemaAccepts, ...(tsError ? { tsError } : {}) });
    }
  });
}

export function apiWorkDir(workRoot: string, api: string): string {
  return join(workRoot, api.replace(/[^A-Za-z0-9.-]+/g, "_"));
}

export async function scoreApi(api: string, modes: readonly Mode[], workRoot: string): Promise<ApiResult> {
  const started = Date.now();
  const spec = loadSpec(api);
  const info = (spec.info ?? {}) as { title?: string; version?: string };
  const units = specUnits(spec);
  const result: ApiResult = {
    api,
    title: info.title ?? api,
    openapi: String(spec.openapi ?? "?"),
    version: String(info.version ?? "?"),
    specUnits: units.length,
    styles: specStyles(spec),
    excluded: [],
    discarded: 0,
    generatorFailures: 0,
    modes: {},
    ms: 0,
  };
  const declared = declaredPropertyNames(spec);
  const prepared = prepareUnits(api, spec, units, declared, result);
  const workDir = apiWorkDir(workRoot, api);
  for (const mode of modes) result.modes[mode] = await scoreMode(api, mode, spec, prepared, declared, workDir);
  result.ms = Date.now() - started;
  return result;
}
