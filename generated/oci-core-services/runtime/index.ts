/** The runtime's public surface: what generated clients and their callers import. */
export { createRuntimeClient } from "./client.js";
export { bindOperations, type BoundOperations } from "./bind.js";
export { createMockFetch, type MockFixture } from "./mock-fetch.js";
export { expectOk, type OkResponse } from "./expect-ok.js";
export {
  ApiError,
  AuthConfigError,
  MissingParameterError,
  MissingVariableError,
  NetworkError,
  RuntimeError,
  TimeoutError,
  PrivateKeyError,
  VariableCycleError,
} from "./errors.js";
export type {
  ApiResponse,
  HttpStatus,
  RuntimeResponse,
  SuccessStatus,
  TypedHeaders,
  UndocumentedResponse,
} from "./status.js";
export type {
  Client,
  ClientConfig,
  CollectionSpec,
  OnRequest,
  OnResponse,
  PreparedRequest,
  RequestBody,
  RequestInfo,
  RequestOptions,
  RetryOptions,
  SignableRequest,
} from "./types.js";
export type { FilePart } from "./body.js";
export type {
  ApiKeyCredentials,
  AuthCredentials,
  AwsV4Credentials,
  BasicCredentials,
  BearerCredentials,
  DigestCredentials,
  OAuth1Credentials,
  OAuth2Credentials,
  OciCredentials,
  Provider,
} from "./auth/credentials.js";
export type {
  AuthSpec,
  BodySpec,
  FieldSpec,
  HeaderSpec,
  OperationParams,
  OperationSpec,
  ParamSpec,
} from "./spec.js";
export { DYNAMIC_VARIABLE_NAMES } from "./dynamic-variables.js";
