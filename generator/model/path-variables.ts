/**
 * Postman's path variables: a path segment that starts with `:` names a variable up to its first
 * `.`, and the rest of the segment is kept (`:Sid.json` is the variable `Sid` followed by
 * `.json`), as postman-collection's `Url.getPath` substitutes them. The runtime's `url.ts` and
 * `mock-fetch.ts` read segments by the same rule.
 */
export interface PathVariable {
  name: string;
  /** What follows the name in the segment (`.json`), sent as written. */
  suffix: string;
}

export function pathVariable(segment: string): PathVariable | undefined {
  if (!segment.startsWith(":")) return undefined;
  const dot = segment.indexOf(".");
  const name = segment.slice(1, dot === -1 ? undefined : dot);
  return name === "" ? undefined : { name, suffix: dot === -1 ? "" : segment.slice(dot) };
}
