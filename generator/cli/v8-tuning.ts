/**
 * V8 tuning for a process that lives about a second. V8 hands a function to its optimizing
 * compiler (TurboFan) once it has run through a budget of bytecode; with the default budget,
 * much of what a pmgen run compiles is used only a few times more before the process exits, and
 * the compiling takes the second core and main-thread time. Four times the default budget gave,
 * in interleaved runs on github-v3, 0.75 s median instead of 0.81 s (CPU 0.94 s instead of
 * 1.25 s), and github-v3 x10 (4.5 s) was no slower: long runs still optimize what is hot.
 * A budget given on Node's command line wins. Imported first by main.ts, so it applies before
 * pmgen's own code runs.
 */
import { setFlagsFromString } from "node:v8";

if (!process.execArgv.some((arg) => arg.startsWith("--interrupt-budget"))) setFlagsFromString("--interrupt-budget=270336");
