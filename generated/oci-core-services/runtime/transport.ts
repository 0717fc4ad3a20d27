/**
 * One HTTP exchange: fetch plus reading the response, under the per-attempt timeout and the
 * caller's signal. Failures become NetworkError / TimeoutError; the caller's abort is rethrown
 * as its own reason (an AbortError DOMException unless the caller chose another).
 */
import { NetworkError, RuntimeError, TimeoutError } from "./errors.js";
import type { PreparedRequest } from "./types.js";

export interface ExchangeOptions {
  fetch: typeof fetch;
  timeoutMs: number | undefined;
  signal: AbortSignal | undefined;
}

export async function exchange<T>(
  request: PreparedRequest,
  options: ExchangeOptions,
  handle: (response: Response) => Promise<T>,
): Promise<T> {
  const { signal, timeoutMs } = options;
  if (signal?.aborted) throw abortReason(signal);
  const controller = new AbortController();
  let timedOut = false;
  const timer = timeoutMs === undefined
    ? undefined
    : setTimeout(() => {
        timedOut = true;
        controller.abort();
      }, timeoutMs);
  const forwardAbort = (): void => controller.abort(signal?.reason);
  signal?.addEventListener("abort", forwardAbort, { once: true });
  try {
    const response = await options.fetch(request.url, {
      method: request.method,
      headers: request.headers,
      body: request.body ?? null,
      signal: controller.signal,
    });
    return await handle(response);
  } catch (error) {
    if (signal?.aborted) throw abortReason(signal);
    if (timedOut) throw new TimeoutError(timeoutMs ?? 0, request.method, request.url);
    if (error instanceof RuntimeError) throw error;
    throw new NetworkError(describe(error), request.method, request.url, { cause: error });
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener("abort", forwardAbort);
  }
}

export function abortReason(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException("The operation was aborted.", "AbortError");
}

/** fetch's own message is a bare "fetch failed"; the cause says what actually happened. */
function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause;
  if (cause instanceof Error) {
    const code = (cause as { code?: unknown }).code;
    return `${error.message}: ${typeof code === "string" ? `${code} ` : ""}${cause.message}`;
  }
  return error.message;
}
