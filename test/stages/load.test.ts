import { mkdirSync, writeFileSync, cpSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { PmgenError } from "../../generator/base/diagnostics.js";
import { collectionName, discoverCollections } from "../../generator/load/discover.js";
import { loadCollection } from "../../generator/load/load-collection.js";
import { FIXTURES, OCI_FOLDER, ROOT, tempDir } from "../support.js";

const dirs: { remove(): void }[] = [];
afterEach(() => dirs.splice(0).forEach((d) => d.remove()));

function scratch() {
  const dir = tempDir("load");
  dirs.push(dir);
  return dir.path;
}

function loadError(dir: string, input: string): PmgenError {
  try {
    const [source] = discoverCollections([input], dir);
    loadCollection(source!, dir);
  } catch (error) {
    if (error instanceof PmgenError) return error;
    throw error;
  }
  throw new Error("expected a PmgenError");
}

function warnings(loaded: ReturnType<typeof loadCollection>) {
  return loaded.diagnostics.items.filter((d) => d.severity === "warning").map((d) => ({ ...d.source, message: d.message }));
}

describe("discover", () => {
  it("finds folder-form and single-file collections with stable kebab-case names", () => {
    const sources = discoverCollections(["collections", "test/fixtures/collections"], ROOT);
    const names = sources.map((s) => s.name);
    expect(names).toContain("oci-core-services");
    expect(names).toContain("github-v3");
    expect(names).toContain("paypal-partner-apis-v2-0");
    expect(names).toEqual([...names].sort());
    expect(sources.find((s) => s.name === "oci-core-services")?.form).toBe("folder");
  });

  it("names collections from their file", () => {
    expect(collectionName("GitHub v3.postman_collection")).toBe("git-hub-v3-postman-collection");
    expect(collectionName("github-v3")).toBe("github-v3");
    expect(collectionName("Ünïcode API")).toBe("unicode-api");
  });
});

describe("loadCollection", () => {
  it("assembles the OCI folder form: collection.json plus one exported item per file", () => {
    const [source] = discoverCollections([OCI_FOLDER], ROOT);
    const loaded = loadCollection(source!, ROOT);
    expect(loaded.version).toBe("2.1");
    const group = (loaded.json.item as { name: string; item: { name: string }[] }[])[0]!;
    expect(group.name).toBe("volumeBackups");
    expect(group.item[0]!.name).toBe("CreateVolumeBackup");
    expect(loaded.fileOf("0/0")).toBe("collections/oci-core-services/volumeBackups/CreateVolumeBackup.json");
  });

  it("reads v2.0 and v2.1 single files", () => {
    for (const file of ["paypal-partner-apis.v2.0.postman_collection.json", "twitter-api-v2.postman_collection.json"]) {
      const [source] = discoverCollections([join(FIXTURES, file)], ROOT);
      const loaded = loadCollection(source!, ROOT);
      expect(loaded.version).toBe(file.includes("v2.0") ? "2.0" : "2.1");
      expect(loaded.model.items.length).toBeGreaterThan(0);
    }
  });

  it("rejects a file that is not JSON, naming the file, line and column", () => {
    const dir = scratch();
    writeFileSync(join(dir, "broken.json"), '{\n  "info": {\n    "name": "x",\n  }\n}');
    const error = loadError(dir, "broken.json");
    expect(error.source.file).toBe("broken.json");
    expect(error.message).toMatch(/not valid JSON at line 4, column 3/);
  });

  it("rejects JSON that is not a collection, and hints when it is a lone item", () => {
    const dir = scratch();
    writeFileSync(join(dir, "item.json"), JSON.stringify({ name: "x", request: { url: "http://x" } }));
    writeFileSync(join(dir, "list.json"), "[1, 2]");
    expect(loadError(dir, "item.json").message).toMatch(/missing the "info" object.*single item/);
    expect(loadError(dir, "list.json").message).toMatch(/not a Postman collection/);
  });

  it("rejects v1 collections with advice", () => {
    const dir = scratch();
    writeFileSync(join(dir, "v1.json"), JSON.stringify({ id: "1", name: "old", requests: [], order: [] }));
    expect(loadError(dir, "v1.json").message).toMatch(/v1 is not supported: re-export it as v2.1/);
  });

  it("skips an item without a request, naming its file and Folder / Item path, and keeps the others", () => {
    const dir = scratch();
    cpSync(OCI_FOLDER, join(dir, "oci"), { recursive: true });
    mkdirSync(join(dir, "oci/instances"));
    writeFileSync(join(dir, "oci/instances/LaunchInstance.json"), JSON.stringify({ name: "LaunchInstance" }));
    writeFileSync(join(dir, "oci/instances/ListInstances.json"), JSON.stringify({ name: "ListInstances", request: { url: "{{baseUrl}}/instances" } }));
    const [source] = discoverCollections(["oci"], dir);
    const loaded = loadCollection(source!, dir);
    expect(warnings(loaded)).toEqual([
      { file: join("oci", "instances", "LaunchInstance.json"), itemPath: "instances / LaunchInstance", message: "item has no request (and no sub-items): not an HTTP request; skipped" },
    ]);
    // The kept item is item 0 of its folder now, and still names its own file.
    const instances = (loaded.json.item as { name: string; item: { name: string }[] }[])[0]!;
    expect(instances.item.map((i) => i.name)).toEqual(["ListInstances"]);
    expect(loaded.fileOf("0/0")).toBe(join("oci", "instances", "ListInstances.json"));
    expect(loaded.fileOf("1/0")).toBe(join("oci", "volumeBackups", "CreateVolumeBackup.json"));
  });

  it("skips items that are not HTTP requests: no URL, an empty URL, about:blank", () => {
    const dir = scratch();
    const item = (name: string, request: unknown) => ({ name, request, event: [{ listen: "prerequest", script: { exec: ["pm.environment.set('a', 1)"] } }] });
    writeFileSync(
      join(dir, "c.json"),
      JSON.stringify({
        info: { name: "x" },
        item: [
          { name: "Setup", item: [item("No URL", { method: "GET" }), item("Empty", { url: "" }), item("Blank", { url: { raw: "about:blank" } })] },
          item("Real", { url: "https://example.com/a" }),
        ],
      }),
    );
    const [source] = discoverCollections(["c.json"], dir);
    const loaded = loadCollection(source!, dir);
    expect(warnings(loaded).map((w) => `${w.itemPath}: ${w.message}`)).toEqual([
      "Setup / No URL: request has no URL: not an HTTP request; skipped",
      "Setup / Empty: request URL is empty: not an HTTP request; skipped",
      "Setup / Blank: request URL is about:blank: not an HTTP request; skipped",
    ]);
    expect(loaded.model.items.map((n) => n.raw.name)).toEqual(["Setup", "Real"]);
  });

  it("drops a field with the wrong type with a warning naming its JSON path, and keeps what it can", () => {
    const dir = scratch();
    const collection = (request: object, response: object[] = []) => ({
      info: { name: "x" },
      item: [{ name: "Folder", item: [{ name: "Item", request, response }, { name: "Other", request: { url: "http://y" } }] }],
    });
    writeFileSync(join(dir, "a.json"), JSON.stringify(collection({ url: "http://x", header: [{ key: "A", value: { nested: true } }, { key: "B", value: "b" }] })));
    writeFileSync(join(dir, "b.json"), JSON.stringify(collection({ url: { host: 5 } })));
    writeFileSync(join(dir, "c.json"), JSON.stringify(collection({ url: "http://x" }, [{ name: "bad", code: "200" }, { name: "ok", code: 200 }])));
    writeFileSync(join(dir, "d.json"), JSON.stringify(collection({ url: "http://x", body: { mode: "raw", raw: { not: "text" } } })));
    const load = (file: string) => {
      const [source] = discoverCollections([file], dir);
      const loaded = loadCollection(source!, dir);
      const folder = (loaded.json.item as { item: { name: string; request: { header?: unknown; body?: unknown }; response?: { name: string }[] }[] }[])[0]!;
      return { warnings: warnings(loaded), items: folder.item };
    };
    const a = load("a.json");
    expect(a.warnings).toEqual([{ file: "a.json", itemPath: "Folder / Item", message: "request.header[0].value: expected a string; the header is left out" }]);
    expect(a.items[0]!.request.header).toEqual([{ key: "B", value: "b" }]);
    const b = load("b.json");
    expect(b.warnings.map((w) => w.message)).toEqual(["request.url.host: expected a string or an array of strings; the item is skipped"]);
    expect(b.items.map((i) => i.name)).toEqual(["Other"]);
    const c = load("c.json");
    expect(c.warnings.map((w) => w.message)).toEqual(["response[0].code: expected a number; the example is left out"]);
    expect(c.items[0]!.response!.map((r) => r.name)).toEqual(["ok"]);
    const d = load("d.json");
    expect(d.warnings.map((w) => w.message)).toEqual(["request.body.raw: expected a string; the request body is left out"]);
    expect(d.items[0]!.request.body).toBeUndefined();
  });

  it("ignores a disabled collection variable without a key (an empty row), with a note only", () => {
    const dir = scratch();
    writeFileSync(
      join(dir, "v.json"),
      JSON.stringify({ info: { name: "x" }, variable: [{ key: "a", value: "1" }, { value: "", disabled: true }, { key: { no: 1 }, value: "2" }], item: [{ name: "I", request: { url: "http://{{a}}" } }] }),
    );
    const [source] = discoverCollections(["v.json"], dir);
    const loaded = loadCollection(source!, dir);
    expect(loaded.diagnostics.items.map((d) => `${d.severity}: ${d.message}`)).toEqual([
      "note: variable[1].key: expected a string (a disabled entry without a key); ignored",
      "warning: variable[2].key: expected a string; the variable is left out",
    ]);
    expect(loaded.model.variables.map((v) => v.key)).toEqual(["a"]);
  });

  it("reports an unreadable path clearly", () => {
    const dir = scratch();
    expect(() => discoverCollections(["missing.json"], dir)).toThrow(/no such file or folder/);
  });
});
