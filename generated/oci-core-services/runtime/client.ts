/**
 * `createRuntimeClient`: builds each request once from the operation spec and the caller's
 * params, then runs attempts (hook, sign, send, read) until a response is final or retries run out.
 */
import { createAuthResolver } from "./auth/index.js";
import type { AuthContext, AuthScheme } from "./auth/scheme.js";
import { buildBody } from "./body.js";
import { buildHeaders } from "./headers.js";
import { readResponse } from "./response.js";
import { backoffDelay, defaultSleep, responseRetryDelay, retryPolicy, type RetryPolicy } from "./retry.js";
import type { OperationParams, OperationSpec } from "./spec.js";
import type { RuntimeResponse } from "./status.js";
import { abortReason, exchange, type ExchangeOptions } from "./transport.js";
import type { Client, ClientConfig, CollectionSpec, PreparedRequest, RequestOptions } from "./types.js";
import { buildUrl } from "./url.js";
import { resolveTemplate, type VariableScope } from "./variables.js";
import { NetworkError, RuntimeError } from "./errors.js";

export function createRuntimeClient(collection: CollectionSpec, config: ClientConfig = {}): Client {
  const resolveAuth = createAuthResolver(config, collection.authSchemes ?? {});
  const clock = config.clock ?? (() => new Date());
  const random = config.random ?? Math.random;
  const sleep = config.sleep ?? defaultSleep;

  async function send<R = RuntimeResponse>(spec: OperationSpec, params: OperationParams | undefined, options: RequestOptions = {}): Promise<R> {
    const scope: VariableScope = {
      operationId: spec.id,
      overrides: config.variables ?? {},
      ...(config.environment ? { environment: config.environment } : {}),
      defaults: collection.variables,
      dynamic: { now: clock(), random },
    };
    const prepared = await prepare(spec, params, scope, config, options);
    const auth = resolveAuth(spec.auth.type);
    const authContext: AuthContext = { spec, params: resolveParams(spec, scope), now: clock };
    const policy = retryPolicy(prepared.method, prepared.headers, options.retry !== undefined ? options.retry : config.retry);
    const transport: ExchangeOptions = {
      fetch: config.fetch ?? globalThis.fetch.bind(globalThis),
      timeoutMs: options.timeoutMs ?? config.timeoutMs,
      signal: options.signal,
    };

    for (let attempt = 1; ; attempt++) {
      const info = { spec, attempt };
      let request = clone(prepared);
      request = (await config.onRequest?.(request, info)) ?? request;
      if (request.body !== undefined && (request.method === "GET" || request.method === "HEAD")) {
        // Postman sends it; fetch cannot. Said plainly rather than failing (and retrying) as a network error.
        throw new RuntimeError(`Operation "${spec.id}": fetch cannot send a body with ${request.method}; drop or move it in onRequest`);
      }
      let response: RuntimeResponse;
      try {
        await auth?.apply(request, authContext);
        response = await exchangeWithChallenge(request, transport, auth, authContext, spec);
      } catch (error) {
        const delay = error instanceof NetworkError ? retryDelayAfterError(policy, attempt, random) : undefined;
        if (delay === undefined) throw error;
        await pause(sleep, delay, options.signal);
        continue;
      }
      await config.onResponse?.(response, request, info);
      const delay = policy && attempt < policy.maxAttempts
        ? responseRetryDelay(policy, response.status, response.headers, attempt, clock(), random)
        : undefined;
      // The caller's result type describes the responses this spec reads (see `Client.send`).
      if (delay === undefined) return response as R;
      await pause(sleep, delay, options.signal);
    }
  }

  return { send };
}

async function prepare(
  spec: OperationSpec,
  params: OperationParams | undefined,
  scope: VariableScope,
  config: ClientConfig,
  options: RequestOptions,
): Promise<PreparedRequest> {
  const url = buildUrl(spec, params, scope, config.baseUrl);
  const headers = buildHeaders(spec, params, scope, config.headers, options.headers);
  const { body, contentType } = await buildBody(spec, params?.body, scope);
  if (contentType && body !== undefined && !headers.has("content-type")) headers.set("content-type", contentType);
  return { operationId: spec.id, method: spec.method.toUpperCase(), url, headers, body };
}

function resolveParams(spec: OperationSpec, scope: VariableScope): Record<string, string> {
  return Object.fromEntries(Object.entries(spec.auth.params).map(([k, v]) => [k, resolveTemplate(v, scope)]));
}

/** Every attempt starts from the built request: signatures and hooks never pile up. */
function clone(request: PreparedRequest): PreparedRequest {
  return { ...request, headers: new Headers(request.headers) };
}

/** One exchange; a 401 carrying a challenge the scheme can answer (Digest) is answered once. */
async function exchangeWithChallenge(
  request: PreparedRequest,
  transport: ExchangeOptions,
  auth: AuthScheme | undefined,
  context: AuthContext,
  spec: OperationSpec,
): Promise<RuntimeResponse> {
  const read = (response: Response): Promise<RuntimeResponse> => readResponse(response, spec, request.method);
  return exchange(request, transport, async (response) => {
    if (response.status === 401 && auth?.challenge && (await auth.challenge(response, request, context))) {
      await response.body?.cancel();
      return exchange(request, transport, read);
    }
    return read(response);
  });
}

function retryDelayAfterError(policy: RetryPolicy | undefined, attempt: number, random: () => number): number | undefined {
  return policy && attempt < policy.maxAttempts ? backoffDelay(policy, attempt, random) : undefined;
}

async function pause(
  sleep: (ms: number, signal?: AbortSignal) => Promise<void>,
  ms: number,
  signal: AbortSignal | undefined,
): Promise<void> {
  if (signal?.aborted) throw abortReason(signal);
  await sleep(ms, signal);
  if (signal?.aborted) throw abortReason(signal);
}
