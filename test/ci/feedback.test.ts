/** What a run tells its user: warnings with file and item path, the summary, --quiet, --report json, the progress bar. */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCheck, runGenerate } from "../../generator/cli/commands.js";
import { ProgressBar } from "../../generator/cli/progress.js";
import { bufferedIo, removeDir, tempDir } from "./helpers.js";

const collection = {
  info: { name: "Dupes", schema: "https://schema.getpostman.com/json/collection/v2.1.0/collection.json" },
  item: [
    { name: "users", item: [{ name: "List", request: { method: "GET", url: "https://api.example.com/users", body: { mode: "raw", raw: "{}" } } }] },
    { name: "teams", item: [{ name: "List", request: { method: "GET", url: "https://api.example.com/teams" } }] },
    { request: { method: "GET", url: "https://api.example.com/health" } },
  ],
};

describe("feedback", () => {
  let dir: string;
  beforeAll(() => {
    dir = tempDir("feedback");
    writeFileSync(join(dir, "dupes.json"), JSON.stringify(collection));
  });
  afterAll(() => removeDir(dir));

  it("prints warnings as `file › Folder / Item: message` and a summary on stderr, nothing on stdout", () => {
    const io = bufferedIo();
    expect(runGenerate({ cwd: dir, inputs: ["dupes.json"], out: "out", io })).toBe(0);
    expect(io.stdout).toBe("");
    expect(io.stderr).toContain("warning: dupes.json › users / List: GET request with a raw body: fetch cannot send a body with GET");
    expect(io.stderr).toMatch(/pmgen: 1 collection\(s\), 3 operations, \d+ types, 1 warning\(s\), 3 note\(s\) \(--verbose\) → out\/ \(\d+ written, 0 removed, 0 unchanged\) in \d+ ms\n$/);
    expect(io.stderr).not.toContain("note:");
    expect(io.stderr).not.toContain("\r");
  });

  it("lists documented normalizations (renames, unnamed items) as notes with --verbose only", () => {
    const io = bufferedIo();
    expect(runGenerate({ cwd: dir, inputs: ["dupes.json"], out: "out-verbose", io, verbose: true })).toBe(0);
    expect(io.stderr).toContain('note: dupes.json › users / List: the method name of item "List" is used by more than one request; its method is named usersList');
    expect(io.stderr).toContain("note: dupes.json › #3: item has no name; named by its position");
    expect(io.stderr).toMatch(/1 warning\(s\), 3 note\(s\) → /);
  });

  it("--quiet prints nothing on success and still prints errors", () => {
    const io = bufferedIo(true);
    expect(runGenerate({ cwd: dir, inputs: ["dupes.json"], out: "out", io, quiet: true })).toBe(0);
    expect(io.stderr + io.stdout).toBe("");
    const failing = bufferedIo();
    expect(runGenerate({ cwd: dir, inputs: ["missing.json"], out: "out", io: failing, quiet: true })).toBe(1);
    expect(failing.stderr).toBe("error: missing.json: no such file or folder\n");
  });

  it("--report json prints one JSON document on stdout with collections, counts, warnings and timing", () => {
    const io = bufferedIo(true);
    expect(runGenerate({ cwd: dir, inputs: ["dupes.json"], out: "out", io, report: "json" })).toBe(0);
    expect(io.stderr).toBe("");
    const report = JSON.parse(io.stdout);
    expect(report).toMatchObject({
      pmgen: "generate",
      ok: true,
      collections: [{ name: "dupes", title: "Dupes", input: "dupes.json", out: "out/dupes", operations: 3, warnings: 1, notes: 3, changes: { written: 0, removed: 0 } }],
      counts: { collections: 1, operations: 3, warnings: 1, notes: 3, written: 0, removed: 0 },
    });
    expect(report.counts.unchanged).toBe(report.counts.files);
    expect(report.warnings).toContainEqual({
      collection: "dupes",
      severity: "note",
      file: "dupes.json",
      itemPath: "teams / List",
      message: 'the method name of item "List" is used by more than one request; its method is named teamsList',
    });
    for (const key of ["total", "load", "model", "infer", "emit", "write"]) expect(report.timingMs[key]).toBeTypeOf("number");
  });

  it("check --report json lists the drift; errors become a JSON document too", () => {
    writeFileSync(join(dir, "dupes.json"), JSON.stringify({ ...collection, item: collection.item.slice(0, 2) }));
    const io = bufferedIo();
    expect(runCheck({ cwd: dir, inputs: ["dupes.json"], out: "out", io, report: "json" })).toBe(1);
    const report = JSON.parse(io.stdout);
    expect(report.upToDate).toBe(false);
    expect(report.drift).toContainEqual({ path: "out/dupes/operations/operation3.ts", status: "stale" });
    expect(report.drift).toContainEqual({ path: "out/dupes/index.ts", status: "changed" });

    writeFileSync(join(dir, "broken.json"), "{");
    const failing = bufferedIo();
    expect(runGenerate({ cwd: dir, inputs: ["broken.json"], out: "out", io: failing, report: "json" })).toBe(1);
    expect(JSON.parse(failing.stdout)).toMatchObject({ ok: false, error: { internal: false, file: "broken.json", message: expect.stringMatching(/not valid JSON/) } });
  });

  it("the progress bar redraws one line in place and clears it at the end", () => {
    const io = bufferedIo(true);
    const bar = new ProgressBar(io, performance.now(), 0, 10);
    bar.stage({ collection: "big", index: 0, total: 2, stage: "load" });
    bar.stage({ collection: "big", index: 0, total: 2, stage: "infer" });
    bar.stage({ collection: "other", index: 1, total: 2, stage: "emit" });
    bar.write();
    bar.done();
    const frames = io.stderr.split("\r\x1b[K").filter(Boolean);
    expect(frames).toEqual([
      "pmgen [..........]   0% big: load",
      "pmgen [#.........]  13% big: infer",
      "pmgen [########..]  80% other: emit",
      "pmgen [##########] 100% writing",
    ]);
    expect(io.stderr.endsWith("\r\x1b[K")).toBe(true);
    expect(io.stderr).not.toContain("\n");
  });
});
