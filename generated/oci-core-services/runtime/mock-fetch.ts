/**
 * `createMockFetch(fixtures)`: a fetch that answers from saved examples, for tests and offline
 * development (`createClient({ fetch: createMockFetch(fixtures) })`).
 *
 * Fixture shape (the generator emits one per saved Postman example):
 *   {
 *     operation: "getVolumeBackup",               // the operation id, for messages
 *     method: "GET",
 *     path: "/volumeBackups/:volumeBackupId",     // the operation's path template
 *     query?: { limit: "10" },                    // the example request's query, if any
 *     requestBody?: { displayName: "x" },         // the example request's JSON body, if any
 *     status: 200,
 *     headers: { "content-type": "application/json" },
 *     body: { id: "ocid1..." }                    // JSON value, or text for non-JSON responses
 *   }
 *
 * A request matches fixtures with its method and path: `:name` and `{{var}}` segments are
 * wildcards, and the template is matched against the end of the URL path so a base path
 * (`/20160918`) does not matter. Among matches the most specific path wins, then the best query
 * match, then the best JSON body match; ties go to the earliest fixture. No match: a 501 with a
 * JSON body saying what was asked and what exists.
 */
import { pathVariable } from "./url.js";

export interface MockFixture {
  operation: string;
  /** The saved example's name, for humans reading fixtures and mock misses. */
  name?: string;
  method: string;
  path: string;
  query?: Record<string, string>;
  requestBody?: unknown;
  status: number;
  headers: Record<string, string>;
  body: unknown;
}

const NULL_BODY_STATUSES = new Set([101, 103, 204, 205, 304]);

export function createMockFetch(fixtures: readonly MockFixture[]): typeof fetch {
  const mock = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const request = new Request(input, init);
    if (request.signal.aborted) throw request.signal.reason;
    const url = new URL(request.url);
    const segments = url.pathname.split("/").filter(Boolean).map(safeDecode);
    const body = await readJson(request);
    let best: { fixture: MockFixture; score: number[] } | undefined;
    for (const fixture of fixtures) {
      if (fixture.method.toUpperCase() !== request.method.toUpperCase()) continue;
      const literal = matchPath(fixture.path, segments);
      if (literal === undefined) continue;
      const score = [literal, queryScore(fixture.query, url.searchParams), bodyScore(fixture.requestBody, body)];
      if (!best || compare(score, best.score) > 0) best = { fixture, score };
    }
    return best ? respond(best.fixture) : unmatched(request.method, url, fixtures);
  };
  return mock as typeof fetch;
}

/** Literal segments matched, or undefined when the template does not match the path's end. */
function matchPath(template: string, segments: readonly string[]): number | undefined {
  const parts = template.split("?")[0]!.split("/").filter(Boolean);
  if (parts.length > segments.length) return undefined;
  const tail = segments.slice(segments.length - parts.length);
  let literal = 0;
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!;
    const variable = pathVariable(part);
    if (variable !== undefined) {
      // `:Sid.json` matches any segment that ends with `.json`.
      if (!tail[i]!.endsWith(variable.suffix) || tail[i]!.length === variable.suffix.length) return undefined;
      continue;
    }
    if (/^\{\{[^{}]+\}\}$/.test(part)) continue;
    if (safeDecode(part) !== tail[i]) return undefined;
    literal++;
  }
  return literal;
}

function queryScore(expected: Record<string, string> | undefined, actual: URLSearchParams): number {
  let score = 0;
  for (const [key, value] of Object.entries(expected ?? {})) score += actual.getAll(key).includes(value) ? 1 : -1;
  return score;
}

/** 1000 for an equal body, else the share of equal top-level fields scaled to 0..999. */
function bodyScore(expected: unknown, actual: unknown): number {
  if (expected === undefined || actual === undefined) return 0;
  if (deepEqual(expected, actual)) return 1000;
  if (!isRecord(expected) || !isRecord(actual)) return 0;
  const keys = new Set([...Object.keys(expected), ...Object.keys(actual)]);
  const same = [...keys].filter((k) => deepEqual(expected[k], actual[k])).length;
  return Math.floor((same / Math.max(1, keys.size)) * 999);
}

function compare(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return (a[i] ?? 0) - (b[i] ?? 0);
  return 0;
}

function respond(fixture: MockFixture): Response {
  const headers = new Headers(fixture.headers);
  let text: string | null = null;
  if (!NULL_BODY_STATUSES.has(fixture.status) && fixture.body !== undefined && fixture.body !== null) {
    const isJson = /json/i.test(headers.get("content-type") ?? "") || typeof fixture.body !== "string";
    text = typeof fixture.body === "string" ? fixture.body : JSON.stringify(fixture.body);
    if (isJson && !headers.has("content-type")) headers.set("content-type", "application/json");
  }
  return new Response(text, { status: fixture.status, headers });
}

function unmatched(method: string, url: URL, fixtures: readonly MockFixture[]): Response {
  const message = {
    error: "No mock fixture matches this request",
    request: { method, path: url.pathname, query: Object.fromEntries(url.searchParams) },
    hint: "Fixtures match on method and path template (`:name` segments are wildcards); these exist:",
    fixtures: fixtures.map((f) => ({ operation: f.operation, method: f.method, path: f.path, status: f.status })),
  };
  return new Response(JSON.stringify(message, null, 2), { status: 501, headers: { "content-type": "application/json" } });
}

async function readJson(request: Request): Promise<unknown> {
  const text = await request.text();
  if (!text) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function deepEqual(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => deepEqual(x, b[i]));
  if (isRecord(a) && isRecord(b)) {
    const keys = Object.keys(a);
    return keys.length === Object.keys(b).length && keys.every((k) => deepEqual(a[k], b[k]));
  }
  return false;
}
