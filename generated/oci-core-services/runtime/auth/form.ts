/** Decoding `a=b&c=d` text (query strings, urlencoded bodies) for signature base strings. */

/** Pairs in order; `+` is a space, as in HTML forms; malformed escapes are kept as written. */
export function decodeForm(text: string): [string, string][] {
  if (!text) return [];
  return text.split("&").filter(Boolean).map((pair) => {
    const eq = pair.indexOf("=");
    const [key, value] = eq === -1 ? [pair, ""] : [pair.slice(0, eq), pair.slice(eq + 1)];
    return [decodeComponent(key), decodeComponent(value)];
  });
}

export function decodeComponent(text: string): string {
  const spaced = text.replace(/\+/g, " ");
  try {
    return decodeURIComponent(spaced);
  } catch {
    return spaced;
  }
}
