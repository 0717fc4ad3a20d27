/**
 * One run's inputs, output folders and templates: the command-line flags over
 * `pmgen.config.json` over the defaults (`collections/` into `generated/`).
 */
import { resolve } from "node:path";
import { loadConfig } from "../config/config.js";
import type { CollectionSettings } from "../config/settings.js";
import type { GeneratedCollection } from "../pipeline.js";
import type { Io } from "./io.js";

export interface GenerateArgs {
  /** Collection files or folders; default: the config's collections, else `collections/`. */
  inputs?: string[];
  /** Output folder; overrides the config (every collection goes there). */
  out?: string;
  templates?: string;
  /** Config file; default `pmgen.config.json` in `cwd` when present. */
  config?: string;
  quiet?: boolean;
  /** Also print notes: the documented normalizations (a step number dropped from a name...). */
  verbose?: boolean;
  report?: "json";
  /** Parse the output with ts-morph and check its declarations against the IR before writing. */
  verify?: boolean;
  cwd?: string;
  io?: Io;
}

const DEFAULT_INPUT = "collections";
const DEFAULT_OUT = "generated";

/** One run's inputs, output folders and templates, after merging the config file and flags. */
export interface ResolvedRun {
  inputs: (string | CollectionSettings)[];
  templatesDir?: string;
  configFile?: string;
  outDirOf(collection: GeneratedCollection): string;
  /** Paths whose changes should trigger regeneration in watch mode. */
  watchPaths: string[];
  /** Every output folder the run may write (never watched). */
  outDirs: string[];
}

export function resolveRun(args: GenerateArgs, cwd: string): ResolvedRun {
  const config = loadConfig(cwd, args.config);
  const configured = (config?.collections ?? []).map((c) => ({ ...c, configFile: config!.displayPath }));
  let inputs: (string | CollectionSettings)[];
  if (args.inputs?.length) {
    // Inputs on the command line still get their settings when the config names them.
    inputs = args.inputs.map((input) => configured.find((c) => c.input === resolve(cwd, input)) ?? input);
  } else if (configured.length) {
    inputs = configured;
  } else {
    inputs = [DEFAULT_INPUT];
  }
  const flagOut = args.out !== undefined ? resolve(cwd, args.out) : undefined;
  const defaultOut = flagOut ?? config?.out ?? resolve(cwd, DEFAULT_OUT);
  const templatesDir = args.templates !== undefined ? resolve(cwd, args.templates) : config?.templates;
  const watchPaths = [
    ...inputs.map((i) => (typeof i === "string" ? resolve(cwd, i) : i.input)),
    ...(templatesDir ? [templatesDir] : []),
    ...(config ? [config.file] : []),
  ];
  return {
    inputs,
    templatesDir,
    configFile: config?.file,
    outDirOf: (c) => flagOut ?? c.settings?.out ?? defaultOut,
    watchPaths,
    outDirs: [defaultOut, ...(flagOut ? [] : configured.flatMap((c) => (c.out ? [c.out] : [])))],
  };
}
