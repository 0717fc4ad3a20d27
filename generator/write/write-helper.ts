/**
 * The write helper: a worker thread that takes a share of a `FileStream`'s files (see
 * write-files.ts). Starting one costs about 30 ms on the other core.
 */
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { createRequire } from "node:module";
import type { Worker } from "node:worker_threads";
import type { HelperMessage } from "./write-files.js";

export interface HelperFailure {
  message: string;
  code?: string;
}

export interface WriteHelper {
  /** Settles when the helper thread is running (tests wait for it; a stream does not need to). */
  ready: Promise<void>;
  /** Posts to the helper; it reads the message as soon as it is idle. */
  post(message: HelperMessage): void;
  /** The helper's report of its failure, once it has finished a stream. */
  failure(): HelperFailure | undefined;
  close(): void;
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
  // An idle helper must not keep the process alive; a helper that dies before it takes up a
  // stream leaves the stream to this thread.
  worker.unref();
  worker.on("error", () => undefined);
  // The worker says so once it listens for streams (its module has loaded).
  const ready = new Promise<void>((resolve) => {
    worker.once("message", () => resolve());
    worker.once("exit", () => resolve());
  });
  return {
    ready,
    post: (message) => port1.postMessage(message),
    failure: () => receiveMessageOnPort(port1)?.message as HelperFailure | undefined,
    close: () => {
      port1.close();
      void worker.terminate();
    },
  };
}
