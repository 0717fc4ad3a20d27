/**
 * TypeScript type expressions as a small tree, printed in one place with the language's
 * precedence: an array of a union is `(A | B)[]`, never `A | B[]`, wherever a type is combined
 * (`satisfies T[]`, a repeated parameter, a union with `undefined`). Code that emits types builds
 * them with these constructors instead of concatenating text.
 */
import { jsDoc, stringLiteral, typeMemberKey } from "./text.js";

export type Keyword = "string" | "number" | "boolean" | "null" | "undefined" | "unknown" | "never";

export type TsType =
  | { readonly kind: "keyword"; readonly name: Keyword }
  | { readonly kind: "literal"; readonly value: string | number | boolean }
  /** A named type, with type arguments (`Record<string, T>`); `declared` marks one of the collection's own types. */
  | { readonly kind: "ref"; readonly name: string; readonly args?: readonly TsType[]; readonly declared?: boolean }
  | { readonly kind: "array"; readonly element: TsType }
  | { readonly kind: "union"; readonly members: readonly TsType[] }
  /** An object type literal; `multiline` keeps one member per line however short it is. */
  | { readonly kind: "object"; readonly members: readonly TsMember[]; readonly index?: TsType; readonly multiline?: boolean }
  /** An indexed access type: `T["body"]`. */
  | { readonly kind: "indexed"; readonly object: TsType; readonly key: TsType };

export interface TsMember {
  readonly key: string;
  readonly type: TsType;
  readonly optional?: boolean;
  /** JSDoc lines (text, escaped when printed). */
  readonly doc?: readonly string[];
}

export const keyword = (name: Keyword): TsType => ({ kind: "keyword", name });
export const literal = (value: string | number | boolean): TsType => ({ kind: "literal", value });
export const ref = (name: string, ...args: TsType[]): TsType => (args.length ? { kind: "ref", name, args } : { kind: "ref", name });
/** A reference to one of the collection's declared types (`types.ts`), which the module imports. */
export const declaredRef = (name: string): TsType => ({ kind: "ref", name, declared: true });
export const arrayOf = (element: TsType): TsType => ({ kind: "array", element });
export const indexed = (object: TsType, key: string): TsType => ({ kind: "indexed", object, key: literal(key) });
export const objectType = (members: readonly TsMember[], options: { index?: TsType; multiline?: boolean } = {}): TsType => ({ kind: "object", members, ...options });

/** A union of the members, flattened, without repeats: one member is itself; none is `never`. */
export function unionOf(members: readonly TsType[]): TsType {
  const flat: TsType[] = [];
  const seen = new Set<string>();
  const add = (member: TsType) => {
    if (member.kind === "union") return member.members.forEach(add);
    const text = printType(member);
    if (!seen.has(text)) {
      seen.add(text);
      flat.push(member);
    }
  };
  members.forEach(add);
  if (flat.length === 0) return keyword("never");
  return flat.length === 1 ? flat[0]! : { kind: "union", members: flat };
}

/** The collection's own type names a type mentions, for `import type { ... }`. */
export function declaredNames(type: TsType, into: Set<string> = new Set()): Set<string> {
  switch (type.kind) {
    case "ref":
      if (type.declared) into.add(type.name);
      type.args?.forEach((arg) => declaredNames(arg, into));
      break;
    case "array":
      declaredNames(type.element, into);
      break;
    case "union":
      type.members.forEach((member) => declaredNames(member, into));
      break;
    case "object":
      type.members.forEach((member) => declaredNames(member.type, into));
      if (type.index) declaredNames(type.index, into);
      break;
    case "indexed":
      declaredNames(type.object, into);
      break;
    default:
      break;
  }
  return into;
}

/** Binds tighter than a union: what may stand unparenthesized before `[]` or `["key"]`. */
function isPostfixOperand(type: TsType): boolean {
  return type.kind !== "union";
}

/**
 * The type as TypeScript source. Object types print on one line when they are small and have no
 * JSDoc, else one member per line, indented from `indent`.
 */
export function printType(type: TsType, indent = ""): string {
  switch (type.kind) {
    case "keyword":
      return type.name;
    case "literal":
      return typeof type.value === "string" ? stringLiteral(type.value) : String(type.value);
    case "ref":
      return type.args ? `${type.name}<${type.args.map((arg) => printType(arg, indent)).join(", ")}>` : type.name;
    case "array": {
      const element = printType(type.element, indent);
      return isPostfixOperand(type.element) ? `${element}[]` : `(${element})[]`;
    }
    case "indexed": {
      const object = printType(type.object, indent);
      return `${isPostfixOperand(type.object) ? object : `(${object})`}[${printType(type.key, indent)}]`;
    }
    case "union":
      return type.members.map((member) => printType(member, indent)).join(" | ");
    case "object":
      return printObject(type.members, type.index, type.multiline === true, indent);
  }
}

function printObject(members: readonly TsMember[], index: TsType | undefined, multiline: boolean, indent: string): string {
  if (members.length === 0 && index === undefined) return "{}";
  const inner = `${indent}  `;
  const lines = members.map((m) => `${m.doc?.length ? jsDoc(m.doc, inner) : ""}${inner}${typeMemberKey(m.key)}${m.optional ? "?" : ""}: ${printType(m.type, inner)};`);
  if (index !== undefined) lines.push(`${inner}[key: string]: ${printType(index, inner)};`);
  const oneLine = !multiline && members.every((m) => !m.doc?.length) && !lines.some((line) => line.includes("\n"));
  if (oneLine) {
    const flat = `{ ${lines.map((line) => line.trim().slice(0, -1)).join("; ")} }`;
    if (flat.length + indent.length <= 100) return flat;
  }
  return `{\n${lines.join("\n")}\n${indent}}`;
}

/** `export interface Name { ... }` with one member per line and each member's JSDoc. */
export function printInterface(name: string, members: readonly TsMember[], options: { doc?: readonly string[]; exported?: boolean; index?: { type: TsType; doc?: readonly string[] } } = {}): string {
  let body = "";
  for (const m of members) {
    if (m.doc?.length) body += jsDoc(m.doc, "  ");
    body += `  ${typeMemberKey(m.key)}${m.optional ? "?" : ""}: ${printType(m.type, "  ")};\n`;
  }
  if (options.index !== undefined) {
    if (options.index.doc?.length) body += jsDoc(options.index.doc, "  ");
    body += `  [key: string]: ${printType(options.index.type, "  ")};\n`;
  }
  const doc = options.doc?.length ? jsDoc(options.doc) : "";
  return `${doc}${options.exported === false ? "" : "export "}interface ${name} {\n${body}}\n`;
}

/** `export type Name = T;` */
export function printTypeAlias(name: string, type: TsType, options: { doc?: readonly string[]; exported?: boolean } = {}): string {
  const doc = options.doc?.length ? jsDoc(options.doc) : "";
  return `${doc}${options.exported === false ? "" : "export "}type ${name} = ${printType(type)};\n`;
}
