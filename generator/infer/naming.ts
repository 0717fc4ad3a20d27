/**
 * Words for type names: PascalCase from property keys, singular for array items, and the names
 * a generated type must never take.
 */
import { memoizeText } from "../base/memoize.js";

/** TypeScript/JavaScript reserved words and primitive type names (any case-sensitive clash). */
const RESERVED_WORDS = [
  "break", "case", "catch", "class", "const", "continue", "debugger", "default", "delete", "do",
  "else", "enum", "export", "extends", "false", "finally", "for", "function", "if", "import", "in",
  "instanceof", "new", "null", "return", "super", "switch", "this", "throw", "true", "try",
  "typeof", "var", "void", "while", "with", "as", "implements", "interface", "let", "package",
  "private", "protected", "public", "static", "yield", "any", "boolean", "constructor", "declare",
  "get", "module", "require", "number", "set", "string", "symbol", "type", "from", "of", "unknown",
  "never", "object", "bigint", "undefined", "keyof", "readonly", "infer", "is", "asserts", "await",
  "async", "namespace", "abstract", "global", "satisfies", "accessor", "out", "override",
];

/**
 * Global types a client module may use: shadowing them with `import type { Date }` would break
 * the code that imports the generated types.
 */
const GLOBAL_TYPES = [
  "Array", "ArrayBuffer", "AbortController", "AbortSignal", "Awaited", "BigInt", "Blob", "Boolean",
  "Buffer", "Capitalize", "ConstructorParameters", "DataView", "Date", "Document", "Element",
  "Error", "Event", "EventTarget", "Exclude", "Extract", "File", "FormData", "Function", "Headers",
  "Infinity", "InstanceType", "Intl", "Iterable", "Iterator", "JSON", "Lowercase", "Map", "Math",
  "NaN", "Node", "NonNullable", "Number", "Object", "Omit", "OmitThisParameter", "Parameters",
  "Partial", "Pick", "Promise", "PromiseLike", "PropertyKey", "Proxy", "Readonly", "ReadonlyArray",
  "ReadableStream", "Record", "Reflect", "RegExp", "Request", "RequestInit", "Required", "Response",
  "ResponseInit", "ReturnType", "Set", "String", "Symbol", "Text", "TextDecoder", "TextEncoder",
  "ThisParameterType", "ThisType", "Uint8Array", "Uncapitalize", "Uppercase", "URL",
  "URLSearchParams", "WeakMap", "WeakSet", "Window", "Location", "Storage", "Event", "Image",
  "Option", "Range", "Selection", "Comment", "Attr", "History", "Navigator", "Performance",
  "Credential", "Crypto", "Worker", "Notification", "Plugin", "Screen", "Console", "Body",
];

export const RESERVED_NAMES: ReadonlySet<string> = new Set([...RESERVED_WORDS, ...GLOBAL_TYPES]);

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;
const RESERVED_WORD_SET: ReadonlySet<string> = new Set(RESERVED_WORDS);

export function isIdentifier(text: string): boolean {
  return IDENTIFIER.test(text) && !RESERVED_WORD_SET.has(text);
}

/**
 * `node_id` → `NodeId`, `htmlURL` → `HtmlURL`, `x-rate-limit` → `XRateLimit`; "" when no letters
 * or digits. Memoized: inference asks for every property key of every sample, and a big
 * collection repeats few distinct keys (`id`, `url`, `login`...) hundreds of thousands of times.
 */
export const pascalCase = memoizeText((text) => {
  const words = text
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .split(/[^A-Za-z0-9]+/)
    .filter((word) => word.length > 0);
  return words.map((word) => word[0]!.toUpperCase() + word.slice(1)).join("");
});

const IRREGULAR: Record<string, string> = {
  people: "person",
  children: "child",
  men: "man",
  women: "woman",
  data: "datum",
  indices: "index",
  matrices: "matrix",
  criteria: "criterion",
};

/** Singular of the last word of a PascalCase name, or "" if it does not look plural. */
function singularWord(word: string): string {
  const lower = word.toLowerCase();
  // Own keys only: `constructor` or `toString` must not reach Object.prototype.
  if (Object.hasOwn(IRREGULAR, lower)) return IRREGULAR[lower]!;
  if (/(ss|us|is)$/.test(lower)) return "";
  if (/ies$/.test(lower) && lower.length > 4) return word.slice(0, -3) + "y";
  if (/(sses|xes|ches|shes|zzes|uses)$/.test(lower)) return word.slice(0, -2);
  if (/s$/.test(lower) && lower.length > 2) return word.slice(0, -1);
  return "";
}

/** The words of a PascalCase or camelCase name: `getAGpgKey` → `Get A Gpg Key`, `IdPGroup` → `Id P Group`. */
export function nameWords(name: string): string[] {
  const pascal = pascalCase(name);
  return pascal.match(/[A-Z]+(?![a-z])|[A-Z][a-z0-9]*|[a-z0-9]+/g) ?? [];
}

/** A PascalCase word made singular when it looks plural (`Deployments` → `Deployment`), else as is. */
export function singularOrSame(word: string): string {
  if (word.toLowerCase() === "data") return word;
  const one = singularWord(word);
  return one === "" || !/^[A-Za-z]/.test(one) ? word : one[0]!.toUpperCase() + one.slice(1);
}

/**
 * The name of one element of a list named `name`: `Users` → `User`, `Categories` → `Category`,
 * `Data` → `DataItem` (a made-up singular reads worse than a suffix), `Info` → `InfoItem`
 * (`InfoValue` for the values of a map).
 */
export function singular(name: string, suffix = "Item"): string {
  const match = /^(.*?)([A-Z][a-z0-9]*|[A-Z0-9]+)$/.exec(name);
  if (match === null) return `${name}${suffix}`;
  const [, head = "", last = ""] = match;
  if (last.toLowerCase() === "data") return `${name}${suffix}`;
  const one = singularWord(last);
  if (one === "" || !/^[A-Za-z]/.test(one)) return `${name}${suffix}`;
  return head + one[0]!.toUpperCase() + one.slice(1);
}

/** A usable type name or "" (caller qualifies it with the parent's name). */
export function typeNameFromKey(key: string): string {
  const name = pascalCase(key);
  return /^[A-Za-z]/.test(name) ? name : "";
}
