/**
 * Picks the auth scheme for an operation from `spec.auth.type` and the configured credentials.
 * Schemes are created once per credentials object, so state (the digest challenge, the imported
 * OCI key) lives as long as the client.
 */
import { AuthConfigError } from "../errors.js";
import type { ClientConfig } from "../types.js";
import { apiKeyAuth } from "./apikey.js";
import { awsV4Auth } from "./awsv4.js";
import { basicAuth } from "./basic.js";
import { bearerAuth } from "./bearer.js";
import type { AuthCredentials } from "./credentials.js";
import { customAuth } from "./custom.js";
import { digestAuth } from "./digest.js";
import { oauth1Auth } from "./oauth1.js";
import { oauth2Auth } from "./oauth2.js";
import { ociAuth } from "./oci.js";
import type { AuthScheme } from "./scheme.js";

const NO_AUTH = new Set(["", "noauth", "none", "inherit"]);

function schemeFor(credentials: AuthCredentials): AuthScheme {
  switch (credentials.type) {
    case "basic":
      return basicAuth(credentials);
    case "bearer":
      return bearerAuth(credentials);
    case "apikey":
      return apiKeyAuth(credentials);
    case "oauth2":
      return oauth2Auth(credentials);
    case "oauth1":
      return oauth1Auth(credentials);
    case "awsv4":
      return awsV4Auth(credentials);
    case "digest":
      return digestAuth(credentials);
    case "oci":
      return ociAuth(credentials);
  }
}

/** Without credentials a request may still carry an Authorization header the caller set. */
function missingCredentials(authType: string): AuthScheme {
  return {
    async apply(request, { spec }) {
      if (request.headers.has("authorization")) return;
      throw new AuthConfigError(
        `no credentials: pass createClient({ auth: { type: "${authType}", ... } })`,
        authType,
        spec.id,
      );
    },
  };
}

function notImplemented(authType: string): AuthScheme {
  return {
    async apply(_request, { spec }) {
      throw new AuthConfigError(
        "the runtime does not implement this auth type: pass createClient({ sign: (request) => ... }) to sign requests",
        authType,
        spec.id,
      );
    },
  };
}

export type AuthResolver = (authType: string) => AuthScheme | undefined;

export function createAuthResolver(config: Pick<ClientConfig, "auth" | "sign">): AuthResolver {
  const list: readonly AuthCredentials[] = config.auth === undefined ? [] : Array.isArray(config.auth) ? config.auth : [config.auth as AuthCredentials];
  const schemes = new Map<string, AuthScheme>();
  return (authType) => {
    if (NO_AUTH.has(authType)) return undefined;
    let scheme = schemes.get(authType);
    if (!scheme) {
      const credentials = list.find((c) => c.type === authType);
      scheme = credentials
        ? schemeFor(credentials)
        : config.sign
          ? customAuth(config.sign, authType)
          : isImplemented(authType)
            ? missingCredentials(authType)
            : notImplemented(authType);
      schemes.set(authType, scheme);
    }
    return scheme;
  };
}

const IMPLEMENTED = new Set(["basic", "bearer", "apikey", "oauth2", "oauth1", "awsv4", "digest", "oci"]);

function isImplemented(authType: string): boolean {
  return IMPLEMENTED.has(authType);
}
