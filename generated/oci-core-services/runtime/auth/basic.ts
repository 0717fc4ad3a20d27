/** HTTP Basic (RFC 7617), credentials as UTF-8. */
import { base64, utf8 } from "../bytes.js";
import type { BasicCredentials } from "./credentials.js";
import type { AuthScheme } from "./scheme.js";

export function basicAuth(credentials: BasicCredentials): AuthScheme {
  const value = `Basic ${base64(utf8(`${credentials.username}:${credentials.password}`))}`;
  return {
    async apply(request) {
      request.headers.set("authorization", value);
    },
  };
}
