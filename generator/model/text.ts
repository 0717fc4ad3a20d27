/** Small readers for the loosely typed values Postman stores. */

/** Postman descriptions are a string or `{ content, type }`. */
export function descriptionText(value: unknown): string | undefined {
  if (typeof value === "string") return value.trim() ? value : undefined;
  if (value && typeof value === "object") {
    const content = (value as { content?: unknown }).content;
    if (typeof content === "string" && content.trim()) return content;
  }
  return undefined;
}

export function stringValue(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return JSON.stringify(value);
}

/** Whether a parameter's description marks it required or optional, as OpenAPI exports do. */
export function requiredMarker(description: string | undefined): "required" | "optional" | undefined {
  if (!description) return undefined;
  const head = description.trimStart().toLowerCase();
  if (head.startsWith("(required)")) return "required";
  if (head.startsWith("(optional)")) return "optional";
  return undefined;
}

export function pushUnique(list: string[], value: string | undefined): void {
  if (value !== undefined && !list.includes(value)) list.push(value);
}
