/** SHA and HMAC through WebCrypto (available in Node 20 and every current browser). */
import type { Bytes } from "../types.js";
import { utf8 } from "../bytes.js";

export type ShaName = "SHA-1" | "SHA-256" | "SHA-512";

const bytesOf = (data: Bytes | string): Bytes => (typeof data === "string" ? utf8(data) : data);

export async function sha(name: ShaName, data: Bytes | string): Promise<Bytes> {
  return new Uint8Array(await crypto.subtle.digest(name, bytesOf(data)));
}

export async function hmac(name: ShaName, key: Bytes | string, data: Bytes | string): Promise<Bytes> {
  // WebCrypto rejects an empty HMAC key; HMAC zero-pads keys to the block size, so one zero byte
  // is the same key.
  const raw = bytesOf(key);
  const cryptoKey = await crypto.subtle.importKey("raw", raw.length ? raw : new Uint8Array(1), { name: "HMAC", hash: name }, false, ["sign"]);
  return new Uint8Array(await crypto.subtle.sign("HMAC", cryptoKey, bytesOf(data)));
}
