/**
 * The three tools under test and what each says about a unit. pmgen: its `pmgen openapi`
 * output (the built bin, as a user runs it), responses per status and the request body.
 * postman2openapi: its OpenAPI 3.0 of the same collection, read the same way. quicktype-core:
 * a JSON Schema inferred from the JSON bodies the collection holds for that unit.
 *
 * Rules, the same for every tool:
 * - the tool's operation for the unit is absent (dropped, or merged into another item with the
 *   same method and path) → `missing`: the unit is failed (recall 0, precision 0);
 * - the tool crashed on the collection or the unit, or its schema does not compile → `failed`,
 *   scored like `missing`;
 * - the operation is there but has no schema for that status or body (or quicktype has no
 *   sample) → `no-schema`: the tool says nothing, so it accepts everything (recall 100,
 *   precision 0).
 */
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { postman2openapi, quicktypeCore } from "../bench-packages.js";
import { operationKey } from "./collection-samples.js";
import { childPointer, isObject, resolvePointer, type Json, type JsonObject } from "./json-pointer.js";
import { jsonSchemaDocument, type Role } from "./openapi-schemas.js";
import { METHODS, type SpecUnit } from "./spec-units.js";
import { DocumentValidators, Draft07Validators, type Errors, type Explain, type RejectionKind, type Validate } from "./validators.js";

export { TOOLS, type Tool } from "./parameters.js";

export type UnitVerdict =
  | { kind: "schema"; validate: Validate; explain: Explain; errors: Errors; rejectionKind: RejectionKind }
  | { kind: "no-schema" }
  | { kind: "missing"; reason: string }
  | { kind: "failed"; reason: string };

/** pmgen's bin, built by `npm run build`; PMGEN_BIN names another build (to measure before/after side by side). */
export const PMGEN_BIN = process.env.PMGEN_BIN ?? new URL("../../dist/pmgen.cjs", import.meta.url).pathname;
const TOOL_TIMEOUT_MS = 300_000;

/** Runs the built pmgen bin; its stderr's last lines on failure. */
export function runPmgen(args: readonly string[], cwd: string): { ok: true } | { ok: false; error: string } {
  const result = spawnSync(process.execPath, [PMGEN_BIN, ...args, "--quiet"], { cwd, encoding: "utf8", timeout: TOOL_TIMEOUT_MS, maxBuffer: 64 * 1024 * 1024 });
  if (result.error) return { ok: false, error: `pmgen ${args[0]}: ${result.error.message}` };
  if (result.status !== 0) {
    const tail = `${result.stderr ?? ""}${result.stdout ?? ""}`.trim().split("\n").slice(-3).join(" | ");
    return { ok: false, error: `pmgen ${args[0]} exited ${result.status ?? result.signal}: ${tail.slice(0, 400)}` };
  }
  return { ok: true };
}

function mediaSchemaPointer(content: Json | undefined, pointer: string): string | undefined {
  if (!isObject(content)) return undefined;
  const types = Object.keys(content).filter((type) => isObject(content[type]) && (content[type] as JsonObject).schema !== undefined);
  const chosen = types.find((type) => /json/i.test(type)) ?? types[0];
  return chosen === undefined ? undefined : childPointer(pointer, "content", chosen, "schema");
}

interface ToolOperation {
  method: string;
  segments: string[];
  pointer: string;
  operation: JsonObject;
}

/**
 * An OpenAPI document a tool wrote, read per unit. A unit's operation is the tool's operation
 * with the same method and path template; failing that, the only one whose path fits the spec's
 * template with each parameter segment matching any segment (a converter may write `{y}.pbf`
 * as `{{y}}.pbf`, which the tools resolve to the variable's value, `7856.pbf`) and that no
 * other spec operation claims exactly.
 */
export class OpenApiOutput {
  private readonly operations = new Map<string, ToolOperation>();
  private readonly pointers = new Map<string, string | undefined>();
  private readonly validators = new Map<Role, DocumentValidators>();

  private readonly specKeys: Set<string>;

  constructor(
    readonly document: JsonObject,
    private readonly name: string,
    units: readonly SpecUnit[],
  ) {
    const paths = isObject(document.paths) ? document.paths : {};
    for (const path of Object.keys(paths)) {
      const item = paths[path];
      if (!isObject(item)) continue;
      for (const method of METHODS) {
        const operation = item[method];
        const key = operationKey(method, path);
        if (isObject(operation) && !this.operations.has(key)) {
          this.operations.set(key, { method, segments: key.slice(method.length + 1).split("/"), pointer: childPointer("#", "paths", path, method), operation });
        }
      }
    }
    this.specKeys = new Set(units.map((u) => operationKey(u.method, u.path)));
    for (const role of ["request", "response"] as const) {
      const roots = units.filter((u) => u.role === role).map((u) => this.schemaPointer(u)).filter((p): p is string => p !== undefined);
      this.validators.set(role, new DocumentValidators(jsonSchemaDocument(document, roots, role), `${name}:${role}`));
    }
  }

  private find(unit: SpecUnit): ToolOperation | undefined {
    const key = operationKey(unit.method, unit.path);
    const exact = this.operations.get(key);
    if (exact !== undefined) return exact;
    const wanted = key.slice(unit.method.length + 1).split("/");
    const fitting = [...this.operations].filter(
      ([toolKey, op]) =>
        op.method === unit.method &&
        !this.specKeys.has(toolKey) &&
        op.segments.length === wanted.length &&
        wanted.every((segment, i) => segment === "{}" || segment === op.segments[i]),
    );
    return fitting.length === 1 ? fitting[0]![1] : undefined;
  }

  /** The tool's operation for a unit, if it has one. */
  operation(unit: SpecUnit): JsonObject | undefined {
    return this.find(unit)?.operation;
  }

  private schemaPointer(unit: SpecUnit): string | undefined {
    if (this.pointers.has(unit.id)) return this.pointers.get(unit.id);
    const found = this.find(unit);
    let pointer: string | undefined;
    if (found !== undefined) {
      const at = unit.role === "request" ? childPointer(found.pointer, "requestBody") : childPointer(found.pointer, "responses", String(unit.status));
      const target = resolvePointer(this.document, at);
      // A `$ref`'d response or body (postman2openapi does not write them; pmgen neither) is read through.
      const object = isObject(target) && typeof target.$ref === "string" ? target.$ref : at;
      pointer = mediaSchemaPointer((resolvePointer(this.document, object) as JsonObject | undefined)?.content, object);
    }
    this.pointers.set(unit.id, pointer);
    return pointer;
  }

  verdict(unit: SpecUnit): UnitVerdict {
    if (this.operation(unit) === undefined) return { kind: "missing", reason: `${this.name} has no operation ${unit.method.toUpperCase()} ${unit.path}` };
    const pointer = this.schemaPointer(unit);
    if (pointer === undefined) return { kind: "no-schema" };
    const compiled = this.validators.get(unit.role)!.compile(pointer);
    return compiled.validate ? { kind: "schema", validate: compiled.validate, explain: compiled.explain, errors: compiled.errors, rejectionKind: compiled.rejectionKind } : { kind: "failed", reason: `${this.name} schema does not compile: ${compiled.error}` };
  }
}

/** pmgen's OpenAPI for a collection file, written by `pmgen openapi`. */
export function pmgenOpenApi(collectionFile: string, outFile: string, cwd: string): { document: JsonObject } | { error: string } {
  const run = runPmgen(["openapi", collectionFile, "-o", outFile], cwd);
  if (!run.ok) return { error: run.error };
  return { document: JSON.parse(readFileSync(outFile, "utf8")) as JsonObject };
}

export function postman2openapiDocument(collection: Json): { document: JsonObject } | { error: string } {
  try {
    const document = postman2openapi().transpile(collection) as Json;
    return isObject(document) ? { document } : { error: "postman2openapi returned no document" };
  } catch (error) {
    return { error: `postman2openapi threw: ${String((error as Error).message ?? error).slice(0, 300)}` };
  }
}

/** quicktype-core's JSON Schema from a unit's sample bodies; no samples → no schema. */
export async function quicktypeVerdict(samples: readonly string[], validators: Draft07Validators): Promise<UnitVerdict> {
  if (samples.length === 0) return { kind: "no-schema" };
  let schema: JsonObject;
  try {
    const { InputData, jsonInputForTargetLanguage, quicktype } = quicktypeCore();
    const input = jsonInputForTargetLanguage("schema");
    await input.addSource({ name: "Root", samples: [...samples] });
    const inputData = new InputData();
    inputData.addInput(input);
    const result = await quicktype({ inputData, lang: "schema" });
    schema = JSON.parse(result.lines.join("\n")) as JsonObject;
  } catch (error) {
    return { kind: "failed", reason: `quicktype threw: ${String((error as Error).message ?? error).slice(0, 300)}` };
  }
  delete schema.$schema; // draft-06's meta-schema; ajv reads it as draft-07
  const compiled = validators.compile(schema);
  return compiled.validate ? { kind: "schema", validate: compiled.validate, explain: compiled.explain, errors: compiled.errors, rejectionKind: compiled.rejectionKind } : { kind: "failed", reason: `quicktype schema does not compile: ${compiled.error}` };
}
