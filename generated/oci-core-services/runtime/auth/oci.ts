/**
 * Oracle Cloud Infrastructure request signing (draft-cavage HTTP signatures, rsa-sha256), as
 * the OCI SDK's DefaultRequestSigner does it: the date, `(request-target)` and `host`, plus for
 * POST/PUT/PATCH the body's type, length and base64 SHA-256. The signed header list is spelled
 * like the SDK's (`Content-Type Content-Length`) so the Authorization header is byte-identical.
 */
import { base64, bodyBytes, utf8 } from "../bytes.js";
import { sha } from "../crypto/hash.js";
import type { PreparedRequest } from "../types.js";
import type { OciCredentials } from "./credentials.js";
import { importRsaSigningKey } from "./oci-key.js";
import type { AuthScheme } from "./scheme.js";

const BODY_METHODS = new Set(["POST", "PUT", "PATCH"]);

let dateAllowed: boolean | undefined;

/**
 * Whether fetch will send a Date header we set. Browsers drop forbidden headers (Date among
 * them) from a Request's Headers, Node's fetch keeps it: test it instead of sniffing the platform.
 */
export function platformAllowsDateHeader(): boolean {
  dateAllowed ??= new Request("http://localhost/", { headers: { date: "Thu, 01 Jan 1970 00:00:00 GMT" } }).headers.has("date");
  return dateAllowed;
}

export interface OciSigningInput {
  method: string;
  url: string;
  headers: Headers;
  /** Names in signing order; `(request-target)`, `host` and `content-length` are computed. */
  names: readonly string[];
  contentLength: number;
}

export function ociSigningString(input: OciSigningInput): string {
  const url = new URL(input.url);
  return input.names
    .map((name) => {
      const lower = name.toLowerCase();
      if (lower === "(request-target)") return `(request-target): ${input.method.toLowerCase()} ${url.pathname}${url.search}`;
      if (lower === "host") return `host: ${url.host}`;
      if (lower === "content-length") return `content-length: ${input.contentLength}`;
      return `${lower}: ${input.headers.get(lower) ?? ""}`;
    })
    .join("\n");
}

export function ociAuth(credentials: OciCredentials): AuthScheme {
  let key: Promise<CryptoKey> | undefined;
  const keyId = `${credentials.tenancyId}/${credentials.userId}/${credentials.fingerprint}`;

  return {
    async apply(request: PreparedRequest, { now }) {
      key ??= importRsaSigningKey(credentials.privateKey, credentials.passphrase);
      const dateHeader = credentials.dateHeader ?? (platformAllowsDateHeader() ? "date" : "x-date");
      request.headers.set(dateHeader, now().toUTCString());
      const names = [dateHeader, "(request-target)", "host"];
      let contentLength = 0;
      if (BODY_METHODS.has(request.method.toUpperCase())) {
        if (!request.headers.has("content-type")) request.headers.set("content-type", "application/json");
        const bytes = await bodyBytes(request);
        // An empty body is still sent as a body, so fetch writes the Content-Length: 0 we sign.
        if (request.body === undefined) request.body = bytes;
        contentLength = bytes.length;
        request.headers.set("x-content-sha256", base64(await sha("SHA-256", bytes)));
        names.push("Content-Type", "Content-Length", "x-content-sha256");
      }
      const signingString = ociSigningString({ method: request.method, url: request.url, headers: request.headers, names, contentLength });
      const signature = await crypto.subtle.sign("RSASSA-PKCS1-v1_5", await key, utf8(signingString));
      request.headers.set(
        "authorization",
        `Signature version="1",keyId="${keyId}",algorithm="rsa-sha256",headers="${names.join(" ")}",signature="${base64(new Uint8Array(signature))}"`,
      );
    },
  };
}
