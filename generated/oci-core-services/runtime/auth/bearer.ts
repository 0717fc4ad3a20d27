/**
 * Bearer token (RFC 6750); a function provider is called for every request so it can refresh.
 * An empty token sends no header, as Postman does.
 */
import { provide, type BearerCredentials } from "./credentials.js";
import type { AuthScheme } from "./scheme.js";

export function bearerAuth(credentials: BearerCredentials): AuthScheme {
  return {
    async apply(request) {
      const token = await provide(credentials.token);
      if (token !== "") request.headers.set("authorization", `Bearer ${token}`);
    },
  };
}
