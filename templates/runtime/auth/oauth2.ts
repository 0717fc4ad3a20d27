/**
 * OAuth 2 access token use (obtaining tokens is the caller's job: pass `getAccessToken` to plug
 * in a refresh flow). Sent as `<headerPrefix> <token>` or as the `access_token` query parameter;
 * an empty token sends nothing, as Postman does.
 */
import type { OAuth2Credentials } from "./credentials.js";
import type { AuthScheme } from "./scheme.js";
import { AuthConfigError } from "../errors.js";
import { appendQueryParam } from "../url.js";

export function oauth2Auth(credentials: OAuth2Credentials): AuthScheme {
  return {
    async apply(request, { params, spec }) {
      const token = credentials.accessToken ?? (await credentials.getAccessToken?.());
      if (token === undefined) {
        throw new AuthConfigError("the credentials need accessToken or getAccessToken", "oauth2", spec.id);
      }
      if (token === "") return;
      const addTo = credentials.addTokenTo ?? params["addTokenTo"] ?? "header";
      if (addTo === "queryParams") {
        request.url = appendQueryParam(request.url, "access_token", token);
        return;
      }
      const prefix = credentials.headerPrefix ?? params["headerPrefix"] ?? "Bearer";
      request.headers.set("authorization", prefix ? `${prefix} ${token}` : token);
    },
  };
}
