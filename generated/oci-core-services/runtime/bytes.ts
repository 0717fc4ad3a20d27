/** Byte helpers on Uint8Array only (no Buffer: the runtime also runs in browsers). */
import type { Bytes, PreparedRequest } from "./types.js";

const encoder = new TextEncoder();

export function utf8(text: string): Bytes {
  return encoder.encode(text);
}

export function hex(bytes: Uint8Array): string {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}

export function base64(bytes: Uint8Array): string {
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary);
}

export function fromBase64(text: string): Bytes {
  const binary = atob(text.replace(/\s+/g, ""));
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

export function fromHex(text: string): Bytes {
  if (text.length % 2 !== 0 || /[^0-9a-f]/i.test(text)) throw new Error(`Not a hex string: ${text}`);
  const bytes = new Uint8Array(text.length / 2);
  for (let i = 0; i < bytes.length; i++) bytes[i] = parseInt(text.slice(i * 2, i * 2 + 2), 16);
  return bytes;
}

export function concat(...parts: readonly Uint8Array[]): Bytes {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

/**
 * The exact bytes the request will send, for signers that hash the body. Blob and FormData
 * bodies are replaced by their bytes (FormData with its multipart Content-Type, boundary
 * included) so what is hashed is what goes on the wire.
 */
export async function bodyBytes(request: PreparedRequest): Promise<Bytes> {
  const body = request.body;
  if (body === undefined) return new Uint8Array(0);
  if (typeof body === "string") return utf8(body);
  if (body instanceof Uint8Array) return body;
  if (body instanceof Blob) {
    const bytes = new Uint8Array(await body.arrayBuffer());
    request.body = bytes;
    return bytes;
  }
  const encoded = new Response(body);
  const bytes = new Uint8Array(await encoded.arrayBuffer());
  const contentType = encoded.headers.get("content-type");
  if (contentType) request.headers.set("content-type", contentType);
  request.body = bytes;
  return bytes;
}
