/**
 * A bounded cache for pure functions of a text that a run calls with the same inputs many times
 * (names of keys, headers and params; sample bodies). Past the bound the cache starts over, so
 * memory stays flat on any input.
 */
export function memoizeText<T>(compute: (text: string) => T, limit = 50_000): (text: string) => T {
  const cache = new Map<string, T>();
  return (text) => {
    let result = cache.get(text);
    if (result === undefined) {
      result = compute(text);
      if (cache.size >= limit) cache.clear();
      cache.set(text, result);
    }
    return result;
  };
}
