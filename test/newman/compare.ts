/**
 * Compares the request Newman sent with the one the generated client sent: method, path, query
 * string, headers and body (JSON as JSON, multipart part by part, anything else byte for byte).
 * Postman dynamic variables (`{{$guid}}`, `{{$timestamp}}`...) differ per send, so two texts that
 * differ are compared again with such values replaced by their shape (`<uuid>`, `<timestamp>`).
 */
import { isDeepStrictEqual } from "node:util";
import type { Captured } from "./capture.js";

export interface Difference {
  part: string;
  newman: string;
  client: string;
}

/** Headers the transports add on their own: Newman's (user agent, token, caching, framing) and fetch's. */
const TRANSPORT_HEADERS = new Set(["user-agent", "postman-token", "cache-control", "accept-encoding", "connection"]);
/** Added by fetch (undici) when the request does not set them. */
const FETCH_HEADERS = new Set(["accept-language", "sec-fetch-mode"]);

const SHAPES: [RegExp, string][] = [
  [/[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}/gi, "<uuid>"],
  [/\d{4}-\d{2}-\d{2}T\d{2}(:|%3A)\d{2}(:|%3A)\d{2}(\.\d+)?Z/gi, "<iso-timestamp>"],
  [/(?<![\d.])1[6-9]\d{8}(?![\d.])/g, "<timestamp>"],
];

/** Shapes of dynamic variables that have no distinctive form, applied only where an item uses them. */
const ITEM_SHAPES: Record<string, [RegExp, string]> = {
  $randomInt: [/(?<![\d.])\d{1,4}(?![\d.])/g, "<int>"],
};

let itemShapes: [RegExp, string][] = [];

export function shape(text: string): string {
  return [...SHAPES, ...itemShapes].reduce((out, [pattern, name]) => out.replace(pattern, name), text);
}

function sameText(a: string, b: string): boolean {
  return a === b || shape(a) === shape(b);
}

/** `dynamic`: the dynamic variables (`$randomInt`...) the item's request uses. */
export function compareCaptures(newman: Captured, client: Captured, dynamic: readonly string[] = []): Difference[] {
  itemShapes = dynamic.flatMap((name) => (ITEM_SHAPES[name] ? [ITEM_SHAPES[name]] : []));
  const out: Difference[] = [];
  const check = (part: string, a: string, b: string) => {
    if (!sameText(a, b)) out.push({ part, newman: a, client: b });
  };
  check("method", newman.method, client.method);
  const [newmanPath, newmanQuery = ""] = splitTarget(newman.target);
  const [clientPath, clientQuery = ""] = splitTarget(client.target);
  check("path", newmanPath, clientPath);
  check("query", newmanQuery, clientQuery);

  const body = compareBodies(newman, client);
  if (body.difference) out.push(body.difference);

  const names = new Set([...Object.keys(newman.headers), ...Object.keys(client.headers)]);
  for (const name of [...names].sort()) {
    if (TRANSPORT_HEADERS.has(name)) continue;
    if (name === "content-length" && body.framingMayDiffer) continue;
    const a = headerText(newman.headers[name]);
    const b = headerText(client.headers[name]);
    if (a === undefined && FETCH_HEADERS.has(name)) continue;
    if (name === "content-type" && body.multipart) {
      check(`header ${name}`, multipartType(a), multipartType(b));
      continue;
    }
    check(`header ${name}`, a ?? "(absent)", b ?? "(absent)");
  }
  return out;
}

function splitTarget(target: string): [string, string?] {
  const at = target.indexOf("?");
  return at === -1 ? [target] : [target.slice(0, at), target.slice(at + 1)];
}

function headerText(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value.join(", ") : value;
}

function multipartType(value: string | undefined): string {
  return (value ?? "(absent)").replace(/;\s*boundary=[^;]*/i, "; boundary=*");
}

interface BodyComparison {
  difference?: Difference;
  /** Bodies are equal as JSON or as multipart parts, but their bytes (and so length) may differ. */
  framingMayDiffer: boolean;
  multipart: boolean;
}

function compareBodies(newman: Captured, client: Captured): BodyComparison {
  const a = newman.body.toString("latin1");
  const b = client.body.toString("latin1");
  const type = headerText(newman.headers["content-type"]) ?? headerText(client.headers["content-type"]) ?? "";
  const multipart = /multipart\/form-data/i.test(type);
  if (a === b) return { framingMayDiffer: false, multipart };
  if (multipart) {
    const partsA = parseMultipart(newman);
    const partsB = parseMultipart(client);
    const same = partsA.length === partsB.length && partsA.every((p, i) => p.name === partsB[i]!.name && p.filename === partsB[i]!.filename && sameText(p.content, partsB[i]!.content));
    return {
      framingMayDiffer: true,
      multipart,
      ...(same ? {} : { difference: { part: "body (multipart)", newman: JSON.stringify(partsA), client: JSON.stringify(partsB) } }),
    };
  }
  const jsonA = parseJson(shape(newman.body.toString("utf8")));
  const jsonB = parseJson(shape(client.body.toString("utf8")));
  if (jsonA.ok && jsonB.ok) {
    return {
      framingMayDiffer: true,
      multipart,
      ...(isDeepStrictEqual(jsonA.value, jsonB.value) ? {} : { difference: { part: "body (json)", newman: clip(a), client: clip(b) } }),
    };
  }
  if (sameText(a, b)) return { framingMayDiffer: false, multipart };
  return { framingMayDiffer: false, multipart, difference: { part: "body", newman: clip(a), client: clip(b) } };
}

function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false };
  }
}

function clip(text: string): string {
  return text.length > 400 ? `${text.slice(0, 400)}…` : text;
}

export interface Part {
  name?: string;
  filename?: string;
  content: string;
}

function parseMultipart(captured: Captured): Part[] {
  const type = headerText(captured.headers["content-type"]) ?? "";
  const boundary = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(type);
  if (!boundary) return [{ content: captured.body.toString("latin1") }];
  const delimiter = `--${boundary[1] ?? boundary[2]!.trim()}`;
  const text = captured.body.toString("latin1");
  return text
    .split(delimiter)
    .slice(1, -1)
    .map((chunk) => {
      const body = chunk.replace(/^\r\n/, "").replace(/\r\n$/, "");
      const split = body.indexOf("\r\n\r\n");
      const head = split === -1 ? body : body.slice(0, split);
      const content = split === -1 ? "" : body.slice(split + 4);
      const disposition = /content-disposition:([^\r\n]*)/i.exec(head)?.[1] ?? "";
      const name = /\bname="([^"]*)"/i.exec(disposition)?.[1];
      const filename = /\bfilename="([^"]*)"/i.exec(disposition)?.[1];
      return { name, filename, content };
    });
}
