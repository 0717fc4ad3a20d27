/** Minimal types for the untyped npm peers the runtime is checked against. */
declare module "postman-url-encoder/encoder/index.js" {
  export function encodeQueryParam(param: { key: string; value?: string }): string;
  export function encodePath(path: string): string;
}
declare module "node-oauth1" {
  const OAuth: {
    SignatureMethod: {
      sign(message: { action: string; method: string; parameters: [string, string][] }, accessor: { consumerSecret: string; tokenSecret: string }): string;
      getBaseString(message: { action: string; method: string; parameters: [string, string][] }): string;
    };
  };
  export default OAuth;
}
declare module "aws4" {
  export function sign(
    request: { host: string; path: string; method: string; headers: Record<string, string>; body?: string; service: string; region: string },
    credentials: { accessKeyId: string; secretAccessKey: string; sessionToken?: string },
  ): { headers: Record<string, string> };
}
