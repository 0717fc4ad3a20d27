/**
 * HTTP Digest (RFC 7616): the first request goes out bare, the 401's `WWW-Authenticate: Digest`
 * challenge is answered and the request sent again. The challenge is kept, so later requests
 * answer it up front with an increasing nonce count until the server sends a new (stale) nonce.
 */
import { bodyBytes, hex, utf8 } from "../bytes.js";
import { sha } from "../crypto/hash.js";
import { md5 } from "../crypto/md5.js";
import { randomBytes } from "../random.js";
import type { Bytes, PreparedRequest } from "../types.js";
import type { DigestCredentials } from "./credentials.js";
import type { AuthScheme } from "./scheme.js";

export interface DigestChallenge {
  realm: string;
  nonce: string;
  qop?: string;
  opaque?: string;
  algorithm: string;
  stale: boolean;
}

/** The Digest challenge among the header's challenges, or undefined. */
export function parseDigestChallenge(header: string | null): DigestChallenge | undefined {
  const start = header?.search(/(^|[\s,])Digest\s/i) ?? -1;
  if (header == null || start === -1) return undefined;
  const params: Record<string, string> = {};
  const pattern = /\s*,?\s*([A-Za-z0-9_-]+)\s*=\s*("((?:[^"\\]|\\.)*)"|[^\s,]+)/y;
  pattern.lastIndex = header.toLowerCase().indexOf("digest", start) + "digest".length;
  for (let match = pattern.exec(header); match; match = pattern.exec(header)) {
    params[match[1]!.toLowerCase()] = match[3] !== undefined ? match[3].replace(/\\(.)/g, "$1") : match[2]!;
  }
  if (params["realm"] === undefined || params["nonce"] === undefined) return undefined;
  return {
    realm: params["realm"],
    nonce: params["nonce"],
    ...(params["qop"] === undefined ? {} : { qop: params["qop"] }),
    ...(params["opaque"] === undefined ? {} : { opaque: params["opaque"] }),
    algorithm: params["algorithm"] ?? "MD5",
    stale: params["stale"]?.toLowerCase() === "true",
  };
}

async function hash(algorithm: string, data: Bytes | string): Promise<string> {
  const base = algorithm.toUpperCase().replace(/-SESS$/, "");
  if (base === "MD5") return hex(md5(data));
  if (base === "SHA-256") return hex(await sha("SHA-256", data));
  throw new RangeError(`Unsupported digest algorithm ${algorithm}`);
}

export interface DigestAnswer {
  username: string;
  password: string;
  method: string;
  uri: string;
  challenge: DigestChallenge;
  nc: number;
  cnonce: string;
  body: Bytes;
}

/** The `Authorization: Digest ...` value answering a challenge (RFC 7616 §3.4). */
export async function digestAuthorization(a: DigestAnswer): Promise<string> {
  const { challenge } = a;
  const algorithm = challenge.algorithm;
  const offered = (challenge.qop ?? "").split(",").map((q) => q.trim());
  const qop = offered.includes("auth") ? "auth" : offered.includes("auth-int") ? "auth-int" : undefined;
  const nc = a.nc.toString(16).padStart(8, "0");
  let ha1 = await hash(algorithm, `${a.username}:${challenge.realm}:${a.password}`);
  if (/-sess$/i.test(algorithm)) ha1 = await hash(algorithm, `${ha1}:${challenge.nonce}:${a.cnonce}`);
  const a2 = qop === "auth-int" ? `${a.method}:${a.uri}:${await hash(algorithm, a.body)}` : `${a.method}:${a.uri}`;
  const ha2 = await hash(algorithm, a2);
  const response = qop
    ? await hash(algorithm, `${ha1}:${challenge.nonce}:${nc}:${a.cnonce}:${qop}:${ha2}`)
    : await hash(algorithm, `${ha1}:${challenge.nonce}:${ha2}`);
  const fields = [
    `username="${quote(a.username)}"`,
    `realm="${quote(challenge.realm)}"`,
    `nonce="${quote(challenge.nonce)}"`,
    `uri="${quote(a.uri)}"`,
    `algorithm=${algorithm}`,
    ...(qop ? [`qop=${qop}`, `nc=${nc}`, `cnonce="${a.cnonce}"`] : []),
    `response="${response}"`,
    ...(challenge.opaque === undefined ? [] : [`opaque="${quote(challenge.opaque)}"`]),
  ];
  return `Digest ${fields.join(", ")}`;
}

const quote = (text: string): string => text.replace(/(["\\])/g, "\\$1");

export function digestAuth(credentials: DigestCredentials): AuthScheme {
  let current: DigestChallenge | undefined;
  let nonceCount = 0;

  const answer = async (request: PreparedRequest, challenge: DigestChallenge): Promise<void> => {
    const url = new URL(request.url);
    nonceCount += 1;
    request.headers.set("authorization", await digestAuthorization({
      username: credentials.username,
      password: credentials.password,
      method: request.method.toUpperCase(),
      uri: `${url.pathname}${url.search}`,
      challenge,
      nc: nonceCount,
      cnonce: hex(randomBytes(8)),
      body: await bodyBytes(request),
    }));
  };

  return {
    async apply(request) {
      if (current) await answer(request, current);
    },
    async challenge(response, request) {
      const challenge = parseDigestChallenge(response.headers.get("www-authenticate"));
      if (!challenge) return false;
      // The same nonce refused again, not as stale: the credentials are wrong; return the 401.
      if (current && request.headers.has("authorization") && challenge.nonce === current.nonce && !challenge.stale) {
        return false;
      }
      current = challenge;
      nonceCount = 0;
      await answer(request, challenge);
      return true;
    },
  };
}
