/**
 * Last line of defence for secrets: the values of a collection's auth blocks and secret-named
 * variables are known, so any that still reach generated text (a description that quotes the
 * API key, a saved response that echoes it) are replaced by `[redacted]` before writing.
 * Plain words (`password`) are left alone: they can be code, and are not credentials.
 */
import { isSecretName } from "../model/secrets.js";

const PUBLIC_AUTH_PARAMS = new Set([
  "key", "in", "type", "addTokenTo", "headerPrefix", "tokenType", "grant_type", "signatureMethod", "algorithm",
  "addParamsToHeader", "addEmptyParamsToSign", "includeBodyHash", "version", "realm", "service", "region",
  "addAuthDataToQuery", "qop", "username", "user", "client_authentication", "challengeAlgorithm", "useBrowser",
  "accessTokenUrl", "authUrl", "redirect_uri", "scope", "tokenName", "state",
]);

export function collectionSecrets(json: unknown): string[] {
  const found = new Set<string>();
  const add = (value: unknown) => {
    if (typeof value !== "string") return;
    const text = value.trim();
    if (text.length < 6 || text.includes("{{") || /^[A-Za-z_ -]+$/.test(text)) return;
    found.add(text);
  };
  const auth = (block: unknown) => {
    if (!block || typeof block !== "object") return;
    for (const [type, params] of Object.entries(block as Record<string, unknown>)) {
      if (type === "type") continue;
      const entries: [string, unknown][] = Array.isArray(params)
        ? params.map((p) => [String((p as { key?: unknown })?.key), (p as { value?: unknown })?.value])
        : params && typeof params === "object" ? Object.entries(params) : [];
      for (const [key, value] of entries) if (!PUBLIC_AUTH_PARAMS.has(key)) add(value);
    }
  };
  const variables = (list: unknown) => {
    if (!Array.isArray(list)) return;
    for (const v of list) if (typeof v?.key === "string" && isSecretName(v.key)) add(v.value);
  };
  const named = (list: unknown) => {
    if (!Array.isArray(list)) return;
    for (const e of list) if (typeof e?.key === "string" && isSecretName(e.key) && !/retry|surrogate|idempotency/i.test(e.key)) add(e.value);
  };
  const request = (r: unknown) => {
    if (!r || typeof r !== "object") return;
    const req = r as Record<string, unknown>;
    auth(req.auth);
    named(req.header);
    const url = req.url;
    if (url && typeof url === "object") named((url as Record<string, unknown>).query);
    else if (typeof url === "string") {
      for (const m of url.matchAll(/[?&]([^=&#]+)=([^&#]*)/g)) if (isSecretName(decodeURIComponent(m[1]!))) add(decodeURIComponent(m[2]!));
    }
  };
  const walk = (node: unknown) => {
    if (!node || typeof node !== "object") return;
    const n = node as Record<string, unknown>;
    auth(n.auth);
    variables(n.variable);
    request(n.request);
    if (Array.isArray(n.response)) for (const r of n.response) request(r?.originalRequest);
    if (Array.isArray(n.item)) n.item.forEach(walk);
  };
  walk(json);
  return [...found].sort((a, b) => b.length - a.length);
}

/** Replaces each secret (as written, and as escaped in a string literal) by `[redacted]`. */
export function redactSecrets(files: Map<string, string>, secrets: readonly string[]): void {
  if (!secrets.length) return;
  const forms = new Set<string>();
  for (const s of secrets) {
    forms.add(s);
    forms.add(JSON.stringify(s).slice(1, -1));
    forms.add(encodeURIComponent(s));
  }
  const list = [...forms].filter((f) => f.length >= 6);
  for (const [path, content] of files) {
    if (path.startsWith("runtime/")) continue;
    let text = content;
    for (const form of list) if (text.includes(form)) text = text.split(form).join("[redacted]");
    if (text !== content) files.set(path, text);
  }
}
