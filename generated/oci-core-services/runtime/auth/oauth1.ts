/**
 * OAuth 1.0a request signing (RFC 5849), following Postman's implementation (postman-runtime's
 * oauth1 authorizer on node-oauth1): the base string covers the query and, for urlencoded
 * bodies, the body parameters; empty oauth_* values are left out unless `addEmptyParamsToSign`;
 * the Authorization header lists realm first, then the oauth_* parameters in Postman's order.
 */
import { base64, bodyBytes } from "../bytes.js";
import { hmac, sha, type ShaName } from "../crypto/hash.js";
import { rfc3986 } from "../encoding.js";
import { AuthConfigError } from "../errors.js";
import { randomString } from "../random.js";
import type { PreparedRequest } from "../types.js";
import { appendQueryParam } from "../url.js";
import type { OAuth1Credentials } from "./credentials.js";
import { decodeForm } from "./form.js";
import type { AuthScheme } from "./scheme.js";

const HMAC: Record<string, ShaName> = { "HMAC-SHA1": "SHA-1", "HMAC-SHA256": "SHA-256", "HMAC-SHA512": "SHA-512" };
const NONCE_ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

export interface OAuth1Input {
  method: string;
  url: string;
  /** Decoded parameters of an application/x-www-form-urlencoded body. */
  bodyParams: readonly [string, string][];
  /** oauth_* parameters to sign, in header order, oauth_signature excluded. */
  oauthParams: readonly [string, string][];
}

/** RFC 5849 §3.4.1 signature base string. */
export function signatureBaseString(input: OAuth1Input): string {
  const url = new URL(input.url);
  const base = `${url.protocol}//${url.host.toLowerCase()}${url.pathname}`;
  const pairs = [...decodeForm(url.search.slice(1)), ...input.bodyParams, ...input.oauthParams]
    .map(([k, v]) => [rfc3986(k), rfc3986(v)] as const)
    .sort(([ak, av], [bk, bv]) => (ak < bk ? -1 : ak > bk ? 1 : av < bv ? -1 : av > bv ? 1 : 0));
  const normalized = pairs.map(([k, v]) => `${k}=${v}`).join("&");
  return [input.method.toUpperCase(), base, normalized].map(rfc3986).join("&");
}

export async function oauth1Signature(
  method: string,
  baseString: string,
  consumerSecret: string,
  tokenSecret: string,
): Promise<string> {
  const key = `${rfc3986(consumerSecret)}&${rfc3986(tokenSecret)}`;
  if (method === "PLAINTEXT") return key;
  const hash = HMAC[method];
  if (!hash) throw new RangeError(`Unsupported OAuth 1 signature method ${method}`);
  return base64(await hmac(hash, key, baseString));
}

export function oauth1Auth(credentials: OAuth1Credentials): AuthScheme {
  return {
    async apply(request, { params, spec, now }) {
      const method = (credentials.signatureMethod ?? params["signatureMethod"] ?? "HMAC-SHA1").toUpperCase();
      if (method !== "PLAINTEXT" && !HMAC[method]) {
        throw new AuthConfigError(`signature method ${method} is not supported`, "oauth1", spec.id);
      }
      const bodyParams = isUrlEncoded(request) && typeof request.body === "string" ? decodeForm(request.body) : [];
      const oauth: [string, string][] = [
        ["oauth_consumer_key", credentials.consumerKey],
        ["oauth_token", credentials.token ?? ""],
        ["oauth_signature_method", method],
        ["oauth_timestamp", credentials.timestamp?.() ?? String(Math.floor(now().getTime() / 1000))],
        ["oauth_nonce", credentials.nonce?.() ?? randomString(11, NONCE_ALPHABET)],
        ["oauth_version", params["version"] ?? "1.0"],
      ];
      const bodyHash = await bodyHashParam(request, params, method);
      if (bodyHash) oauth.push(["oauth_body_hash", bodyHash]);
      const signed = params["addEmptyParamsToSign"] === "true" ? oauth : oauth.filter(([, v]) => v !== "");
      const baseString = signatureBaseString({ method: request.method, url: request.url, bodyParams, oauthParams: signed });
      const signature = await oauth1Signature(method, baseString, credentials.consumerSecret, credentials.tokenSecret ?? "");
      const all: [string, string][] = [...signed, ["oauth_signature", signature]];
      place(request, all, credentials.realm ?? params["realm"], params["addParamsToHeader"] !== "false");
    },
  };
}

function isUrlEncoded(request: PreparedRequest): boolean {
  return (request.headers.get("content-type") ?? "").toLowerCase().startsWith("application/x-www-form-urlencoded");
}

/** The body hash extension, as Postman: opt-in, never for urlencoded bodies or PLAINTEXT. */
async function bodyHashParam(
  request: PreparedRequest,
  params: Readonly<Record<string, string>>,
  method: string,
): Promise<string | undefined> {
  const hash = HMAC[method];
  if (params["includeBodyHash"] !== "true" || !hash || isUrlEncoded(request)) return undefined;
  return base64(await sha(hash, await bodyBytes(request)));
}

/** Header by default; otherwise the urlencoded body of a POST/PUT, else the query (RFC 5849 §3.5). */
function place(request: PreparedRequest, all: [string, string][], realm: string | undefined, inHeader: boolean): void {
  if (inHeader) {
    const fields = all.filter(([, v]) => v !== "").map(([k, v]) => `${rfc3986(k)}="${rfc3986(v)}"`);
    if (realm?.trim()) fields.unshift(`realm="${rfc3986(realm)}"`);
    request.headers.set("authorization", `OAuth ${fields.join(",")}`);
  } else if (/^(POST|PUT)$/i.test(request.method) && isUrlEncoded(request) && typeof request.body === "string") {
    const extra = all.map(([k, v]) => `${rfc3986(k)}=${rfc3986(v)}`).join("&");
    request.body = request.body ? `${request.body}&${extra}` : extra;
  } else {
    for (const [k, v] of all) request.url = appendQueryParam(request.url, k, v);
  }
}
