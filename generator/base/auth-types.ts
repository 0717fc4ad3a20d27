/** The auth kinds Postman knows (and pmgen's `oci`), shared by every stage that reads an auth block. */

export type AuthType =
  | "noauth"
  | "basic"
  | "bearer"
  | "apikey"
  | "oauth1"
  | "oauth2"
  | "awsv4"
  | "digest"
  | "oci"
  | "hawk"
  | "ntlm"
  | "edgegrid"
  | "jwt"
  | "asap"
  | "akamai";

/** Auth types the runtime implements; the rest take the caller's `sign(request)` hook. */
export const SUPPORTED_AUTH_TYPES = [
  "noauth",
  "basic",
  "bearer",
  "apikey",
  "oauth1",
  "oauth2",
  "awsv4",
  "digest",
  "oci",
] as const;

/** Every auth type Postman knows (and pmgen's `oci`): the supported ones and those left to `sign`. */
export const KNOWN_AUTH_TYPES = [...SUPPORTED_AUTH_TYPES, "hawk", "ntlm", "edgegrid", "jwt", "asap", "akamai"] as const;
