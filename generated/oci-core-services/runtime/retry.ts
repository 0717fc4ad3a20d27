/**
 * When and how long to wait before retrying: exponential backoff with full jitter, or the
 * server's Retry-After on 429/503. Only idempotent requests (or ones carrying a retry token)
 * are retried unless the caller opts in.
 */
import { hasRetryToken } from "./retry-token.js";
import type { RetryOptions } from "./types.js";

const IDEMPOTENT = new Set(["GET", "HEAD", "OPTIONS", "PUT", "DELETE", "TRACE"]);
const DEFAULT_STATUSES: readonly number[] = [408, 429, 500, 502, 503, 504];
const RETRY_AFTER_STATUSES = new Set([429, 503]);

export interface RetryPolicy {
  readonly maxAttempts: number;
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
  readonly maxRetryAfterMs: number;
  readonly statuses: ReadonlySet<number>;
}

/** The policy for one request, or undefined when it must not be retried. */
export function retryPolicy(
  method: string,
  headers: Headers,
  option: RetryOptions | false | undefined,
): RetryPolicy | undefined {
  if (option === false) return undefined;
  const options = option ?? {};
  const safe = IDEMPOTENT.has(method.toUpperCase()) || hasRetryToken(headers) || options.retryNonIdempotent === true;
  if (!safe) return undefined;
  return {
    maxAttempts: Math.max(1, Math.floor(options.maxAttempts ?? 3)),
    baseDelayMs: options.baseDelayMs ?? 250,
    maxDelayMs: options.maxDelayMs ?? 10_000,
    maxRetryAfterMs: options.maxRetryAfterMs ?? 60_000,
    statuses: new Set(options.statuses ?? DEFAULT_STATUSES),
  };
}

/** Full jitter: uniform in [0, min(max, base * 2^(attempt-1))]; `attempt` is the one that failed. */
export function backoffDelay(policy: RetryPolicy, attempt: number, random: () => number): number {
  const cap = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
  return Math.floor(random() * cap);
}

/**
 * The delay before retrying a response, or undefined when it is not retried: the status is not
 * retryable, or the server asks to wait longer than the caller allows.
 */
export function responseRetryDelay(
  policy: RetryPolicy,
  status: number,
  headers: Headers,
  attempt: number,
  now: Date,
  random: () => number,
): number | undefined {
  if (!policy.statuses.has(status)) return undefined;
  const retryAfter = RETRY_AFTER_STATUSES.has(status) ? parseRetryAfter(headers.get("retry-after"), now) : undefined;
  if (retryAfter === undefined) return backoffDelay(policy, attempt, random);
  return retryAfter <= policy.maxRetryAfterMs ? retryAfter : undefined;
}

/** Retry-After is delay-seconds or an HTTP date (RFC 9110 §10.2.3). */
export function parseRetryAfter(value: string | null, now: Date): number | undefined {
  if (value === null) return undefined;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  const date = Date.parse(text);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now.getTime());
}

export function defaultSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}
