/** The little DER (ASN.1) reading and writing that private-key handling needs. */
import type { Bytes } from "../types.js";
import { concat } from "../bytes.js";

export interface DerNode {
  tag: number;
  /** The value's bytes (without tag and length). */
  value: Bytes;
  /** Offset just past this node in the buffer it was read from. */
  end: number;
}

export function readDer(bytes: Bytes, offset = 0): DerNode {
  const tag = bytes[offset];
  let length = bytes[offset + 1];
  if (tag === undefined || length === undefined) throw new RangeError("Truncated DER");
  let start = offset + 2;
  if (length & 0x80) {
    const count = length & 0x7f;
    length = 0;
    for (let i = 0; i < count; i++) length = length * 256 + (bytes[start + i] ?? 0);
    start += count;
  }
  if (start + length > bytes.length) throw new RangeError("Truncated DER");
  return { tag, value: bytes.subarray(start, start + length), end: start + length };
}

/** The children of a constructed node (SEQUENCE). */
export function children(node: DerNode): DerNode[] {
  const out: DerNode[] = [];
  for (let offset = 0; offset < node.value.length; ) {
    const child = readDer(node.value, offset);
    out.push(child);
    offset = child.end;
  }
  return out;
}

export function child(node: DerNode, index: number): DerNode {
  const found = children(node)[index];
  if (!found) throw new RangeError(`DER node has no child ${index}`);
  return found;
}

export function oid(node: DerNode): string {
  if (node.tag !== 0x06) throw new RangeError("Expected an OBJECT IDENTIFIER");
  const v = node.value;
  const first = v[0] ?? 0;
  const parts = [Math.floor(first / 40), first % 40];
  let n = 0;
  for (let i = 1; i < v.length; i++) {
    n = n * 128 + (v[i]! & 0x7f);
    if (!(v[i]! & 0x80)) {
      parts.push(n);
      n = 0;
    }
  }
  return parts.join(".");
}

export function integer(node: DerNode): number {
  if (node.tag !== 0x02) throw new RangeError("Expected an INTEGER");
  return node.value.reduce((n, b) => n * 256 + b, 0);
}

export function encodeDer(tag: number, value: Uint8Array): Bytes {
  const len = value.length;
  let header: number[];
  if (len < 0x80) header = [tag, len];
  else {
    const lengthBytes: number[] = [];
    for (let n = len; n > 0; n = Math.floor(n / 256)) lengthBytes.unshift(n % 256);
    header = [tag, 0x80 | lengthBytes.length, ...lengthBytes];
  }
  return concat(new Uint8Array(header), value);
}
