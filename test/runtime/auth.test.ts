import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AuthConfigError, createRuntimeClient, type ClientConfig } from "../../templates/runtime/index.js";
import { startServer, type TestServer } from "./helpers/server.js";
import { last, op } from "./helpers/spec.js";
import { ALL_AUTH_SCHEMES } from "../../templates/runtime/auth/all.js";

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.close());

const send = (type: string, params: Record<string, string>, config: ClientConfig, query = false) =>
  createRuntimeClient({ variables: { baseUrl: server.origin, keyName: "X-Key-From-Var" }, authSchemes: ALL_AUTH_SCHEMES }, config).send(
    op({ id: "op1", auth: { type, params }, query: query ? [{ key: "a", kind: "static", value: "1 2", required: true }] : [] }),
    undefined,
  );

describe("simple schemes on the wire", () => {
  it("basic: UTF-8 user:password in base64", async () => {
    await send("basic", {}, { auth: { type: "basic", username: "ädmin", password: "p:ss" } });
    expect(last(server.requests).headers.authorization).toBe(`Basic ${Buffer.from("ädmin:p:ss").toString("base64")}`);
  });

  it("bearer: a string, or a provider called for every request", async () => {
    await send("bearer", {}, { auth: { type: "bearer", token: "abc" } });
    expect(last(server.requests).headers.authorization).toBe("Bearer abc");
    let n = 0;
    const config: ClientConfig = { auth: { type: "bearer", token: async () => `t${++n}` } };
    await send("bearer", {}, config);
    await send("bearer", {}, config);
    expect(server.requests.slice(-2).map((r) => r.headers.authorization)).toEqual(["Bearer t1", "Bearer t2"]);
  });

  it("apikey: header or query as the collection says, name templated; credentials override", async () => {
    await send("apikey", { key: "{{keyName}}", in: "header" }, { auth: { type: "apikey", value: "s3cret" } });
    expect(last(server.requests).headers["x-key-from-var"]).toBe("s3cret");
    await send("apikey", { key: "api_key", in: "query" }, { auth: { type: "apikey", value: "a b&c" } }, true);
    expect(last(server.requests).url).toBe("/?a=1%202&api_key=a%20b%26c");
    await send("apikey", { key: "api_key", in: "query" }, { auth: { type: "apikey", value: "v", in: "header", key: "X-Mine" } });
    expect(last(server.requests).headers["x-mine"]).toBe("v");
  });

  it("oauth2: access token or async getAccessToken, with prefix or in the query", async () => {
    await send("oauth2", { headerPrefix: "Token" }, { auth: { type: "oauth2", accessToken: "at" } });
    expect(last(server.requests).headers.authorization).toBe("Token at");
    await send("oauth2", {}, { auth: { type: "oauth2", getAccessToken: async () => "fresh" } });
    expect(last(server.requests).headers.authorization).toBe("Bearer fresh");
    await send("oauth2", { addTokenTo: "queryParams" }, { auth: { type: "oauth2", accessToken: "q t" } });
    expect(last(server.requests).url).toBe("/?access_token=q%20t");
  });

  it("picks the credentials matching the operation's type from a list", async () => {
    const auth: ClientConfig["auth"] = [{ type: "basic", username: "u", password: "p" }, { type: "bearer", token: "b" }];
    await send("bearer", {}, { auth });
    expect(last(server.requests).headers.authorization).toBe("Bearer b");
    await send("noauth", {}, { auth });
    expect(last(server.requests).headers.authorization).toBeUndefined();
  });
});

describe("missing and custom auth", () => {
  it("throws a clear error without credentials, unless an Authorization header is already set", async () => {
    const error = await send("bearer", {}, {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuthConfigError);
    expect((error as Error).message).toMatch(/op1.*bearer/);
    await send("bearer", {}, { headers: { Authorization: "Bearer manual" } });
    expect(last(server.requests).headers.authorization).toBe("Bearer manual");
  });

  it("hands unimplemented types to config.sign, and names type and operation without it", async () => {
    await send("hawk", { algorithm: "sha256" }, {
      sign: (request) => {
        request.headers.set("authorization", `Hawk for ${request.authType} ${request.authParams["algorithm"]} ${request.method} ${new URL(request.url).pathname}`);
        return request;
      },
    });
    expect(last(server.requests).headers.authorization).toBe("Hawk for hawk sha256 GET /");
    const error = await send("edgegrid", {}, {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuthConfigError);
    expect((error as Error).message).toContain("edgegrid");
    expect((error as Error).message).toContain("op1");
    expect((error as Error).message).toContain("sign");
  });
});
