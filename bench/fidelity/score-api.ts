/**
 * Scores one API: its units' truth, instances and flips once, then for each conversion mode the
 * collection, each tool's verdict on every unit, and the TypeScript check of pmgen's client.
 * Everything here is seeded by the API key and unit id, so an API scores the same whether it is
 * run alone (`--api`) or with the others, in whatever order workers take them.
 */
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { collectionItems, declaredPropertyNames, operationKey, positionsIn, seenPositions, unitSamples, type CollectionItem } from "./collection-samples.js";
import { convertSpec, type Mode } from "./convert.js";
import type { Json } from "./json-pointer.js";
import { TOOLS, type Tool } from "./parameters.js";
import { prepareUnits, type PreparedUnit } from "./prepare-units.js";
import type { ApiResult, Losses, ModeResult, ToolUnitScore } from "./result-types.js";
import { loadSpec, specStyles, specUnits, type SpecUnit } from "./spec-units.js";
import { OpenApiOutput, pmgenOpenApi, postman2openapiDocument, quicktypeVerdict, type UnitVerdict } from "./tools.js";
import { typeCheck } from "./ts-sample.js";
import { Draft07Validators, type Validate } from "./validators.js";

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
