/** API key in a header or a query parameter; name and place default to the collection's settings. */
import { appendQueryParam } from "../url.js";
import type { ApiKeyCredentials } from "./credentials.js";
import type { AuthScheme } from "./scheme.js";

export function apiKeyAuth(credentials: ApiKeyCredentials): AuthScheme {
  return {
    async apply(request, { params }) {
      const key = credentials.key ?? params["key"] ?? "X-API-Key";
      const place = credentials.in ?? params["in"] ?? "header";
      if (place === "query") request.url = appendQueryParam(request.url, key, credentials.value);
      else request.headers.set(key, credentials.value);
    },
  };
}
