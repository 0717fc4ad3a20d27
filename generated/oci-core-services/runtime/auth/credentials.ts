/**
 * Secrets for each auth scheme, passed to `createClient({ auth })`. Non-secret settings (where an
 * API key goes, the OAuth 1 signature method, the AWS region...) come from the collection through
 * `spec.auth.params`; a field set here overrides the collection's setting.
 */

/** A value, or a function called on every request (token refresh). */
export type Provider<T> = T | (() => T | Promise<T>);

export interface BasicCredentials {
  type: "basic";
  username: string;
  password: string;
}

export interface BearerCredentials {
  type: "bearer";
  token: Provider<string>;
}

export interface ApiKeyCredentials {
  type: "apikey";
  value: string;
  /** Header or query parameter name; default from the collection, else "X-API-Key". */
  key?: string;
  in?: "header" | "query";
}

export interface OAuth2Credentials {
  type: "oauth2";
  accessToken?: string;
  getAccessToken?: () => string | Promise<string>;
  /** Default from the collection, else "Bearer". */
  headerPrefix?: string;
  addTokenTo?: "header" | "queryParams";
}

export interface OAuth1Credentials {
  type: "oauth1";
  consumerKey: string;
  consumerSecret: string;
  token?: string;
  tokenSecret?: string;
  signatureMethod?: "HMAC-SHA1" | "HMAC-SHA256" | "HMAC-SHA512" | "PLAINTEXT";
  realm?: string;
  /** Injectable for tests; default: 11 random alphanumerics and the clock's unix seconds. */
  nonce?: () => string;
  timestamp?: () => string;
}

export interface AwsV4Credentials {
  type: "awsv4";
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
  region?: string;
  service?: string;
  /** Send and sign `x-amz-content-sha256` (S3 requires it). Default true. */
  contentSha256Header?: boolean;
}

export interface DigestCredentials {
  type: "digest";
  username: string;
  password: string;
}

export interface OciCredentials {
  type: "oci";
  tenancyId: string;
  userId: string;
  fingerprint: string;
  /** PEM: PKCS#1 or PKCS#8, plain or encrypted. */
  privateKey: string;
  passphrase?: string;
  /**
   * Which date header to sign. Default: `date` where fetch may set it (Node), `x-date` where the
   * platform forbids setting Date (browsers).
   */
  dateHeader?: "date" | "x-date";
}

export type AuthCredentials =
  | BasicCredentials
  | BearerCredentials
  | ApiKeyCredentials
  | OAuth2Credentials
  | OAuth1Credentials
  | AwsV4Credentials
  | DigestCredentials
  | OciCredentials;

export async function provide<T>(value: Provider<T>): Promise<T> {
  return typeof value === "function" ? await (value as () => T | Promise<T>)() : value;
}
