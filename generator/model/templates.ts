/** `{{name}}` references in Postman text: collection variables and `$dynamic` ones. */

const REFERENCE = /\{\{([^{}]+?)\}\}/g;

export function variableReferences(text: string | undefined): string[] {
  if (!text) return [];
  const names: string[] = [];
  for (const match of text.matchAll(REFERENCE)) {
    const name = match[1]!.trim();
    if (!names.includes(name)) names.push(name);
  }
  return names;
}

export function hasReference(text: string | undefined): boolean {
  return !!text && /\{\{[^{}]+?\}\}/.test(text);
}

/** True when the whole text is one `{{name}}` reference. */
export function loneReference(text: string | undefined): string | undefined {
  const match = text ? /^\s*\{\{([^{}]+?)\}\}\s*$/.exec(text) : null;
  return match ? match[1]!.trim() : undefined;
}

export function isDynamicVariable(name: string): boolean {
  return name.startsWith("$");
}
