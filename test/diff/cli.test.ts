/**
 * The `pmgen diff` command: two files, two folders, and `--base <git-ref>` against a real
 * temporary git repository (a folder-form and a single-file collection; one added, one removed),
 * the three formats (JSON checked against report.schema.json), `--fail-on breaking`, errors, and
 * one run of the real command line.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { Ajv2020 } from "ajv/dist/2020.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runDiff, type DiffArgs } from "../../generator/cli/diff-command.js";
import { CHANGE_CODES } from "../../generator/diff/changes.js";
import type { DiffReport } from "../../generator/diff/report.js";
import { changeLines, collection, example, item } from "./helpers.js";
import { CORPUS, OCI_FOLDER, ROOT, tempDir } from "../support.js";

const work = tempDir("diff-cli");
afterAll(() => work.remove());

function diff(args: DiffArgs): { code: number; out: string; err: string } {
  let out = "";
  let err = "";
  const code = runDiff({ cwd: work.path, ...args, io: { out: (t) => void (out += t), err: (t) => void (err += t), isTTY: false } });
  return { code, out, err };
}

const API = "https://api.example.com";
const user = { id: 1, name: "Ada" };
const v1 = collection([item("Get user", "GET", `${API}/users/:id`, { responses: [example(200, user)] }), item("List users", "GET", `${API}/users`, { responses: [example(200, [{ login: "ada" }])] })]);
const v2 = collection([
  item("Get user", "GET", `${API}/users/:id`, { responses: [example(200, { id: 1 }), example(404, { message: "no such user" })] }),
  item("List users", "GET", `${API}/users`, { responses: [example(200, [{ login: "ada" }]), example(200, [{ login: "bob" }], { name: "page 2" })] }),
]);
const sameAsV1 = collection([item("List users", "GET", `${API}/users`, { responses: [example(200, [{ login: "ada" }])] }), item("Get user", "GET", `${API}/users/:id`, { responses: [example(200, user)] })]);

beforeAll(() => {
  writeFileSync(join(work.path, "shop-v1.json"), JSON.stringify(v1));
  writeFileSync(join(work.path, "shop-v2.json"), JSON.stringify(v2));
  writeFileSync(join(work.path, "shop-reordered.json"), JSON.stringify(sameAsV1));
});

describe("pmgen diff <old> <new>", () => {
  it("prints text by default: breaking changes marked, under their operation", () => {
    const result = diff({ paths: ["shop-v1.json", "shop-v2.json"] });
    expect(result.code).toBe(0);
    expect(result.out).toBe(
      [
        "pmgen diff: shop-v1.json → shop-v2.json",
        "1 breaking, 2 non-breaking changes",
        "",
        "shop-v2 (Shop): 1 breaking, 2 non-breaking changes",
        "  getUser  GET /users/:id",
        "    BREAKING      response 200 $.name            response field removed (was string)",
        "    non-breaking  response 404                   response status added (GetUserResponse404)",
        "  listUsers  GET /users",
        '    non-breaking  response 200 example "page 2"  example added',
        "",
      ].join("\n"),
    );
  });

  it("--fail-on breaking exits 1 when a change is breaking, 0 when none is", () => {
    expect(diff({ paths: ["shop-v1.json", "shop-v2.json"], failOn: "breaking", quiet: true }).code).toBe(1);
    expect(diff({ paths: ["shop-v2.json", "shop-v2.json"], failOn: "breaking", quiet: true }).code).toBe(0);
    // Reordering items changes nothing for callers.
    const reordered = diff({ paths: ["shop-v1.json", "shop-reordered.json"], failOn: "breaking" });
    expect(reordered.code).toBe(0);
    expect(reordered.out).toContain("no changes");
  });

  it("--format markdown groups by operation, breaking ones first, the rest folded", () => {
    const result = diff({ paths: ["shop-v1.json", "shop-v2.json"], format: "markdown" });
    expect(result.out).toContain("### pmgen diff: 1 breaking, 2 non-breaking changes");
    expect(result.out).toContain("**`getUser`** `GET /users/:id`: 1 breaking, 1 non-breaking changes");
    expect(result.out).toContain("| **breaking** | `response 200 $.name` | response field removed | `string` |  |");
    expect(result.err).toMatch(/^pmgen diff: 1 breaking, 2 non-breaking changes \(\d+ ms\)\n$/);
    // Operations with only non-breaking changes come after, folded.
    const details = result.out.indexOf("<details>\n<summary>1 operation with non-breaking changes only</summary>");
    expect(details).toBeGreaterThan(result.out.indexOf("`getUser`"));
    expect(result.out.indexOf("`listUsers`")).toBeGreaterThan(details);
  });

  it("--format json follows report.schema.json, whose codes are the ones the diff uses", () => {
    const schema = JSON.parse(readFileSync(join(ROOT, "generator/diff/report.schema.json"), "utf8"));
    expect(schema.$defs.change.properties.code.enum).toEqual([...CHANGE_CODES]);
    const validate = new Ajv2020({ strict: true, allErrors: true }).compile(schema);
    for (const paths of [["shop-v1.json", "shop-v2.json"], ["shop-v2.json", "shop-v1.json"], ["shop-v1.json", "shop-v1.json"]]) {
      const result = diff({ paths, format: "json" });
      const report = JSON.parse(result.out) as DiffReport;
      expect(validate(report), JSON.stringify(validate.errors)).toBe(true);
    }
    const report = JSON.parse(diff({ paths: ["shop-v1.json", "shop-v2.json"], format: "json" }).out) as DiffReport;
    expect(report.collections[0]!.operations[0]!.changes[0]).toEqual({
      severity: "breaking",
      code: "removed",
      direction: "output",
      location: "response 200 $.name",
      before: "string",
      message: "response field removed",
    });
  });

  it("compares folders of collections, pairing them by name; added and removed collections are changes too", () => {
    for (const [folder, files] of [["before", ["shop.json", "camunda.json"]], ["after", ["shop.json", "oci-core-services"]]] as const) {
      mkdirSync(join(work.path, folder), { recursive: true });
      for (const file of files) {
        const source = file === "shop.json" ? join(work.path, folder === "before" ? "shop-v1.json" : "shop-v2.json") : file === "camunda.json" ? join(CORPUS, "camunda-cloud-management.postman_collection.json") : OCI_FOLDER;
        cpSync(source, join(work.path, folder, file), { recursive: true });
      }
    }
    const report = JSON.parse(diff({ paths: ["before", "after"], format: "json" }).out) as DiffReport;
    expect(changeLines(report)).toEqual([
      "breaking collection-removed (collection) collection",
      "non-breaking collection-added (collection) collection",
      "breaking removed getUser response 200 $.name",
      "non-breaking status-added getUser response 404",
      'non-breaking example-added listUsers response 200 example "page 2"',
    ]);
    expect(report.collections.map((c) => [c.name, c.old, c.new])).toEqual([
      ["camunda", "before/camunda.json", null],
      ["oci-core-services", null, "after/oci-core-services"],
      ["shop", "before/shop.json", "after/shop.json"],
    ]);
  });

  it("input problems are one line and exit 1", () => {
    const one = diff({ paths: ["shop-v1.json"] });
    expect(one.code).toBe(1);
    expect(one.err).toContain("expected two versions, <old> <new> (got 1)");
    const missing = diff({ paths: ["shop-v1.json", "nope.json"], format: "json" });
    expect(missing.code).toBe(1);
    expect(JSON.parse(missing.out)).toMatchObject({ pmgen: "diff", ok: false, error: { file: "nope.json" } });
  });
});

describe("pmgen diff --base <git-ref>", () => {
  const repo = join(work.path, "repo");
  const git = (...args: string[]) => execFileSync("git", args, { cwd: repo, encoding: "utf8" });
  const ociItem = join(repo, "collections/oci-core-services/volumeBackups/CreateVolumeBackup.json");

  beforeAll(() => {
    mkdirSync(join(repo, "collections"), { recursive: true });
    git("init", "-q", "-b", "main");
    git("config", "user.email", "test@example.com");
    git("config", "user.name", "test");
    cpSync(OCI_FOLDER, join(repo, "collections/oci-core-services"), { recursive: true });
    cpSync(join(work.path, "shop-v1.json"), join(repo, "collections/shop.json"));
    writeFileSync(join(repo, "README.md"), "not a collection\n");
    git("add", "-A");
    git("commit", "-qm", "collections");
    // The working tree: a field removed from the OCI 200 response, shop gone, another added.
    const raw = JSON.parse(readFileSync(ociItem, "utf8")) as { response: { code: number; body: string }[] };
    const ok = raw.response.find((r) => r.code === 200)!;
    const { lifecycleState: _removed, ...body } = JSON.parse(ok.body) as Record<string, unknown>;
    ok.body = JSON.stringify(body);
    writeFileSync(ociItem, JSON.stringify(raw, null, 2));
    rmSync(join(repo, "collections/shop.json"));
    cpSync(join(work.path, "shop-v2.json"), join(repo, "collections/store.json"));
  });

  it("compares collections/ at the ref with the working tree, reading git without checking anything out", () => {
    const status = git("status", "--porcelain");
    const head = git("rev-parse", "HEAD");
    const result = diff({ base: "HEAD", cwd: repo, format: "json" });
    expect(result.code, result.err).toBe(0);
    const report = JSON.parse(result.out) as DiffReport;
    expect([report.old, report.new]).toEqual(["HEAD", "working tree"]);
    expect(changeLines(report)).toEqual([
      "breaking removed createVolumeBackup response 200 $.lifecycleState",
      "breaking collection-removed (collection) collection",
      "non-breaking collection-added (collection) collection",
    ]);
    expect(report.collections.map((c) => [c.name, c.old, c.new])).toEqual([
      ["oci-core-services", "HEAD:collections/oci-core-services", "collections/oci-core-services"],
      ["shop", "HEAD:collections/shop.json", null],
      ["store", null, "collections/store.json"],
    ]);
    expect(git("status", "--porcelain")).toBe(status);
    expect(git("rev-parse", "HEAD")).toBe(head);
  });

  it("takes any ref, and inputs to narrow it to some collections; --fail-on breaking for CI", () => {
    git("add", "-A");
    git("commit", "-qm", "edit");
    expect(diff({ base: "HEAD", cwd: repo }).out).toContain("no changes");
    const previous = diff({ base: "HEAD~1", cwd: repo, paths: ["collections/oci-core-services"], failOn: "breaking", format: "json" });
    expect(previous.code).toBe(1);
    expect(changeLines(JSON.parse(previous.out) as DiffReport)).toEqual(["breaking removed createVolumeBackup response 200 $.lifecycleState"]);
  });

  it("applies the config's settings to both sides (here: the output name)", () => {
    writeFileSync(join(repo, "pmgen.config.json"), JSON.stringify({ collections: [{ input: "collections/oci-core-services", name: "oci" }] }));
    try {
      const report = JSON.parse(diff({ base: "HEAD~1", cwd: repo, format: "json" }).out) as DiffReport;
      expect(report.collections.map((c) => [c.name, c.old, c.new])).toEqual([["oci", "HEAD~1:collections/oci-core-services", "collections/oci-core-services"]]);
      expect(changeLines(report)).toEqual(["breaking removed createVolumeBackup response 200 $.lifecycleState"]);
    } finally {
      rmSync(join(repo, "pmgen.config.json"));
    }
  });

  it("an unknown ref is an error naming it", () => {
    const result = diff({ base: "no-such-branch", cwd: repo });
    expect(result.code).toBe(1);
    expect(result.err).toContain('unknown git ref "no-such-branch"');
  });
});

describe("the command line", () => {
  it("pmgen diff runs as a command, with --format and --fail-on", () => {
    const result = spawnSync(process.execPath, ["--import", "tsx", join(ROOT, "generator/cli/main.ts"), "diff", "shop-v1.json", "shop-v2.json", "--format", "json", "--fail-on", "breaking", "-q"], {
      cwd: work.path,
      encoding: "utf8",
      env: { ...process.env, NODE_OPTIONS: "" },
    });
    expect(result.stderr).toBe("");
    expect(result.status).toBe(1);
    expect((JSON.parse(result.stdout) as DiffReport).summary).toEqual({ breaking: 1, nonBreaking: 2, collections: 1, operations: 2 });
  });
});
