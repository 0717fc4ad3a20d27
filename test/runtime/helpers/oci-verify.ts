/**
 * Server-side OCI signature verification, written from the OCI spec independently of the
 * runtime: rebuild the signing string from the request as received and check it with the
 * public key; check x-content-sha256 against the bytes received.
 */
import { createHash, verify, type KeyObject } from "node:crypto";
import type { Captured } from "./server.js";

export interface Verdict {
  ok: boolean;
  reason?: string;
  headers?: string[];
  keyId?: string;
}

export function verifyOciRequest(request: Captured, publicKey: KeyObject): Verdict {
  const authorization = String(request.headers.authorization ?? "");
  const fields = Object.fromEntries([...authorization.matchAll(/(\w+)="([^"]*)"/g)].map((m) => [m[1], m[2]]));
  if (!authorization.startsWith("Signature ") || fields.version !== "1" || fields.algorithm !== "rsa-sha256") {
    return { ok: false, reason: `bad Authorization: ${authorization}` };
  }
  const names = String(fields.headers).split(" ");
  const lines: string[] = [];
  for (const name of names.map((n) => n.toLowerCase())) {
    if (name === "(request-target)") lines.push(`(request-target): ${request.method.toLowerCase()} ${request.url}`);
    else {
      const value = request.headers[name];
      if (value === undefined) return { ok: false, reason: `signed header ${name} missing` };
      lines.push(`${name}: ${String(value)}`);
    }
  }
  const required = ["(request-target)", "host"];
  if (["POST", "PUT", "PATCH"].includes(request.method)) required.push("content-length", "content-type", "x-content-sha256");
  const lower = names.map((n) => n.toLowerCase());
  for (const name of required) if (!lower.includes(name)) return { ok: false, reason: `${name} not signed` };
  if (!lower.includes("date") && !lower.includes("x-date")) return { ok: false, reason: "no date signed" };
  if (lower.includes("x-content-sha256")) {
    const digest = createHash("sha256").update(request.body).digest("base64");
    if (digest !== request.headers["x-content-sha256"]) return { ok: false, reason: "x-content-sha256 does not match the body" };
    if (String(request.body.length) !== request.headers["content-length"]) return { ok: false, reason: "content-length mismatch" };
  }
  const ok = verify("sha256", Buffer.from(lines.join("\n")), publicKey, Buffer.from(String(fields.signature), "base64"));
  return ok ? { ok, headers: lower, keyId: String(fields.keyId) } : { ok, reason: "signature does not verify" };
}
