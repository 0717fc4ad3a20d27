/**
 * What counts as a secret, and keeping secrets out of the IR. A variable, header or parameter is
 * a secret when its name says credential as a whole word (`apiKey`, `client_secret`,
 * `X-Auth-Token`; not `authServer`, a URL, nor `PROJECT_KEY`, an identifier), when its value
 * looks like a credential (a JWT, `Bearer ...`, a private key, a vendor's key format), or when
 * auth uses it (a `{{variable}}` in an auth block's credential or in an `Authorization` header).
 * An OpenAPI-import type placeholder (`<integer>`, `<string>`) is never a secret value.
 * Secret values never reach generated code: variables lose their defaults, and `redactIR`
 * replaces every known secret value in the IR's text before anything is inferred or emitted.
 */
import { words } from "./names.js";
import { variableReferences } from "./templates.js";
import { isTypePlaceholder } from "./type-placeholders.js";

export const REDACTED = "[redacted]";

/** Single words that name a credential. */
const CREDENTIAL_WORDS = new Set([
  "token", "tokens", "secret", "secrets", "password", "passwd", "pwd", "passphrase", "passcode", "signature",
  "credential", "credentials", "cookie", "cookies", "bearer", "jwt", "apikey", "apikeys", "authkey", "privatekey",
  "sessionid", "session", "otp",
]);

/** Word pairs that name a credential where neither word alone does (`key` alone is usually an identifier). */
const CREDENTIAL_PAIRS = new Set([
  "api key", "auth key", "access key", "secret key", "private key", "client id", "client key", "consumer key",
  "subscription key", "master key", "signing key", "app key", "auth code",
]);

/** Header names whose value is a credential, whatever it looks like. */
const CREDENTIAL_HEADERS = new Set(["authorization", "proxy-authorization", "cookie", "set-cookie", "www-authenticate"]);

/** Names that mention a credential word but hold none: how to send one, or an idempotency key. */
const NOT_SECRET = /^(?:token[-_ ]?type|grant[-_ ]?type|opc-retry-token|idempotency-key|x-idempotency-key|surrogate-key|key[-_ ]?name)$/i;

export function isSecretName(name: string): boolean {
  if (NOT_SECRET.test(name)) return false;
  if (CREDENTIAL_HEADERS.has(name.toLowerCase())) return true;
  const parts = words(name).map((word) => word.toLowerCase());
  if (parts.some((word) => CREDENTIAL_WORDS.has(word))) return true;
  for (let i = 1; i < parts.length; i++) if (CREDENTIAL_PAIRS.has(`${parts[i - 1]} ${parts[i]}`)) return true;
  return false;
}

/** Whether a value looks like a credential whatever it is named: tokens and keys in formats that say so. */
export function looksLikeCredential(value: string): boolean {
  const text = value.trim();
  if (text.length < 16 || text.includes("{{")) return false;
  return (
    /^eyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]*$/.test(text) || // JWT
    /^(?:Bearer|Basic|Token|Digest|OAuth)\s+\S{12,}/i.test(text) ||
    /-----BEGIN [A-Z ]*PRIVATE KEY-----/.test(text) ||
    /^(?:sk|rk|pk)_(?:live|test)_[A-Za-z0-9]{10,}$/.test(text) || // Stripe
    /^gh[pousr]_[A-Za-z0-9]{30,}$/.test(text) || // GitHub
    /^xox[abposr]-[A-Za-z0-9-]{10,}$/.test(text) || // Slack
    /^AKIA[0-9A-Z]{16}$/.test(text) || // AWS access key id
    /^AIza[0-9A-Za-z_-]{35}$/.test(text) || // Google API key
    /^(?:access|public)-(?:sandbox|development|production)-[0-9a-f-]{20,}$/.test(text) || // Plaid
    /^SG\.[A-Za-z0-9_-]{16,}\.[A-Za-z0-9_-]{16,}$/.test(text) || // SendGrid
    randomLooking(text)
  );
}

/** 32 or more characters of one token that mixes upper case, lower case and digits, as generated keys do (ids are hex or UUIDs). */
function randomLooking(text: string): boolean {
  return text.length >= 32 && /^[A-Za-z0-9+/=_-]+$/.test(text) && /[A-Z]/.test(text) && /[a-z]/.test(text) && /[0-9]/.test(text) &&
    !/^[0-9a-fA-F-]+$/.test(text);
}

/** Auth block settings that say how auth is applied, never what the credential is. */
const PUBLIC_AUTH_PARAMS = new Set([
  "key", "in", "type", "addTokenTo", "headerPrefix", "tokenType", "grant_type", "signatureMethod", "algorithm",
  "addParamsToHeader", "addEmptyParamsToSign", "includeBodyHash", "version", "realm", "service", "region",
  "addAuthDataToQuery", "qop", "client_authentication", "challengeAlgorithm", "useBrowser", "accessTokenUrl",
  "authUrl", "redirect_uri", "scope", "tokenName", "state",
]);

type RawNode = Record<string, unknown>;

/** An auth block's parameters as `[key, value]` pairs (v2.1 lists or v2.0 objects). */
function authParams(block: unknown): [string, unknown][] {
  if (!block || typeof block !== "object") return [];
  const pairs: [string, unknown][] = [];
  for (const [type, params] of Object.entries(block as RawNode)) {
    if (type === "type") continue;
    if (Array.isArray(params)) for (const p of params) pairs.push([String((p as RawNode | null)?.key), (p as RawNode | null)?.value]);
    else if (params && typeof params === "object") pairs.push(...Object.entries(params as RawNode));
  }
  return pairs;
}

/**
 * What the raw collection says about its secrets: the variables auth uses (in an auth block's
 * credentials, or in a credential header's value), and every secret value it holds (auth
 * credentials, values of secret variables, headers and query parameters, in requests and in
 * saved examples' requests), longest first.
 */
export function collectionSecrets(
  json: unknown,
  environmentValues: readonly { key: string; value: string; secretType: boolean }[] = [],
): { authVariables: Set<string>; values: string[] } {
  const authVariables = new Set<string>();
  const values = new Set<string>();
  const add = (value: unknown) => {
    if (typeof value !== "string") return;
    const text = value.trim();
    // Plain words ("password") are not credentials and may be code; references are not values;
    // nor is a type placeholder (`<integer>` under a `Session` parameter): it states a type, and
    // redacting it would erase that evidence from every body and parameter that shares it.
    if (text.length < 6 || text.includes("{{") || /^[A-Za-z_ -]+$/.test(text) || isTypePlaceholder(text)) return;
    values.add(text);
  };
  const auth = (block: unknown) => {
    for (const [key, value] of authParams(block)) {
      if (PUBLIC_AUTH_PARAMS.has(key)) continue;
      if (typeof value === "string") for (const name of variableReferences(value)) authVariables.add(name);
      add(value);
    }
  };
  const entries = (list: unknown, referencesAreAuth: boolean) => {
    if (!Array.isArray(list)) return;
    for (const entry of list as RawNode[]) {
      const key = entry?.key;
      const value = entry?.value;
      if (typeof key !== "string" || typeof value !== "string") continue;
      if (isSecretName(key)) {
        add(value);
        if (referencesAreAuth) for (const name of variableReferences(value)) authVariables.add(name);
      } else if (looksLikeCredential(value)) add(value);
    }
  };
  const request = (r: unknown) => {
    if (!r || typeof r !== "object") return;
    const req = r as RawNode;
    auth(req.auth);
    entries(req.header, true);
    const url = req.url;
    if (url && typeof url === "object") entries((url as RawNode).query, true);
    else if (typeof url === "string") {
      for (const m of url.matchAll(/[?&]([^=&#]+)=([^&#]*)/g)) {
        const [key, value] = [safeDecode(m[1]!), safeDecode(m[2]!)];
        if (isSecretName(key) || looksLikeCredential(value)) add(value);
      }
    }
  };
  const walk = (node: unknown) => {
    if (!node || typeof node !== "object") return;
    const n = node as RawNode;
    auth(n.auth);
    request(n.request);
    if (Array.isArray(n.response)) for (const r of n.response) request((r as RawNode | null)?.originalRequest);
    if (Array.isArray(n.item)) n.item.forEach(walk);
  };
  walk(json);
  // Variables last: a variable is secret when auth uses it, so its value is one too.
  const variables = (list: unknown) => {
    if (!Array.isArray(list)) return;
    for (const v of list as RawNode[]) {
      if (typeof v?.key !== "string" || typeof v.value !== "string") continue;
      if (isSecretVariable(v.key, v.value, authVariables) || v.type === "secret") add(v.value);
    }
  };
  const variableLists = (node: unknown) => {
    if (!node || typeof node !== "object") return;
    const n = node as RawNode;
    variables(n.variable);
    if (Array.isArray(n.item)) n.item.forEach(variableLists);
  };
  variableLists(json);
  for (const v of environmentValues) if (v.secretType || isSecretVariable(v.key, v.value, authVariables)) add(v.value);
  return { authVariables, values: [...values].sort((a, b) => b.length - a.length) };
}

/** A variable is secret when its name says credential, its value looks like one, or auth uses it. */
export function isSecretVariable(name: string, value: string | undefined, authVariables: ReadonlySet<string>): boolean {
  return isSecretName(name) || authVariables.has(name) || (value !== undefined && looksLikeCredential(value));
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/**
 * A copy of `value` (plain data: the IR) with every secret replaced by `[redacted]` in every
 * string, as written, as escaped in JSON text and as percent-encoded; the same object where
 * nothing changed.
 */
export function redactIR<T>(value: T, secrets: readonly string[]): T {
  const forms = new Set<string>();
  for (const s of secrets) {
    forms.add(s);
    forms.add(JSON.stringify(s).slice(1, -1));
    forms.add(encodeURIComponent(s));
  }
  const list = [...forms].filter((form) => form.length >= 6).sort((a, b) => b.length - a.length);
  if (list.length === 0) return value;
  const text = (s: string) => {
    let out = s;
    for (const form of list) if (out.includes(form)) out = out.split(form).join(REDACTED);
    return out;
  };
  const walk = (node: unknown): unknown => {
    if (typeof node === "string") return text(node);
    if (Array.isArray(node)) {
      let copy: unknown[] | undefined;
      node.forEach((item, i) => {
        const next = walk(item);
        if (next !== item) (copy ??= node.slice())[i] = next;
      });
      return copy ?? node;
    }
    if (node !== null && typeof node === "object") {
      let copy: Record<string, unknown> | undefined;
      for (const key of Object.keys(node)) {
        const item = (node as Record<string, unknown>)[key];
        const next = walk(item);
        if (next === item) continue;
        copy ??= { ...(node as Record<string, unknown>) };
        Object.defineProperty(copy, key, { value: next, writable: true, enumerable: true, configurable: true });
      }
      return copy ?? node;
    }
    return node;
  };
  return walk(value) as T;
}
