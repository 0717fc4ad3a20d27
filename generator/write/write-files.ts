/**
 * Writing many files on two threads. Creating a file is the slow part of a fresh output (an
 * `openat` with `O_CREAT` took 0.05 to 0.5 ms on this machine's ext4, against 0.02 ms for the
 * `write`), and two threads creating files in different places take about a third less time
 * than one.
 *
 * A `FileStream` takes files as they are ready. Given a running helper (a worker thread, see
 * write-helper.ts), it passes them on in small batches and the helper writes them while this
 * thread goes on generating the rest: `pmgen generate` into a fresh folder streams each file as
 * it is emitted. `finish()` then writes what is left from the other end on this thread too, and
 * waits for the helper's last file on a shared flag (`Atomics.wait`): the pipeline stays
 * synchronous. Without a helper, files wait for `finish()`, which writes a few and starts a
 * helper only when they came slowly (see PROBE_FILES).
 */
import { mkdirSync, rmdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import type { MessagePort } from "node:worker_threads";
import { startWriteHelper, type HelperFailure, type WriteHelper } from "./write-helper.js";
import { nowMs } from "../clock.js";

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
  /** One per job, in the order they were added. */
  status: JobStatus[];
  /** The first failure, as thrown by `writeFileSync` (or rebuilt from the helper's report). */
  error?: Error;
  /** How many files the helper wrote. */
  byHelper: number;
}

/**
 * Slots of the shared state array. CLAIMED counts the jobs either thread has taken; the helper
 * takes them from the front (FRONT counts its jobs) and this thread from the back (BACK), so
 * with jobs in folder order the two threads mostly create files in different folders and do not
 * wait for each other's lock on one folder. A job is only claimed while CLAIMED is below the
 * number of jobs the claiming thread has: the helper's grows as batches arrive.
 */
const CLAIMED = 0;
const STATE = 1;
const ABORT = 2;
const FRONT = 3;
const BACK = 4;
/** The helper's failed job, if any (-1 for none), and its status. */
const HELPER_FAILED_AT = 5;
const HELPER_FAILED_AS = 6;
const SLOTS = 7;
/** STATE: the helper has not started this stream / is writing / has finished / may not start. */
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
/** Files per message to a streaming helper: few messages, and the helper is never far behind. */
const BATCH_FILES = 16;

/** Messages to the helper: a new stream, more of its jobs, or its end. */
export type HelperMessage = { start: SharedArrayBuffer } | { jobs: FileJob[] } | { end: true };

/** Whether a helper pays for the `remaining` files, after the first PROBE_FILES took `probeMs`. */
export function helperPays(probeMs: number, remaining: number): boolean {
  return probeMs / PROBE_FILES > SLOW_FILE_MS && remaining >= MIN_FILES_FOR_HELPER;
}

/** The files of one run, written as they come (with a helper) or at `finish()`. */
export class FileStream {
  private readonly jobs: FileJob[] = [];
  private readonly paths = new Set<string>();
  /** Folders this stream made (each one, not only the top), so a rollback removes exactly those. */
  private readonly madeFolders = new Set<string>();
  private readonly knownFolders = new Set<string>();
  private readonly state = new Int32Array(new SharedArrayBuffer(SLOTS * 4));
  /** This thread's own results, by job index (the helper's are in `state`). */
  private readonly own = new Map<number, JobStatus>();
  private batch: FileJob[] = [];
  private helper: WriteHelper | undefined;
  private ownsHelper = false;
  private outcome: WriteOutcome | undefined;

  /** @param helper a running helper to stream to; without one, files are written at `finish()` */
  constructor(helper?: WriteHelper) {
    Atomics.store(this.state, HELPER_FAILED_AT, -1);
    this.helper = helper;
    helper?.post({ start: this.state.buffer as SharedArrayBuffer });
  }

  /** Whether a job for this path was added. */
  has(path: string): boolean {
    return this.paths.has(path);
  }

  /** Adds a job, making its folder first (so neither thread has to). Throws if that fails. */
  add(job: FileJob): void {
    if (this.outcome) throw new Error("the file stream has finished");
    this.makeFolder(dirname(job.path));
    this.jobs.push(job);
    this.paths.add(job.path);
    if (this.helper === undefined) return;
    this.batch.push(job);
    if (this.batch.length >= BATCH_FILES) this.flush();
  }

  /** Writes every job not yet written and waits for the helper. Never throws: see `error`. */
  finish(): WriteOutcome {
    if (this.outcome) return this.outcome;
    let error: Error | undefined;
    if (this.helper === undefined && this.jobs.length >= MIN_FILES_FOR_HELPER) {
      // A helper of its own only pays where creating files is slow: this thread writes a few
      // first, and starts one when they took long enough (see SLOW_FILE_MS).
      const started = nowMs();
      error = this.drainBack(PROBE_FILES);
      if (error === undefined && helperPays(nowMs() - started, this.jobs.length - PROBE_FILES)) {
        this.helper = startWriteHelper();
        this.ownsHelper = this.helper !== undefined;
        this.helper?.post({ start: this.state.buffer as SharedArrayBuffer });
        this.helper?.post({ jobs: this.jobs });
      }
    }
    return this.settle(error ?? this.end());
  }

  /** Stops the stream (the run failed elsewhere): writes nothing more, and reports what was written. */
  abort(): WriteOutcome {
    if (this.outcome) return this.outcome;
    Atomics.store(this.state, ABORT, 1);
    return this.settle(this.end(), true);
  }

  /**
   * Undoes the stream: removes every file it wrote or may have written part way, then the
   * folders it made, deepest first, where they are empty.
   */
  rollback(): void {
    const status = (this.outcome ?? this.abort()).status;
    this.jobs.forEach((job, i) => {
      if (status[i] === JobStatus.Written || status[i] === JobStatus.Failed) removeQuietly(job.path);
    });
    for (const folder of [...this.madeFolders].sort((a, b) => b.length - a.length)) {
      try {
        rmdirSync(folder);
      } catch {
        // not empty (someone else's file) or already gone
      }
    }
  }

  /** Posts the batch so far to the helper. */
  private flush(): void {
    if (this.batch.length === 0) return;
    this.helper!.post({ jobs: this.batch });
    this.batch = [];
  }

  /** Tells the helper there is no more, then writes from the back until the jobs run out. */
  private end(): Error | undefined {
    if (this.helper !== undefined) {
      this.flush();
      this.helper.post({ end: true });
    }
    return this.drainBack();
  }

  private settle(error: Error | undefined, aborted = false): WriteOutcome {
    const { state, helper } = this;
    // Either the helper never started this stream (it will find it closed) or it is writing: wait for it.
    if (Atomics.compareExchange(state, STATE, IDLE, CLOSED) !== IDLE) {
      while (Atomics.load(state, STATE) === HELPING) Atomics.wait(state, STATE, HELPING);
    }
    // Read the helper's report in any case, so it is never taken for the next stream's.
    const failure = helper?.failure();
    if (this.ownsHelper) helper?.close();
    const failedAt = Atomics.load(state, HELPER_FAILED_AT);
    if (error === undefined && !aborted && Atomics.load(state, ABORT) === 1) {
      error = Object.assign(new Error(failure?.message ?? "a file could not be written"), failure?.code ? { code: failure.code } : {});
    }
    const front = Atomics.load(state, FRONT);
    const status = this.jobs.map((_, i): JobStatus => {
      if (i === failedAt) return Atomics.load(state, HELPER_FAILED_AS) as JobStatus;
      if (i < front) return JobStatus.Written;
      return this.own.get(i) ?? JobStatus.Pending;
    });
    this.outcome = { status, error, byHelper: failedAt >= 0 ? front - 1 : front };
    return this.outcome;
  }

  /** This thread's side: claims jobs from the back while any are left. Returns its failure. */
  private drainBack(limit = Infinity): Error | undefined {
    const { state, jobs } = this;
    for (let taken = 0; taken < limit; taken++) {
      const i = claim(state, jobs.length, BACK);
      if (i < 0) return undefined;
      const index = jobs.length - 1 - i;
      const status = writeJob(jobs[index]!);
      this.own.set(index, status.status);
      if (status.error) {
        Atomics.store(state, ABORT, 1);
        return status.error;
      }
    }
    return undefined;
  }

  private makeFolder(folder: string): void {
    if (this.knownFolders.has(folder)) return;
    const top = mkdirSync(folder, { recursive: true });
    this.knownFolders.add(folder);
    if (top === undefined) return;
    // mkdirSync returns the first folder it made: it and every folder below it on the way are new.
    for (let dir = folder; dir.length >= top.length; dir = dirname(dir)) this.madeFolders.add(dir);
  }
}

/**
 * Takes the next job for one side (FRONT or BACK) while fewer than `available` are claimed:
 * returns how many that side had taken before (its next job counted from its end), or -1.
 */
function claim(state: Int32Array, available: number, side: typeof FRONT | typeof BACK): number {
  for (;;) {
    if (Atomics.load(state, ABORT) === 1) return -1;
    const claimed = Atomics.load(state, CLAIMED);
    if (claimed >= available) return -1;
    if (Atomics.compareExchange(state, CLAIMED, claimed, claimed + 1) === claimed) return Atomics.add(state, side, 1);
  }
}

function writeJob(job: FileJob): { status: JobStatus; error?: Error } {
  try {
    // With `encoding` given, Node writes the string from C++ (its `writeFileUtf8`) instead of
    // making a Buffer of it first: 1,288 files on tmpfs in 20-24 ms against 26-31 ms.
    writeFileSync(job.path, job.content, { flag: job.exclusive ? "wx" : "w", encoding: "utf8" });
    return { status: JobStatus.Written };
  } catch (error) {
    const refused = job.exclusive && (error as NodeJS.ErrnoException).code === "EEXIST";
    return { status: refused ? JobStatus.Refused : JobStatus.Failed, error: error as Error };
  }
}

/** Rollback goes on past a file that cannot be removed or was never made. */
function removeQuietly(path: string): void {
  try {
    rmSync(path, { force: true });
  } catch {
    // nothing to undo
  }
}

/**
 * The helper thread's loop (write-worker.ts): one stream at a time, writing from the front as
 * batches arrive. `announce` tells the main thread it is listening.
 */
export function serveWrites(port: MessagePort, announce: () => void): void {
  let stream: HelperSide | undefined;
  port.on("message", (message: HelperMessage) => {
    if ("start" in message) stream = new HelperSide(message.start);
    else stream?.receive(message, (failure) => port.postMessage(failure));
  });
  announce();
}

class HelperSide {
  private readonly state: Int32Array;
  private readonly jobs: FileJob[] = [];
  private active: boolean;

  constructor(shared: SharedArrayBuffer) {
    this.state = new Int32Array(shared);
    // The main thread closes a stream it finished before the helper came to it.
    this.active = Atomics.compareExchange(this.state, STATE, IDLE, HELPING) === IDLE;
  }

  receive(message: Exclude<HelperMessage, { start: SharedArrayBuffer }>, report: (failure: HelperFailure) => void): void {
    if (!this.active) return;
    const { state, jobs } = this;
    let ended = "end" in message;
    try {
      if ("jobs" in message) for (const job of message.jobs) jobs.push(job);
      for (let i = claim(state, jobs.length, FRONT); i >= 0; i = claim(state, jobs.length, FRONT)) {
        const { status, error } = writeJob(jobs[i]!);
        if (error) {
          Atomics.store(state, HELPER_FAILED_AS, status);
          Atomics.store(state, HELPER_FAILED_AT, i);
          Atomics.store(state, ABORT, 1);
          report({ message: error.message, code: (error as NodeJS.ErrnoException).code });
          break;
        }
      }
    } catch (error) {
      // Not a write failure (those are caught in writeJob): stop the stream so nothing is left unwritten silently.
      Atomics.store(state, ABORT, 1);
      report({ message: `the write helper failed: ${(error as Error).message}` });
      ended = true;
    }
    if (!ended) return;
    // The main thread waits for this, whatever happened above.
    this.active = false;
    Atomics.store(state, STATE, FINISHED);
    Atomics.notify(state, STATE);
  }
}
