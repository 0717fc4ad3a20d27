import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createRuntimeClient, MissingParameterError } from "../../templates/runtime/index.js";
import type { HeaderSpec } from "../../templates/runtime/spec.js";
import { startServer, type TestServer } from "./helpers/server.js";
import { last, op } from "./helpers/spec.js";

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.close());

const headers: HeaderSpec[] = [
  { key: "Accept", kind: "static", value: "application/{{format}}", required: true },
  { key: "X-Tenant", kind: "caller", required: true },
  { key: "X-Trace", kind: "caller", required: false },
  { key: "X-Signature", kind: "auth", value: "{{signature}}", required: true },
  { key: "X-Layer", kind: "static", value: "operation", required: true },
];

describe("request headers", () => {
  it("sends static (templated) and caller headers matched case-insensitively; auth headers are left to auth", async () => {
    const client = createRuntimeClient({ variables: { baseUrl: server.origin, format: "json" } }, {});
    await client.send(op({ headers }), { headers: { "x-tenant": "t1", "X-TRACE": undefined, "X-Extra": "e" } });
    const sent = last(server.requests).headers;
    expect([sent.accept, sent["x-tenant"], sent["x-extra"], sent["x-layer"]]).toEqual(["application/json", "t1", "e", "operation"]);
    expect(sent["x-trace"]).toBeUndefined();
    expect(sent["x-signature"]).toBeUndefined();
  });

  it("lets config.headers override the operation's, and options.headers override both", async () => {
    const client = createRuntimeClient({ variables: { baseUrl: server.origin, format: "xml" } }, { headers: { "x-layer": "config", "X-Config": "c" } });
    await client.send(op({ headers }), { headers: { "X-Tenant": "t" } });
    expect(last(server.requests).headers["x-layer"]).toBe("config");
    await client.send(op({ headers }), { headers: { "X-Tenant": "t" } }, { headers: { "X-Layer": "call" } });
    expect([last(server.requests).headers["x-layer"], last(server.requests).headers["x-config"]]).toEqual(["call", "c"]);
  });

  it("sends a header's default when the caller gives none, the caller's value instead, and nothing for null", async () => {
    const client = createRuntimeClient({ variables: { baseUrl: server.origin } }, {});
    const spec = op({ headers: [{ key: "translate-user-info", kind: "caller", default: "true", required: false }] });
    await client.send(spec, undefined);
    expect(last(server.requests).headers["translate-user-info"]).toBe("true");
    await client.send(spec, { headers: { "Translate-User-Info": "false" } });
    expect(last(server.requests).headers["translate-user-info"]).toBe("false");
    await client.send(spec, { headers: { "translate-user-info": null } });
    expect(last(server.requests).headers["translate-user-info"]).toBeUndefined();
  });

  it("throws for a missing required caller header unless config or options supply it", async () => {
    const client = createRuntimeClient({ variables: { baseUrl: server.origin, format: "json" } }, {});
    const error = await client.send(op({ id: "getThing", headers }), undefined).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MissingParameterError);
    expect((error as Error).message).toBe('Operation "getThing" needs the header parameter "X-Tenant"');
    await client.send(op({ headers }), undefined, { headers: { "x-tenant": "from-options" } });
    expect(last(server.requests).headers["x-tenant"]).toBe("from-options");
  });
});
