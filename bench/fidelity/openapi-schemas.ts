/**
 * OpenAPI documents as a JSON Schema 2020-12 validator (ajv) must read them: the spec (the
 * truth) and the tools' OpenAPI output (pmgen's 3.1, postman2openapi's 3.0). OpenAPI 3.0
 * schemas are not JSON Schema; this rewrites, in a copy of the whole document, every schema
 * reachable from the benchmark's units:
 *
 * - `nullable: true` (3.0; also honoured in 3.1 documents that still carry it, which ajv
 *   would otherwise refuse) → `null` added to `type` (and to `enum`); next to `allOf`/`oneOf`/
 *   `anyOf`/`not`/`$ref` (where adding to `type` would not let null through) →
 *   `anyOf: [schema, null]`;
 * - 3.0 boolean `exclusiveMinimum`/`exclusiveMaximum` → the numeric 2020-12 form;
 * - 3.0 `$ref` siblings are dropped (3.0 says they are ignored); 3.1 keeps them;
 * - per role, as OpenAPI defines them: `readOnly` properties leave request bodies and
 *   `writeOnly` properties leave responses (from `properties` and `required`).
 *
 * Everything else (formats, patterns, enums, `additionalProperties`, ...) is kept and asserted.
 */
import { followRefs, isObject, resolvePointer, type Json, type JsonObject } from "./json-pointer.js";

export type Role = "request" | "response";

const SCHEMA_VALUED = ["additionalProperties", "items", "not", "contains", "propertyNames", "if", "then", "else", "unevaluatedItems", "unevaluatedProperties", "additionalItems"];
const SCHEMA_LISTS = ["allOf", "anyOf", "oneOf", "prefixItems", "items"];
const SCHEMA_MAPS = ["properties", "patternProperties", "$defs", "definitions", "dependentSchemas"];

/** The subschemas of a schema object (not following `$ref`). */
export function subschemas(node: JsonObject): Json[] {
  const children: Json[] = [];
  for (const key of SCHEMA_VALUED) if (isObject(node[key])) children.push(node[key]);
  for (const key of SCHEMA_LISTS) if (Array.isArray(node[key])) children.push(...node[key]);
  for (const key of SCHEMA_MAPS) if (isObject(node[key])) children.push(...Object.values(node[key]));
  return children;
}

/** Calls `visit` once on every schema object reachable from `roots` (pointers), following `$ref`s; children are read after `visit`, so it may rewrite the node. */
function walkSchemas(document: Json, roots: readonly string[], visit: (schema: JsonObject) => void): void {
  const seen = new Set<JsonObject>();
  const stack: Json[] = roots.map((pointer) => resolvePointer(document, pointer)).filter((node): node is Json => node !== undefined);
  while (stack.length > 0) {
    const node = stack.pop();
    if (!isObject(node) || seen.has(node)) continue;
    seen.add(node);
    visit(node);
    if (typeof node.$ref === "string") {
      const target = resolvePointer(document, node.$ref);
      if (target !== undefined) stack.push(target);
    }
    stack.push(...subschemas(node));
  }
}

function hasFlag(document: Json, schema: Json | undefined, flag: "readOnly" | "writeOnly", keepRefSiblings: boolean): boolean {
  if (!isObject(schema)) return false;
  if (typeof schema.$ref === "string") {
    if (keepRefSiblings && schema[flag] === true) return true;
    return hasFlag(document, followRefs(document, schema), flag, keepRefSiblings);
  }
  if (schema[flag] === true) return true;
  // A property written as `allOf: [{ $ref }]` (to attach a description) carries the target's flag.
  return Array.isArray(schema.allOf) && schema.allOf.length === 1 && hasFlag(document, schema.allOf[0], flag, keepRefSiblings);
}

function dropRoleProperties(document: Json, schema: JsonObject, role: Role, keepRefSiblings: boolean): void {
  if (!keepRefSiblings && typeof schema.$ref === "string") return;
  if (!isObject(schema.properties)) return;
  const flag = role === "request" ? "readOnly" : "writeOnly";
  const properties = schema.properties;
  for (const name of Object.keys(properties)) {
    if (!hasFlag(document, properties[name], flag, keepRefSiblings)) continue;
    delete properties[name];
    if (Array.isArray(schema.required)) schema.required = schema.required.filter((r) => r !== name);
  }
}

/** Keywords next to which `null` cannot simply join `type`: the schema is wrapped instead. */
const COMBINERS = ["allOf", "oneOf", "anyOf", "not", "$ref"];

function convertOpenApi30(schema: JsonObject): void {
  if (typeof schema.$ref === "string") {
    for (const key of Object.keys(schema)) if (key !== "$ref") delete schema[key];
    return;
  }
  for (const [exclusive, bound] of [["exclusiveMinimum", "minimum"], ["exclusiveMaximum", "maximum"]] as const) {
    if (typeof schema[exclusive] !== "boolean") continue;
    if (schema[exclusive] === true && typeof schema[bound] === "number") {
      schema[exclusive] = schema[bound];
      delete schema[bound];
    } else delete schema[exclusive];
  }
  convertNullable(schema);
}

function convertNullable(schema: JsonObject): void {
  if (schema.nullable === true) {
    delete schema.nullable;
    if (COMBINERS.some((key) => key in schema)) {
      const rest: JsonObject = { ...schema };
      for (const key of Object.keys(schema)) delete schema[key];
      schema.anyOf = [rest, { type: "null" }];
      return;
    }
    if (typeof schema.type === "string") schema.type = [schema.type, "null"];
    else if (Array.isArray(schema.type) && !schema.type.includes("null")) schema.type = [...schema.type, "null"];
    if (Array.isArray(schema.enum) && !schema.enum.includes(null)) schema.enum = [...schema.enum, null];
  } else if ("nullable" in schema) delete schema.nullable;
}

const PLAIN_REF = /^#\/components\/schemas\/[A-Za-z0-9_.-]+$/;

export interface SchemaDocument {
  /** The converted copy of the spec (pointers into it are the spec's). */
  document: JsonObject;
  /** A plain `#/components/schemas/<name>` reference to each root's schema, for ajv. */
  refOf: Map<string, string>;
}

/**
 * A copy of `spec` in which every schema reachable from `roots` (pointers to the units' schemas
 * of one role) is JSON Schema 2020-12 with that role's properties only. The roots, and every
 * `$ref` target not already at a plain `#/components/schemas/<name>` (pointers into `#/paths/`,
 * percent-encoded ones, names with spaces), are also placed under such a name, the same
 * objects: ajv resolves those everywhere. References are rewritten before the conversion,
 * which can move a schema's keywords (into `anyOf` for `nullable`) and so break pointers into it.
 */
export function jsonSchemaDocument(spec: Json, roots: readonly string[], role: Role): SchemaDocument {
  const document = structuredClone(spec);
  if (!isObject(document)) throw new Error("the spec is not an object");
  const version = typeof document.openapi === "string" ? document.openapi : "3.0";
  const is30 = !version.startsWith("3.1");
  if (!isObject(document.components)) document.components = {};
  const components = document.components as JsonObject;
  if (!isObject(components.schemas)) components.schemas = {};
  const schemas = components.schemas as JsonObject;
  const hoisted = new Map<string, string>();
  const hoist = (pointer: string, prefix: string): string | undefined => {
    const known = hoisted.get(pointer);
    if (known !== undefined) return known;
    const target = resolvePointer(document, pointer);
    if (target === undefined) return undefined;
    const ref = `#/components/schemas/${prefix}-${hoisted.size}`;
    schemas[ref.slice("#/components/schemas/".length)] = target;
    hoisted.set(pointer, ref);
    return ref;
  };
  const refOf = new Map<string, string>();
  for (const root of roots) {
    const ref = hoist(root, "bench-unit");
    if (ref !== undefined) refOf.set(root, ref);
  }
  walkSchemas(document, roots, (schema) => {
    if (typeof schema.$ref !== "string" || PLAIN_REF.test(schema.$ref)) return;
    const ref = hoist(schema.$ref, "bench-ref");
    if (ref !== undefined) schema.$ref = ref;
  });
  walkSchemas(document, roots, (schema) => dropRoleProperties(document, schema, role, !is30));
  walkSchemas(document, roots, is30 ? convertOpenApi30 : convertNullable);
  return { document, refOf };
}
