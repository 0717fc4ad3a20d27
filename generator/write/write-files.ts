/**
 * Writing many files on two threads. Creating a file is the slow part of a fresh output (an
 * `openat` with `O_CREAT` took about 0.5 ms on this machine's ext4, against 0.02 ms for the
 * `write`), and two threads creating files in different places take about a third less time
 * than one. Both threads take files through one shared counter, so neither waits for the
 * other (this thread from the front of the batch, the helper from the back: see CLAIMED). The
 * helper (a worker thread, see `startWriteHelper`) is started only when the first files came
 * slowly (see PROBE_FILES), and until it runs (about 30 ms) this thread simply writes alone. The
 * pipeline stays synchronous, so this thread waits for the helper's last file on a shared flag
 * (`Atomics.wait`).
 */
import { existsSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { createRequire } from "node:module";
import type { MessagePort, Worker } from "node:worker_threads";
import { nowMs } from "../base/clock.js";

export interface FileJob {
  path: string;
  content: string;
  /** Create only (`wx`): fail with EEXIST rather than replace a file that appeared meanwhile. */
  exclusive: boolean;
}

/** What became of each job. */
export const JobStatus = {
  Pending: 0,
  /** The file is there because of this run. */
  Written: 1,
  /** Nothing of this run's is there (EEXIST on an exclusive write). */
  Refused: 2,
  /** Failed part way: a file of this run's may be there. */
  Failed: 3,
} as const;
export type JobStatus = (typeof JobStatus)[keyof typeof JobStatus];

export interface WriteOutcome {
  status: JobStatus[];
  /** The first failure, as thrown by `writeFileSync` (or rebuilt from the helper's report). */
  error?: Error;
  /** How many files the helper wrote. */
  byHelper: number;
}

/**
 * Slots of the shared state array before the per-job statuses. CLAIMED counts the jobs either
 * thread has taken; this thread takes them from the front (FRONT) and the helper from the back
 * (BACK), so with jobs in folder order the two threads mostly create files in different folders
 * and do not wait for each other's lock on one folder.
 */
const CLAIMED = 0;
const STATE = 1;
const ABORT = 2;
const HELPED = 3;
const FRONT = 4;
const BACK = 5;
const HEADER = 6;
/** STATE: the helper has not started this batch / is writing / has finished / may not start. */
const IDLE = 0;
const HELPING = 1;
const FINISHED = 2;
const CLOSED = 3;

/** Fewer files than this are written on this thread alone: the helper would not pay for its message. */
const MIN_FILES_FOR_HELPER = 64;
/**
 * Without a helper given, this thread writes this many files first and starts one only if they
 * took more than SLOW_FILE_MS each. Where a file costs tens of microseconds (tmpfs, or this VM's
 * ext4 with its page cache warm) the whole output is written before a helper would have started
 * (about 30 ms), and starting one only slowed the run; where a file costs a few hundred (this
 * VM's ext4 after large deletions), the second thread takes a share of the rest.
 */
const PROBE_FILES = 32;
const SLOW_FILE_MS = 0.1;

interface Batch {
  jobs: FileJob[];
  shared: SharedArrayBuffer;
}

export interface HelperFailure {
  message: string;
  code?: string;
}

export interface WriteHelper {
  /** Settles when the helper thread is running (tests wait for it; `writeFiles` does not need to). */
  ready: Promise<void>;
  /** Posts a batch to the helper; it starts as soon as it reads the message. */
  post(batch: Batch): void;
  /** The helper's report of its failure, once it has finished. */
  failure(): HelperFailure | undefined;
  close(): void;
}

/**
 * Writes every job; with enough of them, on two threads (a helper given, else one started for
 * this batch and stopped after it). Never throws: see `error`.
 */
export function writeFiles(jobs: readonly FileJob[], given?: WriteHelper): WriteOutcome {
  const shared = new SharedArrayBuffer((HEADER + jobs.length) * 4);
  const state = new Int32Array(shared);
  if (jobs.length < MIN_FILES_FOR_HELPER) return writeWith(jobs, shared, state, undefined);
  if (given !== undefined) return writeWith(jobs, shared, state, given);
  // A helper of its own only pays where creating files is slow: this thread writes a few first,
  // and starts one when they took long enough (see SLOW_FILE_MS).
  const started = nowMs();
  const error = drain(jobs, state, false, PROBE_FILES);
  const helper = error === undefined && helperPays(nowMs() - started, jobs.length - PROBE_FILES) ? startWriteHelper() : undefined;
  try {
    return writeWith(jobs, shared, state, helper, error);
  } finally {
    helper?.close();
  }
}

/** Whether a helper pays for the `remaining` files, after the first PROBE_FILES took `probeMs`. */
export function helperPays(probeMs: number, remaining: number): boolean {
  return probeMs / PROBE_FILES > SLOW_FILE_MS && remaining >= MIN_FILES_FOR_HELPER;
}

function writeWith(
  jobs: readonly FileJob[],
  shared: SharedArrayBuffer,
  state: Int32Array,
  helper: WriteHelper | undefined,
  earlier?: Error,
): WriteOutcome {
  const useHelper = helper !== undefined;
  if (useHelper) helper.post({ jobs: [...jobs], shared });
  else Atomics.store(state, STATE, CLOSED);
  let error = earlier ?? drain(jobs, state);
  // Either the helper never started (it will find the batch closed) or it is writing: wait for it.
  if (Atomics.compareExchange(state, STATE, IDLE, CLOSED) !== IDLE) {
    while (Atomics.load(state, STATE) === HELPING) Atomics.wait(state, STATE, HELPING);
  }
  // Read the helper's report of this batch in any case, so it is never taken for the next one's.
  const failure = useHelper ? helper.failure() : undefined;
  if (error === undefined && Atomics.load(state, ABORT) === 1) {
    error = Object.assign(new Error(failure?.message ?? "a file could not be written"), failure?.code ? { code: failure.code } : {});
  }
  const status = Array.from(state.subarray(HEADER), (s) => s as JobStatus);
  return { status, error, byHelper: Atomics.load(state, HELPED) };
}

/**
 * Takes jobs from the shared counter until none is left or a write failed (on either thread).
 * Returns this thread's failure.
 */
function drain(jobs: readonly FileJob[], state: Int32Array, helped = false, limit = Infinity): Error | undefined {
  for (let taken = 0; taken < limit; taken++) {
    if (Atomics.load(state, ABORT) === 1) return undefined;
    if (Atomics.add(state, CLAIMED, 1) >= jobs.length) return undefined;
    // Each claim under the total is a distinct job: the k-th from the front, the j-th from the back.
    const i = helped ? jobs.length - 1 - Atomics.add(state, BACK, 1) : Atomics.add(state, FRONT, 1);
    const job = jobs[i]!;
    try {
      // With `encoding` given, Node writes the string from C++ (its `writeFileUtf8`) instead of
      // making a Buffer of it first: 1,288 files on tmpfs in 20-24 ms against 26-31 ms.
      writeFileSync(job.path, job.content, { flag: job.exclusive ? "wx" : "w", encoding: "utf8" });
      Atomics.store(state, HEADER + i, JobStatus.Written);
      if (helped) Atomics.add(state, HELPED, 1);
    } catch (error) {
      const refused = job.exclusive && (error as NodeJS.ErrnoException).code === "EEXIST";
      Atomics.store(state, HEADER + i, refused ? JobStatus.Refused : JobStatus.Failed);
      Atomics.store(state, ABORT, 1);
      return error as Error;
    }
  }
  return undefined;
}

/** The helper's side of one batch: start unless closed, drain, report, finish. */
function helpWith(batch: Batch, report: (failure: HelperFailure) => void): void {
  const state = new Int32Array(batch.shared);
  if (Atomics.compareExchange(state, STATE, IDLE, HELPING) !== IDLE) return;
  try {
    const error = drain(batch.jobs, state, true);
    if (error !== undefined) report({ message: error.message, code: (error as NodeJS.ErrnoException).code });
  } catch (error) {
    // Not a write failure (those are caught in drain): stop the batch so nothing is left unwritten silently.
    Atomics.store(state, ABORT, 1);
    report({ message: `the write helper failed: ${(error as Error).message}` });
  } finally {
    // The main thread waits for this, whatever happened above.
    Atomics.store(state, STATE, FINISHED);
    Atomics.notify(state, STATE);
  }
}

/**
 * Starts the helper thread, or returns undefined with one core or without its script. The
 * script is found next to this module: `write-worker.mjs` beside the bundled CLI in `dist/`,
 * `write-worker.js` beside the compiled module, or `write-worker.ts` beside the source (run
 * through tsx, as the tests do).
 */
export function startWriteHelper(base: string | URL = import.meta.url): WriteHelper | undefined {
  // Required here, not imported: a run that writes few files never loads os or worker_threads.
  const require = createRequire(import.meta.url);
  if ((require("node:os") as typeof import("node:os")).availableParallelism() < 2) return undefined;
  const script = ["./write-worker.mjs", "./write-worker.js", "./write-worker.ts"].map((name) => new URL(name, base)).find((url) => existsSync(fileURLToPath(url)));
  if (!script) return undefined;
  const { MessageChannel, receiveMessageOnPort, Worker } = require("node:worker_threads") as typeof import("node:worker_threads");
  const { port1, port2 } = new MessageChannel();
  // The helper prints nothing; without `stdout`/`stderr` set, Node would pipe its output into
  // this process's streams, creating them (2 to 4 ms for pipes) just for that.
  const options = { workerData: { port: port2 }, transferList: [port2], stdout: true, stderr: true };
  let worker: Worker;
  try {
    // Node 20 does not apply `--import tsx` to a worker's entry: the source registers tsx first.
    worker = script.pathname.endsWith(".ts")
      ? new Worker(`import("tsx/esm/api").then(({ register }) => { register(); return import(${JSON.stringify(script.href)}); })`, { ...options, eval: true })
      : new Worker(script, options);
  } catch {
    return undefined;
  }
  // An idle helper must not keep the process alive; a helper that dies leaves its batch to this thread.
  worker.unref();
  worker.on("error", () => undefined);
  // The worker says so once it listens for batches (its module has loaded).
  const ready = new Promise<void>((resolve) => {
    worker.once("message", () => resolve());
    worker.once("exit", () => resolve());
  });
  return {
    ready,
    post: (batch) => port1.postMessage(batch),
    failure: () => receiveMessageOnPort(port1)?.message as HelperFailure | undefined,
    close: () => {
      port1.close();
      void worker.terminate();
    },
  };
}

/** The helper thread's loop (write-worker.ts): `announce` tells the main thread it is listening. */
export function serveWrites(port: MessagePort, announce: () => void): void {
  port.on("message", (batch: Batch) => helpWith(batch, (failure) => port.postMessage(failure)));
  announce();
}
