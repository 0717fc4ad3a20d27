/**
 * AWS Signature Version 4, canonicalized as the aws4 library (which Postman uses) does: every
 * header but a few hop-by-hop ones is signed, Content-Length included for non-empty bodies; paths are normalized and encoded again for every
 * service but S3, which gets its path decoded and encoded once.
 */
import { bodyBytes, hex } from "../bytes.js";
import { hmac, sha } from "../crypto/hash.js";
import { rfc3986 } from "../encoding.js";
import { AuthConfigError } from "../errors.js";
import type { PreparedRequest } from "../types.js";
import type { AwsV4Credentials } from "./credentials.js";
import { decodeComponent, decodeForm } from "./form.js";
import type { AuthScheme } from "./scheme.js";

const UNSIGNED = new Set(["authorization", "connection", "x-amzn-trace-id", "user-agent", "expect", "presigned-expires", "range"]);

export interface SigV4Input {
  method: string;
  url: string;
  headers: Headers;
  payloadHash: string;
  region: string;
  service: string;
  amzDate: string;
  secretAccessKey: string;
  /** Signed without being set (browsers forbid it; fetch sends the same value), as aws4 signs it. */
  contentLength?: number;
}

/** `20150830T123600Z` */
export function amzDate(date: Date): string {
  return date.toISOString().replace(/[-:]/g, "").replace(/\.\d{3}/, "");
}

export function canonicalRequest(input: SigV4Input): { text: string; signedHeaders: string } {
  const url = new URL(input.url);
  const computed: [string, string][] = [["host", url.host]];
  if (input.contentLength && !input.headers.has("content-length")) computed.push(["content-length", String(input.contentLength)]);
  const entries = [...input.headers.entries(), ...computed]
    .filter(([name]) => !UNSIGNED.has(name))
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const signedHeaders = entries.map(([name]) => name).join(";");
  const text = [
    input.method.toUpperCase(),
    canonicalPath(url.pathname, input.service),
    canonicalQuery(url.search.slice(1), input.service),
    entries.map(([name, value]) => `${name}:${value.trim().replace(/\s+/g, " ")}\n`).join(""),
    signedHeaders,
    input.payloadHash,
  ].join("\n");
  return { text, signedHeaders };
}

function canonicalPath(path: string, service: string): string {
  if (path === "/" || path === "") return "/";
  const s3 = service === "s3";
  const pieces: string[] = [];
  for (const piece of (s3 ? path : path.replace(/\/{2,}/g, "/")).split("/")) {
    if (!s3 && piece === "..") pieces.pop();
    else if (s3 || piece !== ".") pieces.push(rfc3986(s3 ? decodeComponent(piece) : piece));
  }
  const joined = pieces.join("/");
  const rooted = joined.startsWith("/") ? joined : `/${joined}`;
  return s3 ? rooted.replace(/%2F/g, "/") : rooted;
}

function canonicalQuery(search: string, service: string): string {
  const byKey = new Map<string, string[]>();
  for (const [key, value] of decodeForm(search)) {
    if (!key) continue;
    const list = byKey.get(rfc3986(key)) ?? [];
    list.push(rfc3986(value));
    byKey.set(rfc3986(key), list);
  }
  return [...byKey.keys()]
    .sort()
    .flatMap((key) => {
      const values = byKey.get(key)!;
      return (service === "s3" ? values.slice(0, 1) : [...values].sort()).map((value) => `${key}=${value}`);
    })
    .join("&");
}

export async function sigV4Authorization(input: SigV4Input & { accessKeyId: string }): Promise<string> {
  const { text, signedHeaders } = canonicalRequest(input);
  const day = input.amzDate.slice(0, 8);
  const scope = `${day}/${input.region}/${input.service}/aws4_request`;
  const stringToSign = ["AWS4-HMAC-SHA256", input.amzDate, scope, hex(await sha("SHA-256", text))].join("\n");
  let key = await hmac("SHA-256", `AWS4${input.secretAccessKey}`, day);
  for (const part of [input.region, input.service, "aws4_request"]) key = await hmac("SHA-256", key, part);
  const signature = hex(await hmac("SHA-256", key, stringToSign));
  return `AWS4-HMAC-SHA256 Credential=${input.accessKeyId}/${scope}, SignedHeaders=${signedHeaders}, Signature=${signature}`;
}

export function awsV4Auth(credentials: AwsV4Credentials): AuthScheme {
  return {
    async apply(request: PreparedRequest, { params, spec, now }) {
      const region = credentials.region ?? params["region"] ?? "us-east-1";
      const service = credentials.service ?? params["service"];
      if (!service) throw new AuthConfigError("no AWS service: set it in the collection or in the credentials", "awsv4", spec.id);
      const date = amzDate(now());
      const bytes = await bodyBytes(request);
      const payloadHash = hex(await sha("SHA-256", bytes));
      request.headers.set("x-amz-date", date);
      if (credentials.contentSha256Header !== false) request.headers.set("x-amz-content-sha256", payloadHash);
      if (credentials.sessionToken) request.headers.set("x-amz-security-token", credentials.sessionToken);
      request.headers.delete("authorization");
      const authorization = await sigV4Authorization({
        method: request.method,
        url: request.url,
        headers: request.headers,
        payloadHash,
        region,
        service,
        amzDate: date,
        contentLength: bytes.length,
        secretAccessKey: credentials.secretAccessKey,
        accessKeyId: credentials.accessKeyId,
      });
      request.headers.set("authorization", authorization);
    },
  };
}
