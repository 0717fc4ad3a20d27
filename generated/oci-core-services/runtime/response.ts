/**
 * Reading a fetch Response into the runtime's response: the body is parsed by Content-Type,
 * falling back to what the operation documents for the status when the server sends none.
 */
import type { OperationSpec } from "./spec.js";
import type { RuntimeResponse } from "./status.js";

const REQUEST_ID_HEADERS = ["opc-request-id", "x-request-id", "x-amzn-requestid", "x-github-request-id"];
const NO_BODY_STATUSES = new Set([101, 103, 204, 205, 304]);

type BodyKind = "json" | "text" | "binary";

export async function readResponse(response: Response, spec: OperationSpec, method: string): Promise<RuntimeResponse> {
  const { status, headers } = response;
  const body = method.toUpperCase() === "HEAD" || NO_BODY_STATUSES.has(status)
    ? await discard(response)
    : await readBody(response, bodyKind(headers.get("content-type"), spec.responses?.[String(status)]));
  const requestId = findRequestId(headers);
  return {
    status,
    ok: status >= 200 && status <= 299,
    body,
    headers,
    ...(requestId === undefined ? {} : { requestId }),
  };
}

export function findRequestId(headers: Headers): string | undefined {
  for (const name of REQUEST_ID_HEADERS) {
    const value = headers.get(name);
    if (value) return value;
  }
  return undefined;
}

/** The media type decides; without one, the operation's documented kind, else text. */
export function bodyKind(contentType: string | null, documented: BodyKind | undefined): BodyKind {
  const media = (contentType ?? "").split(";")[0]!.trim().toLowerCase();
  if (!media) return documented ?? "text";
  if (media === "application/json" || media.endsWith("+json") || media.endsWith("/json")) return "json";
  if (media.startsWith("text/") || media.endsWith("/xml") || media.endsWith("+xml")) return "text";
  if (media === "application/javascript" || media === "application/x-www-form-urlencoded") return "text";
  return "binary";
}

async function readBody(response: Response, kind: BodyKind): Promise<unknown> {
  if (kind === "binary") return response.blob();
  const text = await response.text();
  if (kind === "text") return text;
  if (text.trim() === "") return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    // A proxy's HTML error page under a JSON Content-Type: the text is more useful than a throw.
    return text;
  }
}

async function discard(response: Response): Promise<undefined> {
  await response.body?.cancel();
  return undefined;
}
