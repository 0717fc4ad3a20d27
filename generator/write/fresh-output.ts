/**
 * Streaming a fresh output. While `generate` emits a collection whose folder does not exist
 * yet, each of its files goes to disk as soon as it is made, on the write helper, so creating
 * files (the slow part on a disk) overlaps generating the rest. Nothing there can be
 * overwritten: every file is created exclusively (`wx`), and a failed run removes what it wrote
 * (`FileStream.rollback`). A collection whose folder exists is planned and written as before.
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { isSafeRelativePath } from "./manifest.js";
import { FileStream } from "./write-files.js";
import { startWriteHelper, type WriteHelper } from "./write-helper.js";

/**
 * Streaming pays from a few hundred files: starting the helper and passing it the files costs
 * the main thread about 12 ms, and the second core's work slows the main thread's a little. Fresh
 * output on tmpfs, 10 to 15 runs each, before and with streaming: postman-echo (40 operations)
 * 130 -> 141-150 ms, binance-portfolio-margin (109) 172 -> 167 ms, fastly (406) 392 -> 356 ms,
 * github-v3 (623) 552-556 -> 494-541 ms, sabre-booking-management (1,077) 608-707 -> 545-660 ms
 * in two pairs, 529 -> 569 ms in a third.
 */
export const STREAM_FROM_OPERATIONS = 200;

export class FreshOutput {
  /** Output folder → the collections streamed into it. */
  private readonly fresh = new Map<string, Set<string>>();
  private helper: WriteHelper | undefined;
  private stream: FileStream | undefined;

  /**
   * Where a collection's files go as they are emitted, or undefined when its folder exists or it
   * has too few operations for streaming to pay (see STREAM_FROM_OPERATIONS).
   */
  sinkFor(outDir: string, collection: string, operations: number): ((path: string, text: string) => void) | undefined {
    if (operations < STREAM_FROM_OPERATIONS || existsSync(join(outDir, collection))) return undefined;
    const names = this.fresh.get(outDir) ?? new Set<string>();
    this.fresh.set(outDir, names.add(collection));
    if (this.stream === undefined) {
      // Started now, as inference begins, it is running (about 30 ms) before the first file is emitted.
      this.helper = startWriteHelper();
      this.stream = new FileStream(this.helper);
    }
    const stream = this.stream;
    return (path, text) => {
      const relative = `${collection}/${path}`;
      if (!isSafeRelativePath(relative)) throw new Error(`refusing to write outside the output folder: ${JSON.stringify(relative)}`);
      stream.add({ path: join(outDir, relative), content: text, exclusive: true });
    };
  }

  /** The collections of `outDir` whose files were streamed (for `planOutput`). */
  freshIn(outDir: string): ReadonlySet<string> {
    return this.fresh.get(outDir) ?? new Set();
  }

  /** The run's one stream: streamed files so far, and the rest of the writes. */
  get files(): FileStream {
    return (this.stream ??= new FileStream());
  }

  /** Stops the helper (after the stream has finished or been rolled back). */
  close(): void {
    this.helper?.close();
  }
}
