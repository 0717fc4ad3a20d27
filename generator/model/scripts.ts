/**
 * Pre-request scripts. A generated client does not run them, so where a script changes the
 * request (adds a header, rewrites the body, signs it) or computes a variable the request then
 * uses, the client cannot send what Postman sends: that is worth one warning, at the level the
 * script lives (collection, folder or item), saying what the caller must do instead.
 */

/** The text of the enabled scripts in an `event` list: those that `listen` for one event, or all. */
function scriptsText(events: unknown, listen?: "prerequest"): string {
  if (!Array.isArray(events)) return "";
  const parts: string[] = [];
  for (const event of events as ({ listen?: unknown; disabled?: unknown; script?: { exec?: unknown } } | null)[]) {
    if (!event || event.disabled === true || (listen !== undefined && event.listen !== listen)) continue;
    const exec = event.script?.exec;
    if (typeof exec === "string") parts.push(exec);
    else if (Array.isArray(exec)) parts.push(exec.filter((line): line is string => typeof line === "string").join("\n"));
  }
  return parts.join("\n");
}

/** The text of the enabled pre-request scripts in an `event` list. */
export function preRequestScript(events: unknown): string {
  return scriptsText(events, "prerequest");
}

/**
 * The variables any enabled script of the collection sets (test scripts included): a value a
 * script saves from one response (`pm.environment.set("room", json.id)`) for the next request.
 */
export function variablesSetByScripts(collection: unknown): Set<string> {
  const names = new Set<string>();
  const stack: unknown[] = [collection];
  while (stack.length > 0) {
    const node = stack.pop() as { event?: unknown; item?: unknown } | null;
    if (!node || typeof node !== "object") continue;
    for (const name of variablesSet(scriptsText(node.event))) names.add(name);
    if (Array.isArray(node.item)) stack.push(...node.item);
  }
  return names;
}

/** What a script does to the request it runs before, as words (`adds headers`), in a fixed order. */
export function requestChanges(script: string): string[] {
  const code = withoutComments(script);
  const changes: string[] = [];
  if (/\bpm\.request\.(?:headers\.(?:add|upsert|remove)|(?:add|upsert|remove)Header)\s*\(/.test(code) || /\bpm\.request\.headers\s*=/.test(code)) changes.push("sets headers");
  if (/\bpm\.request\.body\b[^;\n]*(?:=(?!=)|\.update\s*\(|\.(?:urlencoded|formdata)\.(?:add|upsert|remove)\s*\()/.test(code)) changes.push("rewrites the body");
  if (/\bpm\.request\.url\b[^;\n]*(?:=(?!=)|\.(?:update|addQueryParams|removeQueryParams)\s*\(|\.query\.(?:add|upsert|remove)\s*\()/.test(code) || /\bpm\.request\.(?:add|remove)QueryParams\s*\(/.test(code)) changes.push("changes the URL");
  if (/\bpm\.request\.(?:method|auth)\s*=(?!=)|\bpm\.request\.(?:auth\.update|update)\s*\(/.test(code)) changes.push("changes the method or auth");
  return changes;
}

/** The variables a script sets (`pm.environment.set("token", ...)`, the legacy `postman.setEnvironmentVariable`). */
export function variablesSet(script: string): string[] {
  const code = withoutComments(script);
  const names = new Set<string>();
  const patterns = [
    /\bpm\.(?:environment|collectionVariables|globals|variables)\.set\s*\(\s*(["'`])([^"'`]+)\1/g,
    /\bpostman\.set(?:Environment|Global)Variable\s*\(\s*(["'`])([^"'`]+)\1/g,
  ];
  for (const pattern of patterns) for (const match of code.matchAll(pattern)) names.add(match[2]!);
  return [...names];
}

/** Comments out of the way, so `// pm.request.headers.add(...)` does not count. */
function withoutComments(code: string): string {
  return code.replace(/\/\*[\s\S]*?\*\//g, "").replace(/(^|[^:"'`\\])\/\/[^\n]*/g, "$1");
}
