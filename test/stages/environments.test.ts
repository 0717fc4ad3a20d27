/**
 * Postman environments: found beside a collection (or named in the config), read into presets
 * of non-secret values, emitted as `environments.<name>`, and typed so that
 * `createClient({ environment })` asks only for the variables the environment does not give.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runGenerate } from "../../generator/cli/commands.js";
import { discoverCollections } from "../../generator/load/discover.js";
import { modelCollections } from "../../generator/pipeline.js";
import { createRuntimeClient } from "../../templates/runtime/index.js";
import { bufferedIo, readTree } from "../ci/helpers.js";
import { typeErrors } from "../ci/ts-check.js";
import { last, op } from "../runtime/helpers/spec.js";
import { startServer } from "../runtime/helpers/server.js";
import { tempDir } from "../support.js";

const dir = tempDir("environments");
afterAll(() => dir.remove());

const collection = (name: string) => ({
  info: { name },
  variable: [{ key: "baseUrl", value: "https://{{region}}.api.example.com" }, { key: "region", value: "eu" }],
  item: [{ name: "Get thing", request: { url: "{{baseUrl}}/things/{{tenant}}?v={{version}}" } }],
});
const environment = (name: string, values: [string, string, string?][]) => ({
  name,
  values: values.map(([key, value, type]) => ({ key, value, enabled: true, ...(type ? { type } : {}) })),
  _postman_variable_scope: "environment",
});

function write(path: string, json: object): void {
  mkdirSync(join(path, ".."), { recursive: true });
  writeFileSync(path, JSON.stringify(json));
}

describe("discovery", () => {
  it("finds <stem>.<env>.postman_environment.json beside a collection, and every environment beside a lone one", () => {
    const root = join(dir.path, "discover");
    write(join(root, "many/shop.postman_collection.json"), collection("Shop"));
    write(join(root, "many/other.postman_collection.json"), collection("Other"));
    write(join(root, "many/shop.prod.postman_environment.json"), environment("Prod", []));
    write(join(root, "many/Staging.postman_environment.json"), environment("Staging", []));
    write(join(root, "lone/api.json"), collection("API"));
    write(join(root, "lone/Staging.postman_environment.json"), environment("Staging", []));
    write(join(root, "folder/collection.json"), { info: { name: "F" }, variable: [] });
    write(join(root, "folder/get.json"), { name: "Get", request: { url: "https://x.test" } });
    write(join(root, "folder/dev.postman_environment.json"), environment("Dev", []));
    const found = Object.fromEntries(
      discoverCollections(["many", "lone", "folder"], root).map((s) => [s.name, s.environments.map((e) => e.slice(root.length + 1))]),
    );
    // Environment files are never collections themselves.
    expect(found).toEqual({
      api: ["lone/Staging.postman_environment.json"],
      folder: ["folder/dev.postman_environment.json"],
      other: [],
      shop: ["many/shop.prod.postman_environment.json"],
    });
  });

  it("rejects a named environment file that is not one, naming it", () => {
    const root = join(dir.path, "broken");
    write(join(root, "api.json"), collection("API"));
    write(join(root, "api.x.postman_environment.json"), { name: "X" });
    const io = bufferedIo();
    expect(runGenerate({ cwd: root, inputs: ["api.json"], out: "out", io })).toBe(1);
    expect(io.stderr).toContain('error: api.x.postman_environment.json: not a Postman environment: expected an object with a "values" list');
  });
});

describe("presets", () => {
  const root = join(dir.path, "presets");
  write(join(root, "shop.postman_collection.json"), collection("Shop"));
  write(join(root, "shop.prod.postman_environment.json"), environment("Production", [["region", "us"], ["tenant", "acme"], ["version", ""], ["apiToken", "tok-123456789"], ["client", "x", "secret"], ["unused", "zzz"]]));
  write(join(root, "shop.qa-2.postman_environment.json"), environment("QA", [["tenant", "qa"]]));

  it("hold the non-secret values of the variables the requests use, named after their file", () => {
    const [model] = modelCollections(["shop.postman_collection.json"], root);
    expect(model!.ir.environments).toEqual([
      { name: "prod", title: "Production", file: "shop.prod.postman_environment.json", values: { region: "us", tenant: "acme", version: "" }, secrets: ["apiToken", "client"] },
      { name: "qa2", title: "QA", file: "shop.qa-2.postman_environment.json", values: { tenant: "qa" }, secrets: [] },
    ]);
  });

  it("come from the config's list instead when it names one", () => {
    write(join(root, "pmgen.config.json"), { collections: [{ input: "shop.postman_collection.json", environments: ["shop.qa-2.postman_environment.json"] }] });
    const io = bufferedIo();
    expect(runGenerate({ cwd: root, out: "out-config", io })).toBe(0);
    const environments = readTree(join(root, "out-config/shop")).get("environments.ts")!;
    expect(environments).toContain('qa2: { tenant: "qa" }');
    expect(environments).not.toContain("prod");
    writeFileSync(join(root, "pmgen.config.json"), JSON.stringify({ collections: [{ input: "shop.postman_collection.json", environments: ["missing.json"] }] }));
    const failing = bufferedIo();
    expect(runGenerate({ cwd: root, out: "out-config", io: failing })).toBe(1);
    expect(failing.stderr).toContain("collections[0].environments[0]: file not found: missing.json");
    writeFileSync(join(root, "pmgen.config.json"), "{}");
  });

  it("type createClient so that variables an environment gives are optional, and never copy a secret", () => {
    const out = join(root, "out");
    expect(runGenerate({ cwd: root, inputs: ["shop.postman_collection.json"], out: "out", io: bufferedIo() })).toBe(0);
    const files = readTree(join(out, "shop"));
    expect(files.get("environments.ts")).toContain('prod: { region: "us", tenant: "acme", version: "" }');
    expect([...files.values()].join("\n")).not.toContain("tok-123456789");
    const usage = (name: string, code: string) => {
      const path = join(out, "shop", `${name}.ts`);
      writeFileSync(path, `import { createClient, environments } from "./index.js";\n${code}\n`);
      return path;
    };
    const ok = [
      usage("with-env", "createClient({ environment: environments.prod });"),
      usage("with-env-and-variables", 'createClient({ environment: environments.qa2, variables: { version: "2" } });'),
      usage("without-env", 'createClient({ variables: { tenant: "t", version: "1" } });'),
    ];
    // `tenant` (in the URL path, no default) is the one variable a client cannot do without.
    const bad = [
      usage("env-without-tenant", 'createClient({ environment: { region: "x" } });'),
      usage("missing-all", "createClient({});"),
    ];
    const runtimeFiles = [...files.keys()].filter((path) => path.endsWith(".ts")).map((path) => join(out, "shop", path));
    expect(typeErrors([...runtimeFiles, ...ok])).toEqual([]);
    for (const file of bad) expect(typeErrors([...runtimeFiles, file]).join("\n"), file).toMatch(/variables/);
  }, 60_000);
});

describe("the runtime", () => {
  it("resolves a variable from variables, then the environment, then the collection's defaults", async () => {
    const server = await startServer();
    try {
      const spec = op({ path: "/{{a}}/{{b}}/{{c}}" });
      const client = createRuntimeClient(
        { variables: { baseUrl: server.origin, a: "default-a", b: "default-b", c: "default-c" } },
        { environment: { a: "env-a", b: "env-b" }, variables: { a: "var-a" } },
      );
      await client.send(spec, undefined);
      expect(last(server.requests).url).toBe("/var-a/env-b/default-c");
    } finally {
      await server.close();
    }
  });
});
