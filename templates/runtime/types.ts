/** The client's configuration and the request shape hooks and signers see. */
import type { AuthSchemes } from "./auth/index.js";
import type { AuthCredentials } from "./auth/credentials.js";
import type { OperationParams, OperationSpec } from "./spec.js";
import type { RuntimeResponse } from "./status.js";

/** Bytes as WebCrypto and fetch accept them (backed by a plain ArrayBuffer). */
export type Bytes = Uint8Array<ArrayBuffer>;

/** A body ready for fetch. JSON, text, urlencoded and graphql bodies are strings. */
export type RequestBody = string | Bytes | Blob | FormData;

/** A request about to be sent: what `onRequest` may change and signers sign. */
export interface PreparedRequest {
  readonly operationId: string;
  method: string;
  url: string;
  headers: Headers;
  body: RequestBody | undefined;
}

/** What `config.sign` receives for auth types the runtime does not implement (hawk, ntlm...). */
export interface SignableRequest extends PreparedRequest {
  readonly authType: string;
  /** The collection's non-secret settings for the scheme. */
  readonly authParams: Readonly<Record<string, string>>;
}

export interface RetryOptions {
  /** Attempts in total, the first included. Default 3 (two retries). */
  maxAttempts?: number;
  /** Backoff cap for attempt n is min(maxDelayMs, baseDelayMs * 2^(n-1)); the delay is uniform in [0, cap]. */
  baseDelayMs?: number;
  maxDelayMs?: number;
  /** A `Retry-After` longer than this is not waited for: the response is returned. Default 60 000. */
  maxRetryAfterMs?: number;
  /** Statuses that are retried. Default 408, 429, 500, 502, 503, 504. */
  statuses?: readonly number[];
  /**
   * Retry POST/PATCH too. By default they are retried only when a retry-token header
   * (opc-retry-token, Idempotency-Key...) makes the repeat safe.
   */
  retryNonIdempotent?: boolean;
}

export interface RequestInfo {
  readonly spec: OperationSpec;
  /** 1 for the first attempt. */
  readonly attempt: number;
}

export type OnRequest = (
  request: PreparedRequest,
  info: RequestInfo,
) => PreparedRequest | void | Promise<PreparedRequest | void>;

export type OnResponse = (
  response: RuntimeResponse,
  request: PreparedRequest,
  info: RequestInfo,
) => void | Promise<void>;

export interface ClientConfig {
  /** Values for collection variables; they win over the environment and the collection's defaults. */
  variables?: Readonly<Record<string, string | undefined>>;
  /** A Postman environment's values (a generated `environments.<name>`); they win over the collection's defaults. */
  environment?: Readonly<Record<string, string | undefined>>;
  /** Replaces the base of every operation whose spec says `overridableBase`. */
  baseUrl?: string;
  fetch?: typeof fetch;
  auth?: AuthCredentials | readonly AuthCredentials[];
  /** Sent with every request; they win over the operation's own headers. */
  headers?: Record<string, string>;
  /** Per attempt. No timeout by default. */
  timeoutMs?: number;
  retry?: RetryOptions | false;
  /** Runs before each attempt, before signing, so its changes are covered by signatures. */
  onRequest?: OnRequest;
  /** Observes each response, retried ones included. */
  onResponse?: OnResponse;
  /** Signs requests for auth types the runtime does not implement. */
  sign?: (request: SignableRequest) => SignableRequest | Promise<SignableRequest>;
  /** The time used for signatures and `{{$timestamp}}`. */
  clock?: () => Date;
  /** Uniform in [0, 1): backoff jitter and random dynamic variables. Nonces and tokens use crypto. */
  random?: () => number;
  /** Waits between retries; tests inject one that returns at once. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
}

export interface RequestOptions {
  signal?: AbortSignal;
  timeoutMs?: number;
  retry?: RetryOptions | false;
  headers?: Record<string, string>;
}

/** The collection's own data the generated `createClient` passes in. */
export interface CollectionSpec {
  variables: Record<string, string | undefined>;
  /** The auth schemes its operations use (their code is imported only when used). */
  authSchemes?: AuthSchemes;
}

export interface Client {
  /**
   * Sends one operation and reads its response. `R` is the operation's result type (a union by
   * status, generated from the collection's examples): the response is read by the spec's own
   * rules (`responses`), which that type describes. `R` has no `extends RuntimeResponse`:
   * checking that bound resolves the status union of every operation's `UndocumentedResponse`,
   * which multiplies the type instantiations of a large client thirtyfold.
   */
  send<R = RuntimeResponse>(
    spec: OperationSpec,
    params: OperationParams | undefined,
    options?: RequestOptions,
  ): Promise<R>;
}
