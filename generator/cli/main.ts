#!/usr/bin/env node
/** The `pmgen` command line: generate, check, inspect (and openapi). */
import yargs from "yargs";
import { hideBin } from "yargs/helpers";
import { runCheck, runGenerate, runInspect } from "./commands.js";

const DEFAULT_INPUT = "collections";

await yargs(hideBin(process.argv))
  .scriptName("pmgen")
  .usage("$0 <command> [options]\n\nTyped, dependency-free API clients and fixtures from Postman collections.")
  .command(
    "generate [inputs..]",
    "Generate clients, types and fixtures (default: every collection under collections/ into generated/)",
    (y) =>
      y
        .positional("inputs", { type: "string", array: true, describe: "collection files or folders", default: [DEFAULT_INPUT] })
        .option("out", { alias: "o", type: "string", default: "generated", describe: "output folder" })
        .option("templates", { type: "string", describe: "folder whose *.ts.hbs files override the built-in templates" })
        .option("quiet", { alias: "q", type: "boolean", default: false, describe: "print errors only" }),
    (argv) => exit(runGenerate({ inputs: argv.inputs as string[], out: argv.out, templates: argv.templates, quiet: argv.quiet })),
  )
  .command(
    "check [inputs..]",
    "Exit 1 and list the files that differ when the output is stale; 0 when up to date",
    (y) =>
      y
        .positional("inputs", { type: "string", array: true, default: [DEFAULT_INPUT] })
        .option("out", { alias: "o", type: "string", default: "generated" })
        .option("templates", { type: "string" }),
    (argv) => exit(runCheck({ inputs: argv.inputs as string[], out: argv.out, templates: argv.templates })),
  )
  .command(
    "inspect <inputs..>",
    "Print the intermediate representation (operations, params, bodies, examples, auth) as JSON",
    (y) => y.positional("inputs", { type: "string", array: true, demandOption: true }),
    (argv) => exit(runInspect({ inputs: argv.inputs as string[] })),
  )
  .demandCommand(1, "Name a command: generate, check or inspect.")
  .strict()
  .help()
  .alias("h", "help")
  .version()
  .wrap(Math.min(110, process.stdout.columns || 100))
  .parseAsync();

function exit(code: number): void {
  process.exitCode = code;
}
