import { mkdirSync, writeFileSync, cpSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { PmgenError } from "../../generator/diagnostics.js";
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

  it("names the item file and Folder / Item path of an item without a request", () => {
    const dir = scratch();
    cpSync(OCI_FOLDER, join(dir, "oci"), { recursive: true });
    mkdirSync(join(dir, "oci/instances"));
    writeFileSync(join(dir, "oci/instances/LaunchInstance.json"), JSON.stringify({ name: "LaunchInstance" }));
    const error = loadError(dir, "oci");
    expect(error.source).toEqual({ file: join("oci", "instances", "LaunchInstance.json"), itemPath: "instances / LaunchInstance" });
    expect(error.message).toMatch(/item has no request/);
  });

  it("names the JSON path of a field with the wrong type", () => {
    const dir = scratch();
    const collection = (request: object, response: object[] = []) => ({
      info: { name: "x" },
      item: [{ name: "Folder", item: [{ name: "Item", request, response }] }],
    });
    writeFileSync(join(dir, "a.json"), JSON.stringify(collection({ url: "http://x", header: [{ key: "A", value: { nested: true } }] })));
    writeFileSync(join(dir, "b.json"), JSON.stringify(collection({ url: { host: 5 } })));
    writeFileSync(join(dir, "c.json"), JSON.stringify(collection({ url: "http://x" }, [{ name: "ok", code: "200" }])));
    expect(loadError(dir, "a.json")).toMatchObject({ message: "request.header[0].value: expected a string", source: { file: "a.json", itemPath: "Folder / Item" } });
    expect(loadError(dir, "b.json").message).toBe("request.url.host: expected a string or an array of strings");
    expect(loadError(dir, "c.json").message).toBe("response[0].code: expected a number");
  });

  it("reports an unreadable path clearly", () => {
    const dir = scratch();
    expect(() => discoverCollections(["missing.json"], dir)).toThrow(/no such file or folder/);
  });
});
