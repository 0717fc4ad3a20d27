/**
 * `pmgen diff` on real collections edited as vendors and teammates edit them: the Camunda corpus
 * collection with an item edited, one removed, one renamed and an example added, and the OCI
 * seed (folder form) with a field removed from its 200 response. Each asserts the report and
 * that callers written against the old generated client fail or still compile, change by change.
 */
import { cpSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { typeErrors } from "../ci/ts-check.js";
import { CORPUS, OCI_FOLDER, tempDir } from "../support.js";
import { callerSource, generatePair, type GeneratedPair } from "./helpers.js";

interface RawItem {
  name: string;
  item?: RawItem[];
  request?: { body?: { raw?: string } };
  response?: { name: string; code: number; body: string }[];
}

const work = tempDir("diff-real");
const runtime = join(work.path, "runtime");
afterAll(() => work.remove());

function findItem(items: RawItem[], name: string): RawItem {
  const search = (list: RawItem[]): RawItem | undefined => {
    for (const entry of list) {
      const found = entry.name === name ? entry : entry.item && search(entry.item);
      if (found) return found;
    }
    return undefined;
  };
  const found = search(items);
  if (!found) throw new Error(`no item ${name}`);
  return found;
}

/** Caller name → statements written against the old client, and whether they compile against the new. */
type Callers = Record<string, { body: string; compiles: boolean }>;

function checkCallers(dir: string, callers: Callers, options = ""): Record<string, { old: string[]; now: string[] }> {
  const files = Object.entries(callers).flatMap(([name, caller]) =>
    (["old", "new"] as const).map((side) => {
      const path = join(dir, `${name}-${side}.ts`);
      writeFileSync(path, callerSource(`./${side}/index.js`, caller.body, options));
      return { name, side, path };
    }),
  );
  const errors = typeErrors(files.map((f) => f.path));
  const result: Record<string, { old: string[]; now: string[] }> = {};
  for (const f of files) {
    const mine = errors.filter((e) => e.startsWith(`${f.path}:`));
    result[f.name] ??= { old: [], now: [] };
    result[f.name]![f.side === "old" ? "old" : "now"] = mine;
  }
  return result;
}

describe("a corpus collection, edited (Camunda Cloud Management)", () => {
  let pair: GeneratedPair;
  const callers: Callers = {
    removed: { body: `await api.deleteCluster({ path: { clusterUuid: "c1" } });`, compiles: false },
    renamed: { body: `await api.getClients({ path: { clusterUuid: "c1" } });`, compiles: false },
    edited: { body: `const res = await api.getCluster({ path: { clusterUuid: "c1" } }); if (res.status === 200) console.log(res.body.links);`, compiles: false },
    exampleAdded: { body: `const res = await api.createCluster({ body: { name: "n", planTypeId: "p", channelId: "c", generationId: "g", regionId: "r" } }); if (res.status === 200) console.log(res.body.clusterId);`, compiles: true },
    unchanged: { body: `const res = await api.getParameters(); if (res.status === 200) console.log(res.body.channels.length);`, compiles: true },
  };
  let errors: Record<string, { old: string[]; now: string[] }>;

  beforeAll(() => {
    const original = JSON.parse(readFileSync(join(CORPUS, "camunda-cloud-management.postman_collection.json"), "utf8")) as { item: RawItem[] };
    const edited = structuredClone(original);
    const clusters = findItem(edited.item, "clusters");
    // Edited: Get cluster's 200 response loses `links`.
    const ok = findItem(edited.item, "Get cluster").response!.find((r) => r.code === 200)!;
    const { links: _links, ...withoutLinks } = JSON.parse(ok.body) as Record<string, unknown>;
    ok.body = JSON.stringify(withoutLinks, null, 2);
    // Removed: Delete cluster.
    const cluster = findItem(edited.item, "{cluster Uuid}");
    cluster.item = cluster.item!.filter((i) => i.name !== "Delete cluster");
    // Renamed: Get clients → List clients.
    findItem(edited.item, "Get clients").name = "List clients";
    // An example added: a second 200 of Create cluster.
    const create = findItem(clusters.item!, "Create cluster");
    const created = create.response!.find((r) => r.code === 200)!;
    create.response!.push({ ...created, name: "Created in another region", body: JSON.stringify({ clusterId: "4b1a8c3e-cluster" }) });
    pair = generatePair(work.path, "camunda", original, edited, runtime);
    errors = checkCallers(join(work.path, "camunda"), callers, `variables: { baseUrlConsole: "https://console.example.com" }`);
  });

  it("reports each edit once, breaking first, the rename as one change", () => {
    expect(pair.changes).toEqual([
      "breaking type-renamed (collection) types.Cluster",
      "breaking operation-renamed listClients operation",
      "breaking removed getCluster response 200 $.links",
      "breaking operation-removed deleteCluster operation",
      'non-breaking example-added createCluster response 200 example "Created in another region"',
    ]);
    const collection = pair.report.collections[0]!;
    expect(collection.changes[0]).toMatchObject({ before: "Cluster", after: "GetClusterResponse200, GetClustersResponse200Item" });
    expect(collection.operations.find((o) => o.id === "listClients")).toMatchObject({ previousId: "getClients", method: "GET", path: "/clusters/:clusterUuid/clients" });
    expect(pair.report.summary).toEqual({ breaking: 4, nonBreaking: 1, collections: 1, operations: 4 });
  });

  it("the generated code agrees: callers of what broke fail to compile, the others compile", () => {
    for (const [name, caller] of Object.entries(callers)) {
      expect(errors[name]!.old, `${name} against the old client`).toEqual([]);
      if (caller.compiles) expect(errors[name]!.now, `${name} against the new client`).toEqual([]);
      else expect(errors[name]!.now.length, `${name} against the new client`).toBeGreaterThan(0);
    }
  });
});

describe("the OCI seed (folder form) with a field removed from its 200 response", () => {
  let pair: GeneratedPair;
  let errors: Record<string, { old: string[]; now: string[] }>;
  const callers: Callers = {
    readsRemoved: { body: `const res = await api.createVolumeBackup({ body }); if (res.status === 200) console.log(res.body.lifecycleState);`, compiles: false },
    readsOther: { body: `const res = await api.createVolumeBackup({ body }); if (res.status === 200) console.log(res.body.id, res.body.displayName);`, compiles: true },
  };

  beforeAll(() => {
    const old = join(work.path, "oci-old/oci-core-services");
    const now = join(work.path, "oci-new/oci-core-services");
    cpSync(OCI_FOLDER, old, { recursive: true });
    cpSync(OCI_FOLDER, now, { recursive: true });
    const file = join(now, "volumeBackups/CreateVolumeBackup.json");
    const item = JSON.parse(readFileSync(file, "utf8")) as RawItem;
    const ok = item.response!.find((r) => r.code === 200)!;
    const { lifecycleState: _state, ...rest } = JSON.parse(ok.body) as Record<string, unknown>;
    ok.body = JSON.stringify(rest, null, 1);
    writeFileSync(file, JSON.stringify(item, null, 2));
    pair = generatePair(work.path, "oci", old, now, runtime);
    const body = `{ volumeId: "ocid1.volume", definedTags: {}, displayName: "nightly", freeformTags: {}, type: "INCREMENTAL" }`;
    for (const caller of Object.values(callers)) caller.body = `const body = ${body} as const; ${caller.body}`;
    errors = checkCallers(join(work.path, "oci"), callers);
  });

  it("reports the field as a breaking removal in the 200 response, and nothing else", () => {
    expect(pair.changes).toEqual(["breaking removed createVolumeBackup response 200 $.lifecycleState"]);
    expect(pair.report.collections[0]!.operations[0]!.changes[0]).toMatchObject({ direction: "output", before: "string" });
  });

  it("the generated code agrees", () => {
    for (const [name, caller] of Object.entries(callers)) {
      expect(errors[name]!.old, `${name} against the old client`).toEqual([]);
      if (caller.compiles) expect(errors[name]!.now, `${name} against the new client`).toEqual([]);
      else expect(errors[name]!.now.length, `${name} against the new client`).toBeGreaterThan(0);
    }
  });
});
