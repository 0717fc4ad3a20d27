/**
 * `pmgen diff <old> <new>` and `pmgen diff --base <git-ref> [inputs..]`: what changes for the
 * code that calls the generated clients, as text, Markdown (a pull-request comment) or JSON.
 * Both sides get the same `pmgen.config.json` settings, so they are modelled as `generate`
 * would model the new one. `--fail-on breaking` makes any breaking change exit 1.
 */
import { resolve } from "node:path";
import { nowMs } from "../base/clock.js";
import type { CollectionSettings } from "../config/settings.js";
import { PmgenError } from "../base/diagnostics.js";
import { diffSides } from "../diff/diff.js";
import { snapshotAt } from "../diff/git-source.js";
import { jsonReport } from "../diff/report-json.js";
import { markdownReport } from "../diff/report-markdown.js";
import { textReport } from "../diff/report-text.js";
import { countsText, type DiffReport } from "../diff/report.js";
import { guarded, processIo, type Io } from "./io.js";
import { resolveRun } from "./resolve-run.js";

export type DiffFormat = "text" | "markdown" | "json";

export interface DiffArgs {
  /** `<old> <new>`; with `base`, the collections to compare (default: the config's, else collections/). */
  paths?: string[];
  /** A git ref: its collections are the old side, the working tree's the new. */
  base?: string;
  format?: DiffFormat;
  failOn?: "breaking";
  config?: string;
  quiet?: boolean;
  cwd?: string;
  io?: Io;
}

export function runDiff(args: DiffArgs): number {
  const cwd = args.cwd ?? process.cwd();
  const io = args.io ?? processIo;
  const format = args.format ?? "text";
  const started = nowMs();
  return guarded(io, format === "json", "diff", () => {
    const report = args.base !== undefined ? diffAgainstRef(args.base, args, cwd) : diffPaths(args, cwd);
    io.out(render(report, format));
    if (!args.quiet && format !== "text") io.err(`pmgen diff: ${countsText(report.summary)} (${Math.round(nowMs() - started)} ms)\n`);
    return args.failOn === "breaking" && report.summary.breaking > 0 ? 1 : 0;
  });
}

function render(report: DiffReport, format: DiffFormat): string {
  switch (format) {
    case "text":
      return textReport(report);
    case "markdown":
      return markdownReport(report);
    case "json":
      return jsonReport(report);
  }
}

/**
 * Two files or folders. The config's settings for either (the new one's first) apply to both,
 * with each side's own path as input.
 */
function diffPaths(args: DiffArgs, cwd: string): DiffReport {
  const paths = args.paths ?? [];
  if (paths.length !== 2) {
    throw new PmgenError(`expected two versions, <old> <new> (got ${paths.length}); or --base <git-ref> to compare with a commit`, { file: "pmgen diff" });
  }
  const [oldPath, newPath] = paths as [string, string];
  const configured = (path: string) => resolveRun({ inputs: [path], config: args.config }, cwd).inputs[0];
  const settings = [configured(newPath), configured(oldPath)].find((input): input is CollectionSettings => typeof input === "object");
  const input = (path: string) => (settings ? { ...settings, input: resolve(cwd, path) } : path);
  return diffSides({ label: oldPath, inputs: [input(oldPath)], cwd }, { label: newPath, inputs: [input(newPath)], cwd });
}

/** The inputs (and the environments the config names) at `ref` against the working tree. */
function diffAgainstRef(ref: string, args: DiffArgs, cwd: string): DiffReport {
  const inputs = resolveRun({ inputs: args.paths, config: args.config }, cwd).inputs;
  const pathOf = (input: string | CollectionSettings) => (typeof input === "string" ? resolve(cwd, input) : input.input);
  const environments = inputs.flatMap((input) => (typeof input === "string" ? [] : (input.environments ?? [])));
  const snapshot = snapshotAt(ref, [...inputs.map(pathOf), ...environments], cwd);
  try {
    // An input the commit does not have is a collection added since: the old side lacks it.
    const oldInputs = inputs.flatMap((input): (string | CollectionSettings)[] => {
      const copy = snapshot.pathAt(pathOf(input));
      if (copy === undefined) return [];
      if (typeof input === "string") return [copy];
      return [{ ...input, input: copy, ...(input.environments ? { environments: input.environments.map((e) => snapshot.pathAt(e) ?? e) } : {}) }];
    });
    return diffSides({ label: ref, inputs: oldInputs, cwd: snapshot.cwd, shownAs: (path) => `${ref}:${path}` }, { label: "working tree", inputs, cwd });
  } finally {
    snapshot.remove();
  }
}
