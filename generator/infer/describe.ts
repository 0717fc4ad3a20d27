/** Words about the named graph that every rendering shows: a declaration's name and what it is. */
import type { NamedType } from "./contract.js";
import type { ObjectNode } from "./graph.js";

/** The name of the declaration an object node uses. */
export function declarationName(node: ObjectNode): string {
  const name = node.name ?? node.canonical?.name;
  if (name === undefined) throw new Error("internal: object type rendered before naming");
  return name;
}

/** What a declaration is: where its shape was seen (`{@link Parent}` for nested ones), and how many positions share it. */
export function describeDeclaration(named: NamedType): string[] {
  const hint = named.node.hint;
  let text = hint.describe.charAt(0).toUpperCase() + hint.describe.slice(1);
  if (hint.parent !== undefined && hint.root === undefined) text += ` of {@link ${declarationName(hint.parent)}}`;
  const lines = [`${text}.`];
  if (named.uses > 1) lines.push(`Shared by ${named.uses} positions with the same shape.`);
  return lines;
}
