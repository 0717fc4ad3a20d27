/**
 * Drift and extension: `check` names the files that differ, adding an item touches only its
 * own files and the index files that list it, removing one deletes its files, and pmgen never
 * overwrites or deletes a file it did not generate.
 */
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCheck, runGenerate } from "../../generator/cli/commands.js";
import { MANIFEST_FILE } from "../../generator/write/manifest.js";
import { bufferedIo, declaredTypeNames, FIXTURES, OCI_FOLDER, readTree, removeDir, tempDir, treeDiff } from "./helpers.js";

/** Files that list every operation (or type): they change when an operation comes or goes. */
const INDEX_FILES = ["index.ts", "fixtures/index.ts", "types.ts"];

function generate(cwd: string, inputs: string[], out = "out") {
  const io = bufferedIo();
  const code = runGenerate({ inputs, out, cwd, io });
  return { code, ...io };
}

function check(cwd: string, inputs: string[], out = "out") {
  const io = bufferedIo();
  const code = runCheck({ inputs, out, cwd, io });
  return { code, ...io };
}

const getVolumeBackupItem = {
  name: "GetVolumeBackup",
  request: {
    method: "GET",
    header: [],
    url: {
      raw: "{{baseUrl}}/volumeBackups/:volumeBackupId",
      host: ["{{baseUrl}}"],
      path: ["volumeBackups", ":volumeBackupId"],
      variable: [{ key: "volumeBackupId", value: "ocid1.volumebackup.oc1..aaaa", description: "(Required) The OCID." }],
    },
  },
  response: [
    {
      name: "The volume backup",
      status: "OK",
      code: 200,
      header: [{ key: "Content-Type", value: "application/json" }],
      _postman_previewlanguage: "json",
      body: JSON.stringify({ backupId: "ocid1.volumebackup.oc1..aaaa", restoredBytes: 1024, state: "AVAILABLE" }),
    },
  ],
};

describe("folder-form collection (copy of collections/oci-core-services)", () => {
  let dir: string;
  let original: Map<string, string>;
  const out = () => join(dir, "out/oci");

  beforeAll(() => {
    dir = tempDir("drift-oci");
    cpSync(OCI_FOLDER, join(dir, "oci"), { recursive: true });
    expect(generate(dir, ["oci"]).code).toBe(0);
    original = readTree(out());
  });
  afterAll(() => removeDir(dir));

  it("is up to date right after generate", () => {
    const result = check(dir, ["oci"]);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe("");
    expect(result.stderr).toMatch(/up to date/);
  });

  it("adding an item file: check lists the new and changed files with a diff; generate touches only those", () => {
    writeFileSync(join(dir, "oci/volumeBackups/GetVolumeBackup.json"), JSON.stringify(getVolumeBackupItem, null, 2));
    const drift = check(dir, ["oci"]);
    expect(drift.code).toBe(1);
    expect(drift.stdout).toContain("missing  out/oci/operations/getVolumeBackup.ts");
    expect(drift.stdout).toContain("missing  out/oci/fixtures/getVolumeBackup.ts");
    expect(drift.stdout).toContain("changed  out/oci/index.ts");
    // The short diff shows the line the index gains.
    expect(drift.stdout).toMatch(/\+ .*getVolumeBackup/);
    expect(drift.stderr).toMatch(/stale/);

    expect(generate(dir, ["oci"]).code).toBe(0);
    const after = readTree(out());
    const diff = treeDiff(original, after);
    expect(diff.added).toEqual(["fixtures/getVolumeBackup.ts", "operations/getVolumeBackup.ts"]);
    expect(diff.removed).toEqual([]);
    expect(diff.changed.filter((p) => p !== MANIFEST_FILE)).toEqual(INDEX_FILES.filter((p) => diff.changed.includes(p)).sort());
    expect(diff.changed).toContain("index.ts");
    expect(diff.changed).toContain("fixtures/index.ts");
    // types.ts only gains declarations: every old one is still there, word for word.
    const oldTypes = original.get("types.ts")!;
    const newTypes = after.get("types.ts")!;
    for (const block of oldTypes.split(/\n\n/).slice(1)) expect(newTypes).toContain(block);
    expect(declaredTypeNames(newTypes)).toEqual(expect.arrayContaining(declaredTypeNames(oldTypes)));
    expect(check(dir, ["oci"]).code).toBe(0);
  });

  it("removing the item deletes its files and restores every other file byte for byte", () => {
    rmSync(join(dir, "oci/volumeBackups/GetVolumeBackup.json"));
    const drift = check(dir, ["oci"]);
    expect(drift.code).toBe(1);
    expect(drift.stdout).toContain("stale    out/oci/operations/getVolumeBackup.ts (no longer generated)");
    expect(generate(dir, ["oci"]).code).toBe(0);
    const after = readTree(out());
    expect(existsSync(join(out(), "operations/getVolumeBackup.ts"))).toBe(false);
    expect(after).toEqual(original);
  });

  it("an item sharing a response shape with an existing one names the shared type after their common resource: existing files change only by that name", () => {
    // A shape of one operation is named after it; once two operations share it, it is named
    // after what they have in common (`CreateVolumeBackup` + `ListOneVolumeBackup` → `VolumeBackup`).
    const create = JSON.parse(readFileSync(join(dir, "oci/volumeBackups/CreateVolumeBackup.json"), "utf8"));
    const same = { ...create, name: "ListOneVolumeBackup", request: { ...create.request, method: "GET", body: undefined, header: [] } };
    writeFileSync(join(dir, "oci/volumeBackups/ListOneVolumeBackup.json"), JSON.stringify(same));
    expect(generate(dir, ["oci"]).code).toBe(0);
    const after = readTree(out());
    const diff = treeDiff(original, after);
    expect(diff.added).toEqual(["fixtures/listOneVolumeBackup.ts", "operations/listOneVolumeBackup.ts"]);
    const oldNames = declaredTypeNames(original.get("types.ts")!);
    const newNames = declaredTypeNames(after.get("types.ts")!);
    const renamed = oldNames.filter((n) => !newNames.includes(n));
    const introduced = newNames.filter((n) => !oldNames.includes(n));
    expect(renamed).toEqual(["CreateVolumeBackupResponse200"]);
    expect(introduced).toEqual(["VolumeBackup"]);
    for (const path of diff.changed.filter((p) => p !== MANIFEST_FILE && !INDEX_FILES.includes(p))) {
      // Replacing the vanished name by the new one turns the old file into the new one.
      const text = original.get(path)!.split("CreateVolumeBackupResponse200").join("VolumeBackup");
      // Import lists are sorted, so the renamed name may move within its import.
      const sortImports = (t: string) => t.replace(/import type \{ ([^}]*) \}/g, (_m, names: string) => `import type { ${names.split(", ").sort().join(", ")} }`);
      expect(sortImports(text), path).toBe(sortImports(after.get(path)!));
    }
    rmSync(join(dir, "oci/volumeBackups/ListOneVolumeBackup.json"));
    expect(generate(dir, ["oci"]).code).toBe(0);
    expect(readTree(out())).toEqual(original);
  });

  it("an item sorting before the existing ones that share a response shape keeps the shared type's name: only index files change", () => {
    // Shared types are named from what their uses have in common, not from the first use in
    // collection order, so a new first item with the same shape renames nothing.
    const create = JSON.parse(readFileSync(join(dir, "oci/volumeBackups/CreateVolumeBackup.json"), "utf8"));
    const get = (name: string) => ({ ...create, name, request: { ...create.request, method: "GET", body: undefined, header: [] } });
    writeFileSync(join(dir, "oci/volumeBackups/ListOneVolumeBackup.json"), JSON.stringify(get("ListOneVolumeBackup")));
    expect(generate(dir, ["oci"]).code).toBe(0);
    const shared = readTree(out());
    expect(declaredTypeNames(shared.get("types.ts")!)).toContain("VolumeBackup");
    writeFileSync(join(dir, "oci/volumeBackups/AGetVolumeBackup.json"), JSON.stringify(get("AGetVolumeBackup")));
    expect(generate(dir, ["oci"]).code).toBe(0);
    const after = readTree(out());
    const diff = treeDiff(shared, after);
    expect(diff.added).toEqual(["fixtures/aGetVolumeBackup.ts", "operations/aGetVolumeBackup.ts"]);
    expect(diff.removed).toEqual([]);
    expect(diff.changed.filter((p) => p !== MANIFEST_FILE).every((p) => INDEX_FILES.includes(p))).toBe(true);
    expect(declaredTypeNames(after.get("types.ts")!)).toEqual(declaredTypeNames(shared.get("types.ts")!));
    rmSync(join(dir, "oci/volumeBackups/AGetVolumeBackup.json"));
    rmSync(join(dir, "oci/volumeBackups/ListOneVolumeBackup.json"));
    expect(generate(dir, ["oci"]).code).toBe(0);
    expect(readTree(out())).toEqual(original);
  });
});

function petsCollection(extra: object[] = []) {
  const item = (name: string, method: string, path: string, body: unknown) => ({
    name,
    request: { method, header: [], url: { raw: `{{baseUrl}}/${path}`, host: ["{{baseUrl}}"], path: path.split("/") } },
    response: [
      {
        name: "OK",
        code: 200,
        status: "OK",
        header: [{ key: "Content-Type", value: "application/json" }],
        _postman_previewlanguage: "json",
        body: JSON.stringify(body),
      },
    ],
  });
  return {
    info: { name: "Pets", schema: "https://schema.getpostman.com/json/collection/v2.1.0/collection.json" },
    variable: [{ key: "baseUrl", value: "https://pets.example.com" }],
    item: [
      { name: "pets", item: [item("List pets", "GET", "pets", [{ id: 1, name: "Rex" }]), item("Get pet", "GET", "pets/:id", { id: 1, name: "Rex", tag: "dog" })] },
      { name: "stores", item: [item("Get inventory", "GET", "store/inventory", { available: 3 }), ...extra] },
    ],
    _item: item,
  };
}

describe("single-file collection", () => {
  let dir: string;
  beforeAll(() => {
    dir = tempDir("drift-file");
  });
  afterAll(() => removeDir(dir));

  it("adding and removing an item touches only its files and the index files", () => {
    const base = petsCollection();
    const { _item, ...json } = base;
    writeFileSync(join(dir, "pets.json"), JSON.stringify(json));
    expect(generate(dir, ["pets.json"]).code).toBe(0);
    const original = readTree(join(dir, "out/pets"));

    const { _item: _unused, ...extended } = petsCollection([_item("Place order", "POST", "store/order", { orderId: "o-1", quantity: 2 })]);
    writeFileSync(join(dir, "pets.json"), JSON.stringify(extended));
    const drift = check(dir, ["pets.json"]);
    expect(drift.code).toBe(1);
    expect(drift.stdout).toContain("missing  out/pets/operations/placeOrder.ts");
    expect(generate(dir, ["pets.json"]).code).toBe(0);
    const diff = treeDiff(original, readTree(join(dir, "out/pets")));
    expect(diff.added).toEqual(["fixtures/placeOrder.ts", "operations/placeOrder.ts"]);
    expect(diff.removed).toEqual([]);
    expect(diff.changed.filter((p) => p !== MANIFEST_FILE).sort()).toEqual(INDEX_FILES.slice().sort());

    writeFileSync(join(dir, "pets.json"), JSON.stringify(json));
    expect(generate(dir, ["pets.json"]).code).toBe(0);
    expect(readTree(join(dir, "out/pets"))).toEqual(original);
  });
});

describe("ownership: the manifest decides what pmgen may touch", () => {
  let dir: string;
  beforeAll(() => {
    dir = tempDir("drift-own");
    const { _item, ...json } = petsCollection();
    writeFileSync(join(dir, "pets.json"), JSON.stringify(json));
  });
  afterAll(() => removeDir(dir));

  it("refuses to overwrite a file it did not generate and writes nothing", () => {
    mkdirSync(join(dir, "out/pets/operations"), { recursive: true });
    writeFileSync(join(dir, "out/pets/operations/listPets.ts"), "// mine\n");
    const result = generate(dir, ["pets.json"]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/error: .*listPets\.ts.*not generated by pmgen/);
    expect(readFileSync(join(dir, "out/pets/operations/listPets.ts"), "utf8")).toBe("// mine\n");
    expect(existsSync(join(dir, "out/pets/index.ts"))).toBe(false);
    expect(existsSync(join(dir, "out", MANIFEST_FILE))).toBe(false);
    rmSync(join(dir, "out"), { recursive: true });
  });

  it("a run whose later input fails to load writes nothing, not even the inputs before it", () => {
    const cwd = tempDir("drift-later-fails");
    // Outputs are made in name order: alpha is generated in memory before zulu fails to load.
    cpSync(join(FIXTURES, "wise-cards-api.postman_collection.json"), join(cwd, "alpha.json"));
    writeFileSync(join(cwd, "zulu.json"), "{ not json");
    mkdirSync(join(cwd, "out"));
    writeFileSync(join(cwd, "out/notes.md"), "mine\n");
    const failed = generate(cwd, ["alpha.json", "zulu.json"]);
    expect(failed.code).toBe(1);
    expect(failed.stderr).toMatch(/zulu\.json/);
    expect(readTree(join(cwd, "out"))).toEqual(new Map([["notes.md", "mine\n"]]));
    rmSync(join(cwd, "out"), { recursive: true });
    expect(generate(cwd, ["alpha.json", "zulu.json"]).code).toBe(1);
    expect(existsSync(join(cwd, "out"))).toBe(false);
    // Alone, the first input generates.
    expect(generate(cwd, ["alpha.json"]).code).toBe(0);
    expect(readTree(join(cwd, "out/alpha")).size).toBeGreaterThan(50);
    removeDir(cwd);
  });

  it("leaves hand-written files beside generated ones alone, also when items disappear", () => {
    expect(generate(dir, ["pets.json"]).code).toBe(0);
    writeFileSync(join(dir, "out/pets/operations/custom.ts"), "export const mine = 1;\n");
    writeFileSync(join(dir, "out/pets/README.md"), "notes\n");
    const { _item, ...json } = petsCollection();
    json.item = [json.item[0]!];
    writeFileSync(join(dir, "pets.json"), JSON.stringify(json));
    expect(generate(dir, ["pets.json"]).code).toBe(0);
    expect(existsSync(join(dir, "out/pets/operations/getInventory.ts"))).toBe(false);
    expect(readFileSync(join(dir, "out/pets/operations/custom.ts"), "utf8")).toBe("export const mine = 1;\n");
    expect(readFileSync(join(dir, "out/pets/README.md"), "utf8")).toBe("notes\n");
    expect(check(dir, ["pets.json"]).code).toBe(0);
  });

  it("ignores manifest entries that point outside the output folder", () => {
    writeFileSync(join(dir, "victim.txt"), "keep\n");
    const manifestPath = join(dir, "out", MANIFEST_FILE);
    const manifest = JSON.parse(readFileSync(manifestPath, "utf8"));
    manifest.files["pets/../../victim.txt"] = "0";
    manifest.files["/etc/hostname"] = "0";
    manifest.files["pets/gone.ts"] = "0";
    writeFileSync(manifestPath, JSON.stringify(manifest));
    writeFileSync(join(dir, "out/pets/gone.ts"), "// listed as generated, no longer produced\n");
    expect(generate(dir, ["pets.json"]).code).toBe(0);
    expect(readFileSync(join(dir, "victim.txt"), "utf8")).toBe("keep\n");
    expect(existsSync(join(dir, "out/pets/gone.ts"))).toBe(false);
    const rewritten = JSON.parse(readFileSync(manifestPath, "utf8"));
    expect(Object.keys(rewritten.files).some((p) => p.includes(".."))).toBe(false);
  });

  it("regenerating one collection never removes another collection's files", () => {
    const { _item, ...other } = petsCollection();
    other.info.name = "Other";
    writeFileSync(join(dir, "other.json"), JSON.stringify(other));
    expect(generate(dir, ["other.json"]).code).toBe(0);
    expect(generate(dir, ["pets.json"]).code).toBe(0);
    expect(existsSync(join(dir, "out/other/index.ts"))).toBe(true);
    expect(existsSync(join(dir, "out/pets/index.ts"))).toBe(true);
    expect(check(dir, ["pets.json", "other.json"]).code).toBe(0);
  });
});
