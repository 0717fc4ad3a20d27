/** Bearer token (RFC 6750); a function provider is called for every request so it can refresh. */
import { provide, type BearerCredentials } from "./credentials.js";
import type { AuthScheme } from "./scheme.js";

export function bearerAuth(credentials: BearerCredentials): AuthScheme {
  return {
    async apply(request) {
      request.headers.set("authorization", `Bearer ${await provide(credentials.token)}`);
    },
  };
}
