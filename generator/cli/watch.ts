/** `pmgen generate --watch`. */
import { existsSync, statSync, watch, type FSWatcher } from "node:fs";
import { basename, dirname, relative, resolve, sep } from "node:path";
import { formatDiagnostic, PmgenError } from "../base/diagnostics.js";
import { runGenerate } from "./commands.js";
import { processIo } from "./io.js";
import { resolveRun, type GenerateArgs, type ResolvedRun } from "./resolve-run.js";

/**
 * `generate --watch`: generates, then regenerates whenever an input, the config or a template
 * changes (debounced, so an editor's save of many files makes one run). Errors are printed and
 * watching goes on. Returns a handle whose `close()` stops watching.
 */
export function runWatch(args: GenerateArgs & { debounceMs?: number }): { close(): void; runs(): number } {
  const cwd = args.cwd ?? process.cwd();
  const io = args.io ?? processIo;
  let runs = 0;
  const generate = () => {
    runs++;
    runGenerate(args);
  };
  generate();
  let run: ResolvedRun;
  try {
    run = resolveRun(args, cwd);
  } catch (error) {
    io.err(`${error instanceof PmgenError ? formatDiagnostic(error) : String(error)}\n`);
    return { close() {}, runs: () => runs };
  }
  const outDirs = new Set<string>();
  const ignore = (path: string) => path.split(sep).some((part) => part.startsWith(".pmgen-tmp") || part === ".pmgen-manifest.json") ||
    [...outDirs].some((out) => path === out || path.startsWith(out + sep));
  // Output folders are never inputs: a write must not trigger another run.
  for (const out of run.outDirs) outDirs.add(out);
  let timer: NodeJS.Timeout | undefined;
  const trigger = (path: string) => {
    if (ignore(path)) return;
    clearTimeout(timer);
    timer = setTimeout(() => {
      if (!args.quiet) io.err(`pmgen: ${relative(cwd, path) || path} changed, regenerating\n`);
      generate();
    }, args.debounceMs ?? 150);
  };
  const watchers: FSWatcher[] = [];
  for (const path of new Set(run.watchPaths)) {
    if (!existsSync(path)) continue;
    if (statSync(path).isDirectory()) {
      watchers.push(watch(path, { recursive: true }, (_event, name) => trigger(resolve(path, name ? String(name) : ""))));
    } else {
      // Watch the folder, not the file: editors replace files on save, which ends a file watch.
      const dir = dirname(path);
      const file = basename(path);
      watchers.push(watch(dir, (_event, name) => String(name) === file && trigger(path)));
    }
  }
  if (!args.quiet) io.err(`pmgen: watching ${watchers.length} path(s) for changes (Ctrl-C to stop)\n`);
  return {
    close() {
      clearTimeout(timer);
      for (const w of watchers) w.close();
    },
    runs: () => runs,
  };
}
