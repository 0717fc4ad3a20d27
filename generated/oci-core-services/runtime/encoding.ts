/**
 * Percent-encoding as Postman does it (postman-url-encoder 3): UTF-8 bytes, C0 controls, DEL
 * and non-ASCII always encoded, plus a per-component set; an existing `%XX` is kept as is so
 * collection text that is already encoded is not encoded twice.
 *
 * Values a caller passes in code are data, not pre-encoded URL text, so they are encoded with
 * `strict`: `%` and `+` are encoded too (a `+` in a query is read as a space by most servers),
 * and `/` in a path parameter so a value stays one path segment.
 */

const C0_AND_DEL = (code: number): boolean => code < 0x20 || code === 0x7f;

const set = (chars: string): ReadonlySet<number> => new Set(Array.from(chars, (c) => c.charCodeAt(0)));

/** Postman's path set: the WHATWG path percent-encode set. */
export const PATH_SET = set(' "<>`#?{}');
/** Postman's query key set: the WHATWG query set plus `&` and `=`. */
export const QUERY_KEY_SET = set(" \"#'<>&=");
/** Postman's query value set: the WHATWG query set plus `&`. */
export const QUERY_VALUE_SET = set(" \"#'<>&");

const STRICT_EXTRA = set("%+");
const SEGMENT_SET: ReadonlySet<number> = new Set([...PATH_SET, ...set("/")]);

const encoder = new TextEncoder();
const HEX = /^[0-9A-Fa-f]$/;

export function percentEncode(value: string, chars: ReadonlySet<number>, strict = false): string {
  const bytes = encoder.encode(value);
  let out = "";
  for (let i = 0; i < bytes.length; i++) {
    const byte = bytes[i]!;
    if (!strict && byte === 0x25 && isHex(bytes[i + 1]) && isHex(bytes[i + 2])) {
      out += `%${String.fromCharCode(bytes[i + 1]!, bytes[i + 2]!)}`;
      i += 2;
      continue;
    }
    const encode = byte > 0x7f || C0_AND_DEL(byte) || chars.has(byte) || (strict && STRICT_EXTRA.has(byte));
    out += encode ? `%${byte.toString(16).toUpperCase().padStart(2, "0")}` : String.fromCharCode(byte);
  }
  return out;
}

/** A caller's path parameter value: one segment, exactly as given. */
export function encodePathSegment(value: string): string {
  return percentEncode(value, SEGMENT_SET, true);
}

function isHex(byte: number | undefined): boolean {
  return byte !== undefined && HEX.test(String.fromCharCode(byte));
}

/** RFC 3986 unreserved-only encoding, as OAuth 1 and AWS SigV4 require. */
export function rfc3986(value: string): string {
  return encodeURIComponent(value).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}
