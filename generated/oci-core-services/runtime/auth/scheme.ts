/** What every auth scheme implements; one file per scheme in this folder. */
import type { OperationSpec } from "../spec.js";
import type { PreparedRequest } from "../types.js";

export interface AuthContext {
  readonly spec: OperationSpec;
  /** `spec.auth.params` with templates resolved. */
  readonly params: Readonly<Record<string, string>>;
  readonly now: () => Date;
}

export interface AuthScheme {
  /** Adds credentials to a request about to be sent (each attempt: signatures carry a date). */
  apply(request: PreparedRequest, context: AuthContext): Promise<void>;
  /**
   * Called with a 401 response; returns true when it re-authenticated the request from the
   * server's challenge and the request must be sent again (HTTP Digest).
   */
  challenge?(response: Response, request: PreparedRequest, context: AuthContext): Promise<boolean>;
}
