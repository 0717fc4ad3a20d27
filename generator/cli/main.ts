#!/usr/bin/env node
/** The `pmgen` command line: generate, check, inspect, openapi; bundled into the bin `dist/pmgen.cjs` (bundle.ts). */
import "./v8-tuning.js";
import yargs, { type Argv } from "yargs";
import { hideBin } from "yargs/helpers";
import { runCheck, runGenerate, runInspect } from "./commands.js";
import type { GenerateArgs } from "./resolve-run.js";
import { runWatch } from "./watch.js";
import { runOpenapi } from "./openapi-command.js";
import { runDiff, type DiffFormat } from "./diff-command.js";
import { pmgenVersion } from "./version.js";

/** Options `generate` and `check` share; each overrides `pmgen.config.json`. */
function common<T>(y: Argv<T>) {
  return y
    .positional("inputs", {
      type: "string",
      array: true,
      describe: "collection files or folders (default: the config's collections, else collections/)",
    })
    .option("out", { alias: "o", type: "string", describe: "output folder (default: the config's, else generated/)" })
    .option("templates", { type: "string", describe: "folder whose *.ts.hbs files override the built-in templates" })
    .option("config", { alias: "c", type: "string", describe: "config file (default: ./pmgen.config.json when present)" })
    .option("quiet", { alias: "q", type: "boolean", default: false, describe: "print errors only" })
    .option("verbose", { alias: "v", type: "boolean", default: false, describe: "also print notes: names pmgen normalized (step numbers, collisions, long names)" })
    .option("report", { type: "string", choices: ["json"] as const, describe: "print a JSON report on stdout" })
    .option("verify", { type: "boolean", default: false, describe: "parse the output (ts-morph) and check its declarations against the model before writing" });
}

// Not awaited: the bundled bin is CommonJS (see bundle.ts); each command sets the exit code, and
// the process ends when its work is done (the watcher keeps it running).
void yargs(hideBin(process.argv))
  .scriptName("pmgen")
  .usage("$0 <command> [options]\n\nTyped, dependency-free API clients and fixtures from Postman collections.")
  .command(
    "generate [inputs..]",
    "Generate clients, types and fixtures (default: every collection under collections/ into generated/)",
    (y) => common(y).option("watch", { alias: "w", type: "boolean", default: false, describe: "regenerate when inputs, config or templates change" }),
    (argv) => {
      const args = generateArgs(argv);
      if (argv.watch) {
        const watcher = runWatch(args);
        process.on("SIGINT", () => {
          watcher.close();
          process.exit(0);
        });
        return;
      }
      process.exitCode = runGenerate(args);
    },
  )
  .command(
    "check [inputs..]",
    "Exit 1 and list the files that differ (with a short diff) when the output is stale; 0 when up to date",
    (y) => common(y),
    (argv) => {
      process.exitCode = runCheck(generateArgs(argv));
    },
  )
  .command(
    "inspect <inputs..>",
    "Print the intermediate representation (operations, params, bodies, examples, auth) as JSON",
    (y) =>
      y
        .positional("inputs", { type: "string", array: true, demandOption: true })
        .option("config", { alias: "c", type: "string", describe: "config file (default: ./pmgen.config.json when present)" })
        .option("verbose", { alias: "v", type: "boolean", default: false, describe: "also print notes" }),
    (argv) => {
      process.exitCode = runInspect({ inputs: argv.inputs as string[], config: argv.config, verbose: argv.verbose });
    },
  )
  .command(
    "openapi <input>",
    "Write an OpenAPI 3.1 document of a collection: paths, parameters, bodies, responses and the inferred schemas",
    (y) =>
      y
        .positional("input", { type: "string", demandOption: true, describe: "a collection file or folder" })
        .option("output", { alias: "o", type: "string", describe: "file to write (default: stdout)" })
        .option("quiet", { alias: "q", type: "boolean", default: false })
        .option("verbose", { alias: "v", type: "boolean", default: false, describe: "also print notes" })
        .option("config", { alias: "c", type: "string", describe: "config file (default: ./pmgen.config.json when present)" }),
    (argv) => {
      process.exitCode = runOpenapi({ input: argv.input, output: argv.output, quiet: argv.quiet, verbose: argv.verbose, config: argv.config });
    },
  )
  .command(
    "diff [paths..]",
    "What changes for callers between two versions: pmgen diff <old> <new>, or --base <git-ref> against the working tree",
    (y) =>
      y
        .positional("paths", {
          type: "string",
          array: true,
          describe: "<old> <new> collection files or folders; with --base, the collections to compare (default: the config's, else collections/)",
        })
        .option("base", { type: "string", describe: "git ref whose collections are the old side (read from git, nothing checked out)" })
        .option("format", { alias: "f", type: "string", choices: ["text", "markdown", "json"] as const, default: "text", describe: "report format" })
        .option("fail-on", { type: "string", choices: ["breaking"] as const, describe: "exit 1 when any change is breaking" })
        .option("config", { alias: "c", type: "string", describe: "config file (default: ./pmgen.config.json when present)" })
        .option("quiet", { alias: "q", type: "boolean", default: false, describe: "no summary line on stderr" }),
    (argv) => {
      process.exitCode = runDiff({
        paths: argv.paths as string[] | undefined,
        base: argv.base,
        format: argv.format as DiffFormat,
        failOn: argv.failOn as "breaking" | undefined,
        config: argv.config,
        quiet: argv.quiet,
      });
    },
  )
  .demandCommand(1, "Name a command: generate, check, inspect, openapi or diff.")
  .strict()
  .help()
  .alias("h", "help")
  .version(pmgenVersion())
  .wrap(helpWidth())
  .parseAsync();

/** Help text width: the terminal's, up to 110 columns, else 100. */
function helpWidth(): number {
  return Math.min(110, process.stdout.columns || 100);
}

/** The options `generate` and `check` share, as the commands take them. */
function generateArgs(argv: { inputs?: unknown; out?: string; templates?: string; config?: string; quiet: boolean; verbose: boolean; report?: string; verify: boolean }): GenerateArgs {
  return {
    inputs: argv.inputs as string[] | undefined,
    out: argv.out,
    templates: argv.templates,
    config: argv.config,
    quiet: argv.quiet,
    verbose: argv.verbose,
    report: argv.report as "json" | undefined,
    verify: argv.verify,
  };
}
