/**
 * Type graph → TypeScript. Objects render as named interfaces (never inline, never empty:
 * key-less objects are maps), everything else inline.
 */
import { commentText, quote } from "./escape.js";
import type { ObjectNode, TypeNode } from "./graph.js";
import { isIdentifier } from "./naming.js";

function nameOf(node: ObjectNode): string {
  const name = node.name ?? node.canonical?.name;
  if (name === undefined) throw new Error("internal: object type rendered before naming");
  return name;
}

/** TypeScript expression for a type; `refs` collects the named types it mentions. */
export function renderType(type: TypeNode, refs?: Set<string>): string {
  switch (type.kind) {
    case "unknown":
      return "unknown";
    case "null":
      return "null";
    case "boolean":
      return "boolean";
    case "integer":
    case "number":
      return "number";
    case "string":
      return type.enumValues ? type.enumValues.map(quote).join(" | ") : "string";
    case "literal":
      return quote(type.value);
    case "object": {
      const name = nameOf(type.object);
      refs?.add(name);
      return name;
    }
    case "array": {
      const items = renderType(type.items, refs);
      return needsParens(type.items) ? `(${items})[]` : `${items}[]`;
    }
    case "map":
      return `Record<string, ${renderType(type.values, refs)}>`;
    case "union": {
      const parts: string[] = [];
      for (const member of type.members) {
        const text = renderType(member, refs);
        if (!parts.includes(text)) parts.push(text);
      }
      return parts.join(" | ");
    }
  }
}

function needsParens(type: TypeNode): boolean {
  return type.kind === "union" || (type.kind === "string" && (type.enumValues?.length ?? 0) > 1);
}

function propertyKey(key: string): string {
  return /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(key) ? key : quote(key);
}

/** JSDoc lines for a property: format, precision warning, one example value. */
function propertyDoc(type: TypeNode): string[] {
  const lines: string[] = [];
  const scalars = type.kind === "union" ? type.members : [type];
  for (const member of scalars) {
    if (member.kind === "string" && member.format) lines.push(`@format ${member.format}`);
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

function docBlock(lines: string[], indent: string): string {
  const safe = lines.map(commentText);
  if (safe.length === 0) return "";
  if (safe.length === 1) return `${indent}/** ${safe[0]} */\n`;
  return `${indent}/**\n${safe.map((line) => `${indent} * ${line}`).join("\n")}\n${indent} */\n`;
}

export function declarationDoc(node: ObjectNode, sharedBy: number): string[] {
  const hint = node.hint;
  let text = hint.describe.charAt(0).toUpperCase() + hint.describe.slice(1);
  if (hint.parent !== undefined && hint.root === undefined) text += ` of {@link ${nameOf(hint.parent)}}`;
  const lines = [`${text}.`];
  if (sharedBy > 1) lines.push(`Shared by ${sharedBy} positions with the same shape.`);
  return lines;
}

export function renderDeclaration(node: ObjectNode, sharedBy: number, refs: Set<string>): string {
  const name = nameOf(node);
  let body = "";
  for (const property of node.properties) {
    body += docBlock(propertyDoc(property.type), "  ");
    body += `  ${propertyKey(property.key)}${property.optional ? "?" : ""}: ${renderType(property.type, refs)};\n`;
  }
  if (node.additional !== undefined) {
    // Optional properties are `T | undefined`, which the index signature must admit.
    const undefinedToo = node.properties.some((property) => property.optional) ? " | undefined" : "";
    body += `  /** Other keys (they vary between samples) hold the same kind of value. */\n`;
    body += `  [key: string]: ${renderType(node.additional, refs)}${undefinedToo};\n`;
  }
  return `${docBlock(declarationDoc(node, sharedBy), "")}export interface ${name} {\n${body}}\n`;
}
