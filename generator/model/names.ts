/**
 * Identifier rules for generated code: item names become lowerCamelCase method names and
 * PascalCase type prefixes; anything that is not a valid identifier is spelled out, never
 * dropped silently (the caller warns).
 */
import { memoizeText } from "../base/memoize.js";

/** Words that cannot name a standalone `export function`. */
const RESERVED = new Set(
  (
    "break case catch class const continue debugger default delete do else enum export extends false finally for " +
    "function if import in instanceof new null return super switch this throw true try typeof var void while with " +
    "yield let static implements interface package private protected public await arguments eval undefined"
  ).split(" "),
);

/**
 * Longest method name: longer item names are cut at a word boundary, so a type named after the
 * operation (`<Name>Response200`) stays under 60 characters.
 */
export const MAX_METHOD_NAME_LENGTH = 48;

/** Names the generated index and runtime already use. */
export const GENERATED_NAMES = new Set(["createClient", "client", "spec", "params", "options", "fixtures", "operations"]);

export function isReservedWord(name: string): boolean {
  return RESERVED.has(name);
}

export function isIdentifier(name: string): boolean {
  return /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(name) && !RESERVED.has(name);
}

/**
 * Splits text into words: camelCase humps, digits and any non-alphanumeric separators. An
 * apostrophe inside a word joins it (`Track's` → `Tracks`, `What's` → `Whats`), as a person
 * writing the name would.
 */
export function words(text: string): string[] {
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/([A-Za-z0-9])['\u2018\u2019`\u00b4]+(?=[A-Za-z])/g, "$1")
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .replace(/([A-Z]+)([A-Z][a-z])/g, "$1 $2")
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean);
}

/** Memoized: param, header and item names repeat across a collection, and `normalize` is not cheap. */
export const pascalCase = memoizeText((text) =>
  words(text)
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1).toLowerCase())
    .join(""),
);

export function camelCase(text: string): string {
  const pascal = pascalCase(text);
  return pascal.charAt(0).toLowerCase() + pascal.slice(1);
}

/**
 * A method name for an item: lowerCamelCase, starting with a letter, never a reserved word.
 * `CreateVolumeBackup` → `createVolumeBackup`; `Get a user` → `getAUser`; `123` → `operation123`;
 * `delete` → `deleteOperation`.
 */
export function methodName(itemName: string, taken: (id: string) => boolean = () => false): string {
  // Step numbering ("1. Create booking", "02 - List") orders a folder; it is not part of the name.
  const unnumbered = itemName.replace(/^\s*\d+\s*[.):-]\s*(?=.*[A-Za-z])/, "");
  if (unnumbered !== itemName) return methodName(unnumbered, taken);
  // Keep an existing camel/Pascal spelling intact ("createVolumeBackup", "ListVCNs").
  const simple = /^[A-Za-z][A-Za-z0-9]*$/.test(itemName)
    ? itemName.charAt(0).toLowerCase() + itemName.slice(1)
    : camelCase(itemName);
  let name = shortened(/^[0-9]/.test(simple) ? `operation${simple}` : simple || "operation");
  while (RESERVED.has(name) || GENERATED_NAMES.has(name) || taken(name)) name = `${name}Operation`;
  return name;
}

/** `name` cut after its last whole word that fits in `MAX_METHOD_NAME_LENGTH` (never mid-word). */
export function shortened(name: string, max = MAX_METHOD_NAME_LENGTH): string {
  if (name.length <= max) return name;
  const humps = name.match(/[A-Z]+(?![a-z])|[A-Z]?[a-z]+|[0-9]+/g) ?? [name];
  let result = "";
  for (const hump of humps) {
    if (result.length + hump.length > max) break;
    result += hump;
  }
  // A first word longer than the limit is kept whole: a name is never cut mid-word.
  return result === "" ? humps[0]! : result;
}

/** Every top-level name generated code declares for the operation with method name `id`. */
export function operationDeclarations(id: string): string[] {
  const type = typeNameOf(id);
  return [id, `${id}Spec`, `${id}Examples`, `${id}RequestSamples`, `${type}Params`, `${type}Result`];
}

export function typeNameOf(method: string): string {
  return method.charAt(0).toUpperCase() + method.slice(1);
}
