/** The write helper thread (see write-files.ts). */
import { parentPort, workerData, type MessagePort } from "node:worker_threads";
import { serveWrites } from "./write-files.js";

serveWrites((workerData as { port: MessagePort }).port, () => parentPort?.postMessage("ready"));
