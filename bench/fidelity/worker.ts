/**
 * A benchmark worker process: scores the APIs run.ts sends it, one at a time, and answers each
 * with its result (or the error that stopped it). Separate processes, not threads: the bench's
 * two cores each get their own heap and V8, and one API that brings its process down takes no
 * other API's result with it.
 */
import type { Mode } from "./convert.js";
import type { ApiResult } from "./result-types.js";
import { scoreApi } from "./score-api.js";

export type WorkerRequest = { api: string; modes: Mode[]; workRoot: string };
export type WorkerReply = { api: string; result?: ApiResult; error?: string; maxRssKb: number };

process.on("message", (request: WorkerRequest) => {
  scoreApi(request.api, request.modes, request.workRoot).then(
    (result) => send({ api: request.api, result, maxRssKb: process.resourceUsage().maxRSS }),
    (error: unknown) => send({ api: request.api, error: String((error as Error).stack ?? error).slice(0, 2000), maxRssKb: process.resourceUsage().maxRSS }),
  );
});

function send(reply: WorkerReply): void {
  process.send!(reply);
}
