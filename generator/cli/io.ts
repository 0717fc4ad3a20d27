/** Where commands write (the process's streams, or a buffer in tests), and how they report problems. */
import { relative } from "node:path";
import { formatDiagnostic, PmgenError, type Diagnostic } from "../base/diagnostics.js";

/** Where a command writes: the process's streams, or a buffer in tests. */
export interface Io {
  out(text: string): void;
  err(text: string): void;
  /** Whether stderr is a terminal (progress bar). */
  isTTY: boolean;
}

export const processIo: Io = {
  out: (text) => void process.stdout.write(text),
  err: (text) => void process.stderr.write(text),
  get isTTY() {
    return !!process.stderr.isTTY;
  },
};

/** Errors and warnings; notes (documented normalizations) only when `verbose`. */
export function printDiagnostics(io: Io, diagnostics: readonly Diagnostic[], verbose = false): void {
  for (const d of diagnostics) if (verbose || d.severity !== "note") io.err(`${formatDiagnostic(d)}\n`);
}

/**
 * Input problems print one clear line and exit 1; only internal bugs show a stack (with
 * PMGEN_DEBUG). With `--report json` the error is also the JSON document on stdout.
 */
export function guarded(io: Io, json: boolean, command: string, run: () => number): number {
  try {
    return run();
  } catch (error) {
    const known = error instanceof PmgenError;
    const message = error instanceof Error ? error.message : String(error);
    if (known) io.err(`${formatDiagnostic(error)}\n`);
    else {
      io.err(`pmgen: internal error: ${message}\n`);
      if (process.env.PMGEN_DEBUG && error instanceof Error) io.err(`${error.stack}\n`);
    }
    if (json) {
      const source = known ? { file: error.source.file, itemPath: error.source.itemPath ?? null } : {};
      io.out(`${JSON.stringify({ pmgen: command, ok: false, error: { internal: !known, message, ...source } }, null, 2)}\n`);
    }
    return known ? 1 : 2;
  }
}

/** A folder as shown to the user: relative to the working directory. */
export function label(cwd: string, dir: string): string {
  return relative(cwd, dir) || ".";
}
