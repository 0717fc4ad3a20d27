/** The pmgen command line, run as a real process. */
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { Validator } from "@seriousme/openapi-schema-validator";
import { afterAll, describe, expect, it } from "vitest";
import { OCI_FOLDER, readTree, ROOT, tempDir } from "../support.js";

const work = tempDir("cli");
afterAll(() => work.remove());

function pmgen(args: string[], cwd = work.path) {
  const result = spawnSync(process.execPath, ["--import", "tsx", join(ROOT, "generator/cli/main.ts"), ...args], {
    cwd,
    encoding: "utf8",
    env: { ...process.env, NODE_OPTIONS: "" },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}


cpSync(OCI_FOLDER, join(work.path, "collections/oci-core-services"), { recursive: true });

describe("pmgen CLI", () => {
  it("prints help for every command", () => {
    const top = pmgen(["--help"]);
    expect(top.code).toBe(0);
    for (const command of ["generate", "check", "inspect"]) expect(top.stdout).toContain(command);
    for (const command of ["generate", "check", "inspect"]) {
      const help = pmgen([command, "--help"]);
      expect(help.code, command).toBe(0);
      expect(help.stdout).toContain(`pmgen ${command}`);
    }
  });

  it("generate with no inputs turns collections/ into generated/, byte-identical across runs", () => {
    const first = pmgen(["generate"]);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stderr).toMatch(/1 collection\(s\), 1 operations/);
    const out = join(work.path, "generated/oci-core-services");
    expect(existsSync(join(out, "index.ts"))).toBe(true);
    expect(existsSync(join(out, "operations/createVolumeBackup.ts"))).toBe(true);
    expect(existsSync(join(out, "fixtures/createVolumeBackup.ts"))).toBe(true);
    expect(existsSync(join(out, "runtime/index.ts"))).toBe(true);
    const before = readTree(join(work.path, "generated"));
    const mtime = statSync(join(out, "index.ts")).mtimeMs;
    expect(pmgen(["generate"]).code).toBe(0);
    expect(readTree(join(work.path, "generated"))).toEqual(before);
    // Unchanged files are not rewritten.
    expect(statSync(join(out, "index.ts")).mtimeMs).toBe(mtime);
  });

  it("check exits 0 when clean and 1 listing the files when stale", () => {
    expect(pmgen(["check"]).code).toBe(0);
    const index = join(work.path, "generated/oci-core-services/index.ts");
    const original = readFileSync(index, "utf8");
    writeFileSync(index, original.replace("createClient", "createKlient"));
    rmSync(join(work.path, "generated/oci-core-services/types.ts"));
    const stale = pmgen(["check"]);
    expect(stale.code).toBe(1);
    expect(stale.stdout).toContain("changed  generated/oci-core-services/index.ts");
    expect(stale.stdout).toContain("missing  generated/oci-core-services/types.ts");
    expect(stale.stdout).toMatch(/- .*createKlient/);
    expect(pmgen(["generate"]).code).toBe(0);
    expect(pmgen(["check"]).code).toBe(0);
  });

  it("generate --verify parses the output and checks its declarations before writing", () => {
    const result = pmgen(["generate", "--verify", "--out", "verified"]);
    expect(result.code, result.stderr).toBe(0);
    expect(existsSync(join(work.path, "verified/oci-core-services/index.ts"))).toBe(true);
  });

  it("inspect prints the IR as JSON", () => {
    const result = pmgen(["inspect", "collections/oci-core-services"]);
    expect(result.code).toBe(0);
    const ir = JSON.parse(result.stdout);
    expect(ir.operations[0]).toMatchObject({ id: "createVolumeBackup", method: "POST", itemPath: "volumeBackups / CreateVolumeBackup" });
    expect(ir.operations[0].headers.filter((h: { kind: string }) => h.kind === "auth")).toHaveLength(3);
  });

  it("openapi writes a valid OpenAPI 3.1 document whose operationIds are the method names", async () => {
    const result = pmgen(["openapi", "collections/oci-core-services", "-o", "oci.openapi.json"]);
    expect(result.code, result.stderr).toBe(0);
    const document = JSON.parse(readFileSync(join(work.path, "oci.openapi.json"), "utf8"));
    const validation = await new Validator().validate(document);
    expect(validation.errors).toBeUndefined();
    expect(validation.valid).toBe(true);
    expect(document.openapi).toBe("3.1.0");
    expect(document.paths["/volumeBackups"].post.operationId).toBe("createVolumeBackup");
    expect(Object.keys(document.paths["/volumeBackups"].post.responses).sort()).toEqual(["200", "400", "401", "404", "409", "500"]);
  });

  it("generates a single-file collection given on the command line into --out", () => {
    const file = join(work.path, "echo.postman_collection.json");
    cpSync(join(ROOT, "test/fixtures/collections/postman-echo.postman_collection.json"), file);
    const result = pmgen(["generate", "echo.postman_collection.json", "--out", "out-echo"]);
    expect(result.code, result.stderr).toBe(0);
    expect(existsSync(join(work.path, "out-echo/echo/index.ts"))).toBe(true);
    expect(result.stderr).toMatch(/warning: echo\.postman_collection\.json › Authentication Methods \/ Hawk Auth: auth type "hawk"/);
  });

  it("fails with one clear line and writes nothing on bad input", () => {
    const before = readTree(join(work.path, "generated"));
    const bad = join(work.path, "collections/oci-core-services/volumeBackups/Broken.json");
    writeFileSync(bad, '{ "name": "Broken", "request": ');
    const result = pmgen(["generate"]);
    rmSync(bad);
    expect(result.code).toBe(1);
    expect(result.stderr.trim()).toBe(
      "error: collections/oci-core-services/volumeBackups/Broken.json: not valid JSON at line 1, column 32: Unexpected end of JSON input",
    );
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(readTree(join(work.path, "generated"))).toEqual(before);
  });

  it("warns about an example body that is not JSON and still generates a sound type", () => {
    const dir = join(work.path, "warn");
    const item = JSON.parse(readFileSync(join(OCI_FOLDER, "volumeBackups/CreateVolumeBackup.json"), "utf8"));
    item.response[0].body = "{ not json";
    cpSync(OCI_FOLDER, join(dir, "oci"), { recursive: true });
    writeFileSync(join(dir, "oci/volumeBackups/CreateVolumeBackup.json"), JSON.stringify(item));
    const result = pmgen(["generate", "oci", "--out", "out"], dir);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toMatch(/warning: oci\/volumeBackups\/CreateVolumeBackup\.json › volumeBackups \/ CreateVolumeBackup: .*not (valid )?JSON/i);
  });

  it("the installed bin (dist/pmgen.cjs, the bundle `npm run build` makes) writes what the source CLI writes", () => {
    const bin = join(ROOT, "dist/pmgen.cjs");
    expect(existsSync(bin), "npm ci runs `prepare`, which builds dist/").toBe(true);
    const fromSource = pmgen(["generate", join(ROOT, "test/fixtures/collections/paypal-partner-apis.v2.0.postman_collection.json"), "--out", "src-out", "-q"]);
    expect(fromSource.code, fromSource.stderr).toBe(0);
    // paypal's v2.0 URL strings take the SDK fallback, which the bundle requires from node_modules.
    const bundled = spawnSync(process.execPath, [bin, "generate", join(ROOT, "test/fixtures/collections/paypal-partner-apis.v2.0.postman_collection.json"), "--out", "bin-out", "--verify", "-q"], {
      cwd: work.path,
      encoding: "utf8",
    });
    expect(bundled.status, bundled.stderr).toBe(0);
    expect(readTree(join(work.path, "bin-out"))).toEqual(readTree(join(work.path, "src-out")));
  });

  it("the bin runs by its own #! line from any folder and prints pmgen's version", () => {
    const { version } = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { version: string };
    const bin = spawnSync(join(ROOT, "dist/pmgen.cjs"), ["--version"], { cwd: work.path, encoding: "utf8" });
    expect(bin.status, bin.stderr).toBe(0);
    expect(bin.stdout.trim()).toBe(version);
    expect(readFileSync(join(ROOT, "dist/pmgen.cjs"), "utf8").split("\n")[0]).toBe("#!/usr/bin/env node");
  });

  it("the bundle compiles an override template (its Handlebars compiler is loaded from node_modules)", () => {
    const templates = join(work.path, "override-templates");
    mkdirSync(templates, { recursive: true });
    const builtin = readFileSync(join(ROOT, "templates/index.ts.hbs"), "utf8");
    writeFileSync(join(templates, "index.ts.hbs"), `${builtin}// from an override template\n`);
    const input = join(ROOT, "test/fixtures/collections/paypal-partner-apis.v2.0.postman_collection.json");
    const bin = (out: string, ...extra: string[]) =>
      spawnSync(process.execPath, [join(ROOT, "dist/pmgen.cjs"), "generate", input, "--out", out, "-q", ...extra], { cwd: work.path, encoding: "utf8" });
    for (const result of [bin("builtin-out"), bin("override-out", "--templates", templates)]) expect(result.status, result.stderr).toBe(0);
    const index = readFileSync(join(work.path, "override-out/paypal-partner-apis-v2-0/index.ts"), "utf8");
    expect(index.startsWith(readFileSync(join(work.path, "builtin-out/paypal-partner-apis-v2-0/index.ts"), "utf8"))).toBe(true);
    expect(index.endsWith("// from an override template\n")).toBe(true);
  });
});
