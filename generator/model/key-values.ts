/** Key/value lists as `model` reads them: headers, query and path variables. */

export interface KeyValue {
  key: string;
  value?: string;
  disabled: boolean;
  description?: unknown;
}

/**
 * Key/value lists (headers, query, path variables) with keys and values as strings: Postman
 * keeps whatever JSON the file had, so a numeric or object key would otherwise reach code that
 * expects text. Entries without a key are dropped.
 */
export function keyValues(list: readonly unknown[] | undefined): KeyValue[] {
  return (list ?? []).flatMap((item) => {
    const entry = item as { key?: unknown; value?: unknown; disabled?: unknown; description?: unknown } | null;
    if (!entry || typeof entry !== "object" || entry.key === null || entry.key === undefined) return [];
    const key = typeof entry.key === "string" ? entry.key : JSON.stringify(entry.key);
    const value = entry.value === null || entry.value === undefined ? undefined : typeof entry.value === "string" ? entry.value : JSON.stringify(entry.value);
    return [{ key, value, disabled: entry.disabled === true, description: entry.description }];
  });
}
