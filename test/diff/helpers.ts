/**
 * Helpers of the diff tests: small Postman collections written as data, both sides of a pair
 * generated into one folder (sharing one runtime, so one TypeScript program checks many
 * clients quickly), and caller files compiled or run against either side.
 */
import { existsSync, mkdirSync, symlinkSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { runPipeline } from "../../generator/pipeline.js";
import { diffSides } from "../../generator/diff/diff.js";
import type { DiffReport } from "../../generator/diff/report.js";
import type { Change } from "../../generator/diff/changes.js";
import { ROOT } from "../support.js";

export const SCHEMA = "https://schema.getpostman.com/json/collection/v2.1.0/collection.json";

export interface Entry {
  key: string;
  value?: string;
  disabled?: boolean;
  description?: string;
}

export interface ItemOptions {
  query?: Entry[];
  header?: Entry[];
  /** A JSON body (written as raw JSON), or a urlencoded form. */
  body?: unknown;
  form?: Entry[];
  responses?: object[];
  description?: string;
}

export function collection(items: object[], extra: Record<string, unknown> = {}): object {
  return { info: { name: "Shop", schema: SCHEMA }, item: items, ...extra };
}

/** A Postman URL object: `https://api.example.com/users/:id` with its path variables sampled as `1`. */
export function url(text: string, query: Entry[] = []): object {
  const match = /^(?:(https?):\/\/)?([^/]+)(\/.*)?$/.exec(text)!;
  const path = (match[3] ?? "").split("/").filter(Boolean);
  const enabled = query.filter((q) => !q.disabled);
  return {
    raw: `${text}${enabled.length ? `?${enabled.map((q) => `${q.key}=${q.value ?? ""}`).join("&")}` : ""}`,
    ...(match[1] ? { protocol: match[1] } : {}),
    host: match[2]!.split("."),
    path,
    query,
    variable: path.filter((s) => s.startsWith(":")).map((s) => ({ key: s.slice(1), value: "1" })),
  };
}

export function jsonBody(value: unknown): object {
  return { mode: "raw", raw: JSON.stringify(value), options: { raw: { language: "json" } } };
}

export function item(name: string, method: string, address: string, options: ItemOptions = {}): object {
  const body = options.form ? { mode: "urlencoded", urlencoded: options.form } : options.body !== undefined ? jsonBody(options.body) : undefined;
  return {
    name,
    request: {
      method,
      header: [...(options.body !== undefined ? [{ key: "Content-Type", value: "application/json" }] : []), ...(options.header ?? [])],
      url: url(address, options.query),
      ...(body ? { body } : {}),
      ...(options.description ? { description: options.description } : {}),
    },
    response: options.responses ?? [],
  };
}

/** A saved example with a JSON body; `request` gives its original request a body (another sample). */
export function example(code: number, body: unknown, options: { name?: string; headers?: Entry[]; request?: unknown } = {}): object {
  return {
    name: options.name ?? `${code}`,
    ...(options.request !== undefined ? { originalRequest: { method: "POST", url: "https://api.example.com/", body: jsonBody(options.request) } } : {}),
    code,
    status: code < 300 ? "OK" : "Error",
    header: [{ key: "Content-Type", value: "application/json" }, ...(options.headers ?? [])],
    body: body === undefined ? "" : JSON.stringify(body),
  };
}

export interface GeneratedPair {
  report: DiffReport;
  /** Each change as `<severity> <code> <operation or (collection)> <location>`. */
  changes: string[];
  /** Folders of the two generated clients (each has index.ts). */
  oldClient: string;
  newClient: string;
}

/**
 * Writes both collections under `dir/<name>/`, diffs them, and generates each into `old/` and
 * `new/` there, each with `runtime/` linked to `runtimeDir`: one TypeScript program then checks
 * the runtime once, not once per client.
 */
export function generatePair(dir: string, name: string, old: object | string, now: object | string, runtimeDir: string): GeneratedPair {
  const folder = join(dir, name);
  mkdirSync(folder, { recursive: true });
  // A collection given as data is written beside the clients; a path (a folder-form collection) is used as it is.
  const input = (side: "old" | "new", collection: object | string) => {
    if (typeof collection === "string") return collection;
    const file = join(folder, `${side}.json`);
    writeFileSync(file, JSON.stringify(collection, null, 2));
    return file;
  };
  const oldInput = input("old", old);
  const newInput = input("new", now);
  const report = diffSides({ label: "old", inputs: [oldInput], cwd: ROOT }, { label: "new", inputs: [newInput], cwd: ROOT });
  return { report, changes: changeLines(report), oldClient: writeClient(oldInput, join(folder, "old"), runtimeDir), newClient: writeClient(newInput, join(folder, "new"), runtimeDir) };
}

export function changeLines(report: DiffReport): string[] {
  const line = (owner: string, c: Change) => `${c.severity} ${c.code} ${owner} ${c.location}`;
  return report.collections.flatMap((collection) => [
    ...collection.changes.map((c) => line("(collection)", c)),
    ...collection.operations.flatMap((op) => op.changes.map((c) => line(op.id, c))),
  ]);
}

/**
 * Generates one collection (file or folder) into `out`; its `runtime/` is a link to `runtimeDir`,
 * which gathers every client's runtime modules (each client copies only the ones it imports,
 * and a module's text is the same in every client).
 */
export function writeClient(input: string, out: string, runtimeDir: string): string {
  const [generated] = runPipeline({ inputs: [input], cwd: ROOT });
  for (const [path, content] of generated!.files) {
    const shared = path.startsWith("runtime/");
    const target = shared ? join(runtimeDir, path.slice("runtime/".length)) : join(out, path);
    if (shared && existsSync(target)) continue;
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, content);
  }
  if (!existsSync(join(out, "runtime"))) symlinkSync(runtimeDir, join(out, "runtime"), "dir");
  return out;
}

/** A caller module: `call(fetch)` runs `body` with `api`, a client made with `options`, against the client in `client`. */
export function callerSource(clientImport: string, body: string, options = "", imports = ""): string {
  return [
    `import { createClient } from "${clientImport}";`,
    imports,
    "export async function call(fetch: typeof globalThis.fetch): Promise<void> {",
    `  const api = createClient({ fetch, retry: false${options ? `, ${options}` : ""} });`,
    `  ${body}`,
    "}",
    "",
  ].join("\n");
}

export interface SentRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: string;
}

/** What a caller's `call` did: the requests it sent (answered `200 {}`), or the error it threw. */
export interface Outcome {
  requests: SentRequest[];
  error?: string;
}

export async function runCaller(module: string): Promise<Outcome> {
  const { call } = (await import(module)) as { call(fetch: typeof globalThis.fetch): Promise<void> };
  const requests: SentRequest[] = [];
  const fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = new Request(input, init);
    requests.push({ method: request.method, url: request.url, headers: Object.fromEntries(request.headers), body: await request.text() });
    return new Response("{}", { status: 200, headers: { "content-type": "application/json" } });
  };
  try {
    await call(fetch as typeof globalThis.fetch);
    return { requests };
  } catch (error) {
    return { requests, error: error instanceof Error ? `${error.name}: ${error.message}` : String(error) };
  }
}
