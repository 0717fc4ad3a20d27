/**
 * Errors the runtime throws. HTTP error statuses are responses, not errors: only a request that
 * cannot be built or sent throws. `ApiError` is thrown only by `expectOk`, when the caller asks.
 */

/** Base class, so callers can tell runtime errors from their own with one `instanceof`. */
export class RuntimeError extends Error {
  override name = "RuntimeError";
}

/** A `{{variable}}` has no value in `createClient({ variables })` nor in the collection. */
export class MissingVariableError extends RuntimeError {
  override name = "MissingVariableError";
  constructor(
    readonly variable: string,
    readonly operationId: string,
  ) {
    super(
      `Operation "${operationId}" needs the variable "{{${variable}}}", but it has no value: ` +
        `pass it in createClient({ variables: { ${JSON.stringify(variable)}: "..." } })`,
    );
  }
}

/** Variables that refer to each other in a loop: `{{a}}` → `{{b}}` → `{{a}}`. */
export class VariableCycleError extends RuntimeError {
  override name = "VariableCycleError";
  constructor(
    readonly cycle: readonly string[],
    readonly operationId: string,
  ) {
    super(
      `Operation "${operationId}": variables refer to each other in a loop: ` +
        cycle.map((name) => `{{${name}}}`).join(" → "),
    );
  }
}

/** A required path, query, header or body parameter was not given. */
export class MissingParameterError extends RuntimeError {
  override name = "MissingParameterError";
  constructor(
    readonly location: "path" | "query" | "header" | "body",
    readonly parameter: string,
    readonly operationId: string,
  ) {
    super(`Operation "${operationId}" needs the ${location} parameter "${parameter}"`);
  }
}

/** Auth is misconfigured: no credentials for the operation's scheme, or unusable ones. */
export class AuthConfigError extends RuntimeError {
  override name = "AuthConfigError";
  constructor(
    message: string,
    readonly authType: string,
    readonly operationId: string,
  ) {
    super(`Operation "${operationId}" (auth "${authType}"): ${message}`);
  }
}

/** The request never got an HTTP response: DNS, refused connection, reset, TLS... */
export class NetworkError extends RuntimeError {
  override name = "NetworkError";
  constructor(
    message: string,
    readonly method: string,
    readonly url: string,
    options?: { cause?: unknown },
  ) {
    super(`${method} ${url}: ${message}`, options);
  }
}

/** No response within `timeoutMs`. A NetworkError, so one catch handles both. */
export class TimeoutError extends NetworkError {
  override name = "TimeoutError";
  constructor(
    readonly timeoutMs: number,
    method: string,
    url: string,
  ) {
    super(`no response within ${timeoutMs} ms`, method, url);
  }
}

/** A non-2xx response, thrown by `expectOk` only. */
export class ApiError extends RuntimeError {
  override name = "ApiError";
  constructor(
    readonly status: number,
    readonly body: unknown,
    readonly headers: Headers,
    readonly requestId: string | undefined,
  ) {
    super(`HTTP ${status}${requestId ? ` (request id ${requestId})` : ""}: ${summarize(body)}`);
  }
}

function summarize(body: unknown): string {
  if (body === undefined) return "no body";
  if (typeof Blob !== "undefined" && body instanceof Blob) return `${body.size} bytes of ${body.type || "binary"}`;
  const text = typeof body === "string" ? body : safeJson(body);
  return text.length > 300 ? `${text.slice(0, 300)}…` : text;
}

function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

/** A private key the runtime cannot read (OCI signing): not PEM, not RSA, or a wrong passphrase. */
export class PrivateKeyError extends RuntimeError {
  override name = "PrivateKeyError";
}
