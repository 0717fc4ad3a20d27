/** `expectOk`: for callers who prefer an exception to checking `res.ok`. */
import { ApiError } from "./errors.js";

interface AnyResponse {
  status: number;
  ok: boolean;
  body: unknown;
  headers: Headers;
  requestId?: string;
}

/** The members of a response union that can be 2xx (an undocumented one can), with `ok: true`. */
export type OkResponse<R> = R extends { ok: infer O } ? (true extends O ? R & { ok: true } : never) : never;

/** Returns the response if it is 2xx, else throws ApiError with its status, body and request id. */
export function expectOk<R extends AnyResponse>(response: R): OkResponse<R> {
  if (!response.ok) throw new ApiError(response.status, response.body, response.headers, response.requestId);
  return response as OkResponse<R>;
}
