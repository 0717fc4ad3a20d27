/**
 * Picks the auth scheme for an operation from `spec.auth.type` and the configured credentials.
 * The schemes a client can use come from its collection (`CollectionSpec.authSchemes`: the
 * generated index imports only the ones its operations name, so an OCI-only client carries no
 * OAuth 1 or SigV4 code). Schemes are created once per credentials object, so state (the digest
 * challenge, the imported OCI key) lives as long as the client.
 */
import { AuthConfigError } from "../errors.js";
import type { ClientConfig } from "../types.js";
import type { AuthCredentials } from "./credentials.js";
import { customAuth } from "./custom.js";
import type { AuthScheme } from "./scheme.js";

/** The scheme implementations a client has, by auth type. */
export type AuthSchemes = {
  readonly [T in AuthCredentials["type"]]?: (credentials: Extract<AuthCredentials, { type: T }>) => AuthScheme;
};

const NO_AUTH = new Set(["", "noauth", "none", "inherit"]);

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

export function createAuthResolver(config: Pick<ClientConfig, "auth" | "sign">, implementations: AuthSchemes): AuthResolver {
  const list: readonly AuthCredentials[] = config.auth === undefined ? [] : Array.isArray(config.auth) ? config.auth : [config.auth as AuthCredentials];
  const schemes = new Map<string, AuthScheme>();
  const implemented = (authType: string) => Object.hasOwn(implementations, authType);
  return (authType) => {
    if (NO_AUTH.has(authType)) return undefined;
    let scheme = schemes.get(authType);
    if (!scheme) {
      const credentials = list.find((c) => c.type === authType);
      // The map pairs each type with its credentials' own scheme; TypeScript cannot follow the pairing.
      const make = credentials && (implementations[credentials.type] as ((c: AuthCredentials) => AuthScheme) | undefined);
      scheme = make
        ? make(credentials)
        : config.sign
          ? customAuth(config.sign, authType)
          : implemented(authType)
            ? missingCredentials(authType)
            : notImplemented(authType);
      schemes.set(authType, scheme);
    }
    return scheme;
  };
}
