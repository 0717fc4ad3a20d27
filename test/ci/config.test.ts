/** `pmgen.config.json`: settings, validation messages, flags over the file, and `--watch`. */
import { cpSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runGenerate, runInspect } from "../../generator/cli/commands.js";
import { runWatch } from "../../generator/cli/watch.js";
import { runOpenapi } from "../../generator/cli/openapi-command.js";
import { builtinTemplatesDir } from "../../generator/emit/templates.js";
import { bufferedIo, OCI_FOLDER, readTree, removeDir, tempDir } from "./helpers.js";

function shop() {
  const item = (name: string, path: string, auth?: object) => ({
    name,
    request: { method: "GET", header: [], ...(auth ? { auth } : {}), url: { raw: `{{baseUrl}}/${path}`, host: ["{{baseUrl}}"], path: path.split("/") } },
    response: [{ name: "OK", code: 200, header: [{ key: "Content-Type", value: "application/json" }], body: JSON.stringify({ ok: true, path }) }],
  });
  return {
    info: { name: "Shop", schema: "https://schema.getpostman.com/json/collection/v2.1.0/collection.json" },
    auth: { type: "apikey", apikey: [{ key: "key", value: "X-Api-Key" }, { key: "value", value: "shop-api-key-123" }] },
    variable: [{ key: "baseUrl", value: "https://shop.example.com" }],
    item: [
      { name: "orders", item: [item("List orders", "orders"), { name: "archive", item: [item("List archived", "orders/archive")] }] },
      { name: "products", item: [item("List products", "products", { type: "bearer", bearer: [{ key: "token", value: "abcdefgh" }] })] },
      { name: "admin", item: [item("Purge", "admin/purge")] },
    ],
  };
}

function run(cwd: string, args: Parameters<typeof runGenerate>[0] = {}) {
  const io = bufferedIo();
  const code = runGenerate({ cwd, io, ...args });
  return { code, ...io };
}

describe("pmgen.config.json", () => {
  let dir: string;
  beforeAll(() => {
    dir = tempDir("config");
    writeFileSync(join(dir, "shop.json"), JSON.stringify(shop()));
  });
  afterAll(() => removeDir(dir));

  it("applies name, out, include/exclude, auth overrides and template overrides", () => {
    mkdirSync(join(dir, "tpl"), { recursive: true });
    const types = readFileSync(join(builtinTemplatesDir(), "types.ts.hbs"), "utf8");
    writeFileSync(join(dir, "tpl/types.ts.hbs"), `{{{header}}}\n// custom types template\n${types.split("\n").slice(1).join("\n")}`);
    writeFileSync(
      join(dir, "pmgen.config.json"),
      JSON.stringify({
        out: "gen",
        templates: "tpl",
        collections: [{ input: "shop.json", name: "store", include: ["orders", "products"], exclude: ["orders/archive"], auth: { "": "bearer", products: "noauth" } }],
      }),
    );
    const result = run(dir);
    expect(result.code, result.stderr).toBe(0);
    const files = readTree(join(dir, "gen/store"));
    const operations = [...files.keys()].filter((p) => p.startsWith("operations/")).sort();
    expect(operations).toEqual(["operations/listOrders.ts", "operations/listProducts.ts"]);
    expect(files.get("types.ts")).toContain("// custom types template");
    expect(files.get("operations/listOrders.ts")).toMatch(/auth: \{\s*type: "bearer"/);
    // The folder override beats the request's own bearer auth.
    expect(files.get("operations/listProducts.ts")).toMatch(/auth: \{\s*type: "noauth"/);
    // Warnings and source locations still point at the original file.
    expect(files.get("operations/listOrders.ts")).toContain("shop.json (orders / List orders)");
  });

  it("inspect and openapi see the collection as generate does (folders and auth from the config)", () => {
    const inspect = bufferedIo();
    expect(runInspect({ inputs: ["shop.json"], cwd: dir, io: inspect })).toBe(0);
    const ir = JSON.parse(inspect.stdout) as { operations: { id: string; auth: { type: string } }[] };
    expect(ir.operations.map((o) => [o.id, o.auth.type])).toEqual([["listOrders", "bearer"], ["listProducts", "noauth"]]);
    const openapi = bufferedIo();
    expect(runOpenapi({ input: "shop.json", cwd: dir, io: openapi })).toBe(0);
    const document = JSON.parse(openapi.stdout) as { paths: Record<string, Record<string, { operationId: string }>> };
    expect(Object.values(document.paths).flatMap((p) => Object.values(p).map((o) => o.operationId)).sort()).toEqual(["listOrders", "listProducts"]);
  });

  it("command-line flags override the file", () => {
    const result = run(dir, { out: "flag-out", templates: join(builtinTemplatesDir()) });
    expect(result.code, result.stderr).toBe(0);
    expect(existsSync(join(dir, "flag-out/store/index.ts"))).toBe(true);
    expect(readFileSync(join(dir, "flag-out/store/types.ts"), "utf8")).not.toContain("custom types template");
  });

  it("inputs on the command line keep their config settings; --config picks another file", () => {
    writeFileSync(join(dir, "other.config.json"), JSON.stringify({ collections: [{ input: "shop.json", name: "other", exclude: ["admin"] }] }));
    const result = run(dir, { config: "other.config.json", inputs: ["shop.json"], out: "o2" });
    expect(result.code, result.stderr).toBe(0);
    expect([...readTree(join(dir, "o2/other")).keys()].filter((p) => p.startsWith("operations/")).sort()).toEqual([
      "operations/listArchived.ts",
      "operations/listOrders.ts",
      "operations/listProducts.ts",
    ]);
  });

  const invalid: [string, unknown, RegExp][] = [
    ["unknown top-level key", { outt: "x" }, /pmgen\.config\.json: outt: unknown key; expected one of/],
    ["collections not an array", { collections: {} }, /pmgen\.config\.json: collections: expected an array/],
    ["entry without input", { collections: [{ name: "x" }] }, /collections\[0\]: missing "input"/],
    ["unknown collection key", { collections: [{ input: "shop.json", includ: [] }] }, /collections\[0\]\.includ: unknown key/],
    ["include not strings", { collections: [{ input: "shop.json", include: ["orders", 3] }] }, /collections\[0\]\.include\[1\]: expected a non-empty string/],
    ["empty folder segment", { collections: [{ input: "shop.json", exclude: ["orders//x"] }] }, /collections\[0\]\.exclude\[0\]: "orders\/\/x" has an empty segment/],
    ["unknown auth type", { collections: [{ input: "shop.json", auth: "kerberos" }] }, /collections\[0\]\.auth: unknown auth type "kerberos"; expected one of .*bearer/],
    ["auth map value", { collections: [{ input: "shop.json", auth: { orders: 1 } }] }, /collections\[0\]\.auth\["orders"\]: expected an auth type string/],
    ["bad name", { collections: [{ input: "shop.json", name: "../up" }] }, /collections\[0\]\.name: "\.\.\/up" is not a usable folder name/],
    ["duplicate names", { collections: [{ input: "shop.json", name: "a" }, { input: "shop.json", name: "a" }] }, /collections\[1\]\.name: "a" is already used by collections\[0\]/],
    ["missing templates folder", { templates: "nope" }, /pmgen\.config\.json: templates: folder not found: nope/],
    ["folder not in the collection", { collections: [{ input: "shop.json", include: ["order"] }] }, /pmgen\.config\.json: collections\[0\]\.include\[0\]: no folder "order" in shop\.json/],
    ["auth folder not in the collection", { collections: [{ input: "shop.json", auth: { "orders/nope": "basic" } }] }, /collections\[0\]\.auth\["orders\/nope"\]: no folder "orders\/nope"/],
    ["missing input file", { collections: ["missing.json"] }, /error: missing\.json: no such file or folder/],
  ];
  for (const [what, config, message] of invalid) {
    it(`rejects a config with ${what}, naming the file and the JSON path`, () => {
      const sub = join(dir, `bad-${what.replace(/\W+/g, "-")}`);
      mkdirSync(sub, { recursive: true });
      cpSync(join(dir, "shop.json"), join(sub, "shop.json"));
      writeFileSync(join(sub, "pmgen.config.json"), JSON.stringify(config));
      const result = run(sub);
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(message);
      expect(result.stderr).not.toMatch(/internal error|\n\s+at /);
      expect(existsSync(join(sub, "generated"))).toBe(false);
    });
  }

  it("reports invalid JSON with line and column, and a missing --config file", () => {
    const sub = join(dir, "bad-json");
    mkdirSync(sub, { recursive: true });
    writeFileSync(join(sub, "pmgen.config.json"), '{\n  "out": "x",\n}\n');
    const broken = run(sub);
    expect(broken.code).toBe(1);
    expect(broken.stderr).toMatch(/error: pmgen\.config\.json: not valid JSON at line 3, column 1/);
    const missing = run(sub, { config: "nope.json" });
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/error: nope\.json: config file not found/);
  });
});

describe("generate --watch", () => {
  let dir: string;
  beforeAll(() => {
    dir = tempDir("watch");
    cpSync(OCI_FOLDER, join(dir, "oci"), { recursive: true });
  });
  afterAll(() => removeDir(dir));

  it("regenerates when an item file is added, and stops on close()", async () => {
    const io = bufferedIo();
    const watcher = runWatch({ cwd: dir, inputs: ["oci"], out: "out", io, debounceMs: 50 });
    try {
      expect(existsSync(join(dir, "out/oci/index.ts"))).toBe(true);
      expect(watcher.runs()).toBe(1);
      const create = JSON.parse(readFileSync(join(dir, "oci/volumeBackups/CreateVolumeBackup.json"), "utf8"));
      writeFileSync(join(dir, "oci/volumeBackups/CopyVolumeBackup.json"), JSON.stringify({ ...create, name: "CopyVolumeBackup" }));
      const target = join(dir, "out/oci/operations/copyVolumeBackup.ts");
      // Bounded poll: the watcher should react well within this; the bound only avoids hanging.
      for (let i = 0; i < 200 && !existsSync(target); i++) await new Promise((r) => setTimeout(r, 50));
      expect(existsSync(target)).toBe(true);
      expect(io.stderr).toMatch(/changed, regenerating/);
      // A generation error is reported and watching goes on.
      writeFileSync(join(dir, "oci/volumeBackups/Broken.json"), "{ nope");
      for (let i = 0; i < 200 && !/Broken\.json: not valid JSON/.test(io.stderr); i++) await new Promise((r) => setTimeout(r, 50));
      expect(io.stderr).toMatch(/error: oci\/volumeBackups\/Broken\.json: not valid JSON/);
    } finally {
      watcher.close();
    }
  });
});
