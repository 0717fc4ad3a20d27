/**
 * What a generated operation module tells the runtime about one request. Generated code
 * declares one `OperationSpec` per operation (`as const satisfies OperationSpec`) and passes it,
 * with the caller's params, to `client.send`. Values are templates: `{{name}}` refers to a
 * collection variable (resolved from `createClient({ variables })`) or a Postman dynamic
 * variable (`{{$guid}}`, `{{$timestamp}}`...), computed at call time.
 */

export interface OperationSpec {
  /** The generated method name. */
  readonly id: string;
  readonly method: string;
  /** The URL's base, a template: `{{baseUrl}}` or `https://postman-echo.com`. */
  readonly base: string;
  /**
   * Whether `createClient({ baseUrl })` replaces `base` for this operation (true when `base`
   * is the collection's main base; false for an operation on another host).
   */
  readonly overridableBase: boolean;
  /** The rest of the URL: `/volumeBackups/:volumeBackupId` (`:name` path params, `{{var}}`). */
  readonly path: string;
  readonly query: readonly ParamSpec[];
  readonly headers: readonly HeaderSpec[];
  readonly body?: BodySpec;
  readonly auth: AuthSpec;
  /** How to read each documented status's body when the response has no usable Content-Type. */
  readonly responses?: { readonly [status: string]: "json" | "text" | "binary" };
}

export interface ParamSpec {
  readonly key: string;
  /** static: `value` sent as written (template); caller: taken from `params.query[key]`. */
  readonly kind: "static" | "caller";
  readonly value?: string;
  /** caller: what is sent when the caller gives no value, as Postman sends it; `null` leaves it out. */
  readonly default?: string;
  readonly required: boolean;
}

export interface HeaderSpec {
  readonly key: string;
  /** static: `value` (template); caller: `params.headers[key]`; auth: set by the auth scheme. */
  readonly kind: "static" | "caller" | "auth";
  readonly value?: string;
  /** caller: what is sent when the caller gives no value; `null` leaves it out. */
  readonly default?: string;
  readonly required: boolean;
}

export interface BodySpec {
  readonly mode: "raw" | "urlencoded" | "formdata" | "file" | "graphql";
  readonly contentType?: string;
  /** raw only: json bodies are serialized with JSON.stringify, the rest sent as text. */
  readonly language?: "json" | "text" | "xml" | "html" | "javascript";
  /** urlencoded / formdata: field order and static values. */
  readonly fields?: readonly FieldSpec[];
  /** graphql: the collection's query document (a template), sent when the caller gives none. */
  readonly query?: string;
  /** graphql: the collection's variables as JSON text (a template), sent when the caller gives none. */
  readonly variables?: string;
  /** graphql: the collection's operation name. */
  readonly operationName?: string;
}

export interface FieldSpec {
  readonly key: string;
  readonly type: "text" | "file";
  /** static: `value` sent as written; caller: `params.body[key]`. */
  readonly kind: "static" | "caller";
  readonly value?: string;
  readonly required: boolean;
  readonly contentType?: string;
}

/**
 * Auth resolved for the operation. Only non-secret settings from the collection appear here
 * (where an API key goes, the OAuth 1 signature method...); secrets come from
 * `createClient({ auth })`.
 */
export interface AuthSpec {
  readonly type: string;
  readonly params: { readonly [key: string]: string };
}

/** What the caller passes to an operation. Generated code narrows each key. */
export interface OperationParams {
  path?: { [key: string]: string | number };
  /** `null` leaves out a parameter the collection sends by default. */
  query?: { [key: string]: string | number | boolean | readonly (string | number | boolean)[] | null | undefined };
  /** `null` leaves out a header the collection sends by default. */
  headers?: { [key: string]: string | null | undefined };
  body?: unknown;
}
