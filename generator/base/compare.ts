/** Strings in code-unit order, as `Array.prototype.sort` orders them by default: the order of every sorted list pmgen writes. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
