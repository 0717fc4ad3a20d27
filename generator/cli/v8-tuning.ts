/**
 * V8's optimizing compiler gets a function once it has run through a budget of bytecode; at four
 * times the default budget, less of a one-second run goes to compiling code it barely reuses
 * (measured in bench/perf/README.md). Imported first by main.ts, so it applies before pmgen's own
 * code runs; a budget given on Node's command line wins.
 */
import { setFlagsFromString } from "node:v8";

if (!process.execArgv.some((arg) => arg.startsWith("--interrupt-budget"))) setFlagsFromString("--interrupt-budget=270336");
