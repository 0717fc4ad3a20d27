/**
 * How much creating files costs on the bench's disk right now, and waiting until it costs what it
 * usually does.
 *
 * On ext4 without a journal (this VM's disk), a new inode is never one freed in the last minute
 * (several, while its inode table block is unwritten) if another is free: `find_inode_bit` in
 * fs/ext4/ialloc.c reads the deletion time of each free inode it meets (`recently_deleted`) and
 * passes over the recent ones. A folder made in a block group where many files were just
 * deleted (a previous bench's cleanup, a test run) therefore costs a scan of them for every file
 * created in it. Measured here, `pmgen generate` of github-v3 (1,287 files) into new folders
 * inside a folder just deleted (18,032 files) and made again: 0.33-0.37 s of kernel time 20 to 75 s
 * after, 0.15-0.27 s after two to six minutes, 0.12-0.13 s after seven, as in any other folder
 * (0.09-0.13 s, even right after deleting 36,064 files whose folder was not made again). That is
 * the disk's recent past, not the command being timed, so the bench waits it out.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";

export interface Probe {
  /** Wall time of creating the files. */
  ms: number;
  /** Kernel time of creating them. */
  systemMs: number;
}

/** As many files as github-v3's output, of about their average size (5.3 MB in 1,287 files). */
export const PROBE_FILES = 1287;
const PROBE_TEXT = "x".repeat(4096);

/** Creates PROBE_FILES files in the new folder `dir` (left in place: deleting them is what slows the next ones). */
export function probeFileCreation(dir: string): Probe {
  mkdirSync(dir, { recursive: true });
  const cpu = process.cpuUsage();
  const started = process.hrtime.bigint();
  for (let i = 0; i < PROBE_FILES; i++) writeFileSync(join(dir, `f${i}.ts`), PROBE_TEXT);
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  return { ms, systemMs: process.cpuUsage(cpu).system / 1000 };
}

export interface Settled {
  /** Every probe of the disk, in order; the last QUIET_PROBES are the ones the runs start after. */
  probes: Probe[];
  /** The same probe in memory (tmpfs), when there is one. */
  memory?: Probe;
  waitedMs: number;
  /** The last probes were not all under `limitMs` when the waiting ran out. */
  unsettled: boolean;
}

/** How many probes in a row must be under the limit. */
export const QUIET_PROBES = 3;

/**
 * Probes `parent` (a new folder in it each time) until creating the files took at most
 * `limitMs` of wall time QUIET_PROBES times in a row, waiting `intervalMs` between probes, for at
 * most `maxWaitMs`. Several, because successive new folders land in different block groups:
 * while the deletions wear off, probes alternate between slow and nearly quiet (205, 97, 265,
 * 108, 278, 75, 165, 75, 169, then 53 ms, after which a fresh pmgen run still spent 0.12 s in
 * the kernel instead of 0.08-0.09 s); and a quiet disk on a slow spell of the VM gives 40-50 ms,
 * so one probe is too noisy to decide on.
 */
export function settleDisk(parent: string, limitMs: number, options: { memory?: string; intervalMs?: number; maxWaitMs?: number } = {}): Settled {
  const { intervalMs = 30_000, maxWaitMs = 480_000 } = options;
  const memory = options.memory === undefined ? undefined : probeFileCreation(join(options.memory, "probe"));
  const probes: Probe[] = [];
  const started = Date.now();
  for (;;) {
    const probe = probeFileCreation(join(parent, `probe-${probes.length + 1}`));
    probes.push(probe);
    if (probes.length >= QUIET_PROBES && probes.slice(-QUIET_PROBES).every((p) => p.ms <= limitMs)) return { probes, memory, waitedMs: Date.now() - started, unsettled: false };
    if (Date.now() - started + intervalMs > maxWaitMs) return { probes, memory, waitedMs: Date.now() - started, unsettled: true };
    process.stderr.write(`disk probe: ${PROBE_FILES.toLocaleString("en-US")} files in ${probe.ms.toFixed(0)} ms (${probe.systemMs.toFixed(0)} ms kernel), not yet ${QUIET_PROBES} in a row under ${limitMs} ms: waiting ${intervalMs / 1000} s\n`);
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, intervalMs);
  }
}
