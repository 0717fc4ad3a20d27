/**
 * The intermediate representation (IR) pmgen builds from a Postman collection.
 *
 * Everything here is plain data (no classes, no Maps) so `pmgen inspect` can print it as JSON
 * and every later stage (infer, emit, openapi) reads one vocabulary. Values that may be secrets
 * (auth parameters, secret-named variables) never enter the IR.
 */

import type { SourceLocation } from "../base/diagnostics.js";

export type { SourceLocation };

export interface CollectionIR {
  /** Output folder name: kebab-case, from the file or folder name. */
  name: string;
  /** `info.name` of the collection. */
  title: string;
  description?: string;
  /** The `info.schema` version: "2.0" or "2.1". */
  schemaVersion: string;
  source: SourceLocation;
  variables: VariableIR[];
  /** Presets from the collection's Postman environment files. */
  environments: EnvironmentIR[];
  auth?: AuthIR;
  operations: OperationIR[];
}

/** A Postman environment, as a preset of variable values (`environments.sandbox`). */
export interface EnvironmentIR {
  /** The identifier it is exported under. */
  name: string;
  /** The environment's name in Postman. */
  title: string;
  /** The file it was read from. */
  file: string;
  /** The values it gives the variables the requests use; secrets are never copied. */
  values: Record<string, string>;
  /** The variables it holds that are secrets: the caller passes those. */
  secrets: string[];
}

export interface VariableIR {
  key: string;
  /** The collection's value; absent for secret-like variables (never copied into output). */
  default?: string;
  secret: boolean;
  description?: string;
  /** Whether any operation URL references the variable (directly or through another variable). */
  usedInUrl: boolean;
}

export type HttpMethod = "GET" | "POST" | "PUT" | "PATCH" | "DELETE" | "HEAD" | "OPTIONS" | string;

export interface OperationIR {
  /** lowerCamelCase method name, unique in the collection. */
  id: string;
  /** PascalCase form of `id`, the prefix of every type named after the operation. */
  typeName: string;
  /** The item's name as written in the collection. */
  name: string;
  folderPath: string[];
  /** `Folder / Sub / Item`, the path used in messages. */
  itemPath: string;
  source: SourceLocation;
  method: HttpMethod;
  url: UrlIR;
  pathParams: ParamIR[];
  query: ParamIR[];
  headers: HeaderIR[];
  body?: BodyIR;
  /** Auth resolved with inheritance (request, then folders, then collection). */
  auth: AuthIR;
  responses: ResponseIR[];
  description?: string;
}

export interface UrlIR {
  /** The URL as written (`url.raw`, or rebuilt from its parts), query string removed. */
  raw: string;
  /**
   * Host and path with `{{var}}` references and `:name` path params, no query string:
   * `{{baseUrl}}/volumeBackups/:volumeBackupId`.
   */
  template: string;
  /** The scheme, host and port part of the template: `{{baseUrl}}` or `https://api.github.com`. */
  base: string;
  /** The rest of the template: `/volumeBackups/:volumeBackupId` (may be empty). */
  path: string;
  /** Collection variables referenced by the template, in order of first use. */
  variables: string[];
}

/** A path or query parameter. */
export interface ParamIR {
  key: string;
  /**
   * static: sent as written (a fixed value or `{{var}}` template the client resolves);
   * caller: supplied through `params.path` / `params.query`.
   */
  kind: "static" | "caller";
  required: boolean;
  /** The collection's value (static template, or the sample a caller value is typed from). */
  value?: string;
  /**
   * caller only: the value Postman sends when the caller gives none (an enabled parameter with a
   * concrete value in the collection: `access=public`). The caller may override it, or pass
   * `null` to leave the parameter out.
   */
  default?: string;
  /** Every value seen: the request's and each example's original request. */
  samples: string[];
  description?: string;
}

export interface HeaderIR {
  key: string;
  /**
   * static: fixed or `{{var}}` template resolved by the client;
   * caller: supplied through `params.headers`;
   * auth: computed by the auth scheme at send time (`{{signature}}`, `{{date}}`...).
   */
  kind: "static" | "caller" | "auth";
  required: boolean;
  value?: string;
  /** caller only: the value sent when the caller gives none (see `ParamIR.default`). */
  default?: string;
  samples: string[];
  description?: string;
}

export type BodyMode = "raw" | "urlencoded" | "formdata" | "file" | "graphql";
export type RawLanguage = "json" | "text" | "xml" | "html" | "javascript";

export interface BodyIR {
  mode: BodyMode;
  /** The Content-Type the request sends (from its headers or implied by the mode). */
  contentType?: string;
  /** raw only: how the text is written. */
  language?: RawLanguage;
  /** urlencoded and formdata: the fields, in order. */
  fields?: BodyFieldIR[];
  /** raw: every sample text (the request's first, then each example's); graphql: the variables. */
  samples: SampleIR[];
  /** graphql only: the query document, sent unless the caller gives another (`{{var}}` resolved at call time). */
  graphqlQuery?: string;
  /** graphql only: the variables as the collection writes them (JSON text with `{{var}}`), sent unless the caller gives others. */
  graphqlVariables?: string;
  /** graphql only: the operation name, when the collection names one. */
  graphqlOperationName?: string;
}

export interface BodyFieldIR {
  key: string;
  type: "text" | "file";
  required: boolean;
  /** Static template value when it references variables only; otherwise the field is the caller's. */
  value?: string;
  samples: string[];
  contentType?: string;
  description?: string;
  /** The collection sends the key more than once (`services[]`): the caller gives a list. */
  repeated?: boolean;
}

export interface SampleIR {
  /** Where the sample came from: "request" or the example's name. */
  origin: string;
  text: string;
}

export interface ResponseIR {
  /** The example's name. */
  name: string;
  status: number;
  /** Status text when the example has no numeric code, kept for messages. */
  statusText?: string;
  headers: { key: string; value: string }[];
  contentType?: string;
  language?: string;
  body?: string;
  /** The example's original request query (enabled parameters), for matching mocks. */
  requestQuery?: Record<string, string>;
}

export type { AuthType } from "../base/auth-types.js";
export { KNOWN_AUTH_TYPES, SUPPORTED_AUTH_TYPES } from "../base/auth-types.js";
import type { AuthType } from "../base/auth-types.js";

export interface AuthIR {
  type: AuthType;
  /**
   * Non-secret settings only: where an API key goes (`in`, `key`), the OAuth 1 signature
   * method, the AWS service and region when literal. Secret values are never copied.
   */
  params: Record<string, string>;
  /** Where the auth was found: "request", "folder <name>", "collection", or "headers" (inferred). */
  from: string;
}
