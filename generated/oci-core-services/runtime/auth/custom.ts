/** Auth types the runtime does not implement (hawk, ntlm, edgegrid, jwt, asap, akamai...) go to `config.sign`. */
import type { SignableRequest } from "../types.js";
import type { AuthScheme } from "./scheme.js";

export function customAuth(
  sign: (request: SignableRequest) => SignableRequest | Promise<SignableRequest>,
  authType: string,
): AuthScheme {
  return {
    async apply(request, { params }) {
      const signed = await sign({ ...request, operationId: request.operationId, authType, authParams: params });
      request.method = signed.method;
      request.url = signed.url;
      request.headers = signed.headers;
      request.body = signed.body;
    },
  };
}
