/**
 * A capture server on 127.0.0.1: records every request (method, raw target, headers, body bytes)
 * under the label the harness sets before each item, and answers 200 `{}`.
 */
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";

export interface Captured {
  method: string;
  /** The request target as sent: path and query string, undecoded. */
  target: string;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

export interface CaptureServer {
  readonly origin: string;
  readonly port: number;
  /** Requests arriving from now on are recorded under `label`. */
  label(label: string): void;
  /** Every request recorded under `label`, in arrival order. */
  take(label: string): Captured[];
  close(): Promise<void>;
}

export async function startCaptureServer(): Promise<CaptureServer> {
  const recorded = new Map<string, Captured[]>();
  let current = "(none)";
  const server: Server = createServer((req, res) => {
    const label = current;
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const list = recorded.get(label) ?? [];
      list.push({ method: req.method ?? "", target: req.url ?? "", headers: req.headers, body: Buffer.concat(chunks) });
      recorded.set(label, list);
      res.writeHead(200, { "content-type": "application/json" });
      res.end("{}");
    });
  });
  server.keepAliveTimeout = 1;
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    origin: `http://127.0.0.1:${port}`,
    port,
    label(label) {
      current = label;
    },
    take(label) {
      const list = recorded.get(label) ?? [];
      recorded.delete(label);
      return list;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
