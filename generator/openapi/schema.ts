/**
 * Type graph → JSON Schema 2020-12 (the dialect of OpenAPI 3.1). Named objects are `$ref`s to
 * `#/components/schemas/<Name>`. Objects stay open (no `additionalProperties: false`): a sample
 * set rarely shows every optional field, and a client must not reject a new one. Only where the
 * samples say what other keys hold (`ObjectNode.additional`) are their values typed.
 */
import { setOwn } from "../infer/parse-json.js";
import type { JsonValue, NamedType } from "../infer/contract.js";
import { declarationName, describeDeclaration } from "../infer/describe.js";
import type { TypeNode } from "../infer/graph.js";

/** JSON Schema 2020-12 (the dialect of OpenAPI 3.1); `$ref`s point at `#/components/schemas/<Name>`. */
export type JsonSchema = { [key: string]: unknown } | boolean;
type Schema = { [key: string]: unknown };

export const SCHEMA_REF_PREFIX = "#/components/schemas/";

function simpleType(type: TypeNode): string | undefined {
  switch (type.kind) {
    case "null":
    case "boolean":
    case "integer":
    case "number":
      return type.kind;
    case "string":
      return type.enumValues ? undefined : "string";
    default:
      return undefined;
  }
}

export function schemaOf(type: TypeNode): Schema {
  switch (type.kind) {
    case "unknown":
      return {};
    case "null":
    case "boolean":
      return { type: type.kind };
    case "number":
      return type.integerHint ? { type: "number", "x-pmgen-integer-hint": true } : { type: "number" };
    case "integer":
      return { type: "integer" };
    case "string": {
      const schema: Schema = { type: "string" };
      if (type.format) schema.format = type.format;
      // What too few values suggest: an annotation, not a constraint.
      if (type.formatHint) schema["x-pmgen-format-hint"] = type.formatHint;
      if (type.enumValues) schema.enum = [...type.enumValues];
      return schema;
    }
    case "literal":
      return { type: "string", const: type.value };
    case "object":
      return { $ref: `${SCHEMA_REF_PREFIX}${declarationName(type.object)}` };
    case "array":
      return { type: "array", items: schemaOf(type.items) };
    case "map":
      return type.values.kind === "unknown" ? { type: "object" } : { type: "object", additionalProperties: schemaOf(type.values) };
    case "union": {
      // Scalars without enums collapse into one `type` list; `format` only constrains strings.
      const types = type.members.map(simpleType);
      if (types.every((t) => t !== undefined)) {
        const schema: Schema = { type: types };
        const format = type.members.find((m) => m.kind === "string" && m.format);
        if (format?.kind === "string" && format.format) schema.format = format.format;
        return schema;
      }
      return { anyOf: type.members.map(schemaOf) };
    }
  }
}

/**
 * Keys starting with `$` (`$ref`, `$id` in payloads that are themselves schemas) go under
 * `patternProperties` with an exact-match pattern: same meaning, but OpenAPI tools that resolve
 * every `$ref` they meet do not mistake the property for a reference.
 */
function exactPattern(key: string): string {
  return `^${key.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")}$`;
}

/** The schema of a named object type, described as its TypeScript declaration is. */
export function declarationSchema(named: NamedType): Schema {
  const { node } = named;
  const description = describeDeclaration(named).join(" ");
  const properties: { [key: string]: JsonValue } = {};
  const patternProperties: { [key: string]: JsonValue } = {};
  const required: string[] = [];
  for (const property of node.properties) {
    const schema = schemaOf(property.type) as JsonValue;
    if (property.key.startsWith("$")) setOwn(patternProperties, exactPattern(property.key), schema);
    else setOwn(properties, property.key, schema);
    if (!property.optional) required.push(property.key);
  }
  const schema: Schema = { type: "object", description, properties };
  if (Object.keys(patternProperties).length > 0) schema.patternProperties = patternProperties;
  if (node.additional !== undefined) schema.additionalProperties = schemaOf(node.additional);
  if (required.length > 0) schema.required = required;
  return schema;
}
