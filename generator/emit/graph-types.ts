/**
 * The inferred type graph as TypeScript: objects are references to their named declarations
 * (never inline, never empty: key-less objects are maps), everything else is a type expression.
 * Declarations carry JSDoc: where a type is used, formats, one example value.
 */
import type { NamedType } from "../infer/contract.js";
import { declarationName, describeDeclaration } from "../infer/describe.js";
import type { TypeNode } from "../infer/graph.js";
import { arrayOf, declaredRef, keyword, literal, printInterface, ref, unionOf, type TsMember, type TsType } from "./ts/index.js";

/** The TypeScript type of a node of the graph. */
export function tsTypeOf(type: TypeNode): TsType {
  switch (type.kind) {
    case "unknown":
    case "null":
    case "boolean":
      return keyword(type.kind);
    case "integer":
    case "number":
      return keyword("number");
    case "string":
      return type.enumValues ? unionOf(type.enumValues.map(literal)) : keyword("string");
    case "literal":
      return literal(type.value);
    case "object":
      return declaredRef(declarationName(type.object));
    case "array":
      return arrayOf(tsTypeOf(type.items));
    case "map":
      return ref("Record", keyword("string"), tsTypeOf(type.values));
    case "union":
      return unionOf(type.members.map(tsTypeOf));
  }
}

/** JSDoc lines for a property: format, precision warning, one example value. */
function propertyDoc(type: TypeNode): string[] {
  const lines: string[] = [];
  const scalars = type.kind === "union" ? type.members : [type];
  for (const member of scalars) {
    if (member.kind === "unknown" && member.onlyNull) lines.push("Only `null` was seen here: the samples do not say what else it holds.");
    if (member.kind === "string" && member.format) lines.push(`@format ${member.format}`);
    if (member.kind === "string" && member.formatHint) lines.push(`Looks like ${member.formatHint} (too few values to be sure; not checked).`);
    if (member.kind === "number" && member.integerHint) lines.push("Whole numbers in every sample (too few to be sure it is always one).");
    if (member.kind === "integer" && member.unsafe) lines.push("Integer beyond 2^53: a JavaScript number may round it.");
  }
  for (const member of scalars) {
    if ((member.kind === "string" || member.kind === "integer" || member.kind === "number") && member.example !== undefined) {
      if (member.kind === "string" && member.enumValues) continue;
      if (member.example.length <= 80) lines.push(`@example ${member.example}`);
      break;
    }
  }
  return lines;
}

/** `export interface Name { ... }` for a named object type. */
export function declarationSource(named: NamedType): string {
  const { node } = named;
  const members: TsMember[] = node.properties.map((property) => ({
    key: property.key,
    type: tsTypeOf(property.type),
    optional: property.optional,
    doc: propertyDoc(property.type),
  }));
  // Optional properties are `T | undefined`, which the index signature must admit.
  const index = node.additional === undefined
    ? undefined
    : {
        type: node.properties.some((property) => property.optional) ? unionOf([tsTypeOf(node.additional), keyword("undefined")]) : tsTypeOf(node.additional),
        doc: ["Other keys (they vary between samples) hold the same kind of value."],
      };
  return printInterface(declarationName(node), members, { doc: describeDeclaration(named), ...(index ? { index } : {}) });
}
