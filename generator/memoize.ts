/**
 * A bounded cache for pure text → text functions that a run calls with the same few thousand
 * inputs hundreds of thousands of times (names of keys, headers and params). Past the bound the
 * cache starts over, so memory stays flat on any input.
 */
export function memoizeText(compute: (text: string) => string, limit = 50_000): (text: string) => string {
  const cache = new Map<string, string>();
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
