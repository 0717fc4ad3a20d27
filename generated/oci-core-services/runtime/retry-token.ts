/**
 * Retry-token (idempotency key) headers. When a request carries one, the server deduplicates
 * repeats, so even a POST can be retried; the runtime generates one when an operation declares
 * the header and the caller gives none, and keeps it for every attempt.
 */
import { uuidV4 } from "./random.js";

export const RETRY_TOKEN_HEADERS: readonly string[] = ["opc-retry-token", "idempotency-key", "x-idempotency-key"];

export function isRetryTokenHeader(name: string): boolean {
  return RETRY_TOKEN_HEADERS.includes(name.toLowerCase());
}

export function hasRetryToken(headers: Headers): boolean {
  return RETRY_TOKEN_HEADERS.some((name) => headers.has(name));
}

/** OCI accepts up to 64 characters; a UUID without dashes is unique enough and short. */
export function newRetryToken(): string {
  return uuidV4().replace(/-/g, "");
}
