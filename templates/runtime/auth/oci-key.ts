/**
 * Importing an OCI API signing key (RSA, PEM) into WebCrypto, which only takes PKCS#8:
 *  - `PRIVATE KEY` (PKCS#8) as is;
 *  - `RSA PRIVATE KEY` (PKCS#1) wrapped into PKCS#8; if OpenSSL-encrypted (`Proc-Type: 4,ENCRYPTED`,
 *    `DEK-Info: AES-*-CBC,<iv>`), first decrypted with EVP_BytesToKey(MD5) as OpenSSL does;
 *  - `ENCRYPTED PRIVATE KEY` (PKCS#8 with PBES2: PBKDF2 + AES-CBC) decrypted through WebCrypto.
 */
import { fromBase64, fromHex, concat, utf8 } from "../bytes.js";
import { child, children, encodeDer, integer, oid, readDer } from "../crypto/der.js";
import { md5 } from "../crypto/md5.js";
import { PrivateKeyError } from "../errors.js";
import type { Bytes } from "../types.js";

const RSA_ENCRYPTION = new Uint8Array([0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x01, 0x05, 0x00]);
const PBES2 = "1.2.840.113549.1.5.13";
const PBKDF2 = "1.2.840.113549.1.5.12";
const PRF: Record<string, string> = {
  "1.2.840.113549.2.7": "SHA-1",
  "1.2.840.113549.2.9": "SHA-256",
  "1.2.840.113549.2.10": "SHA-384",
  "1.2.840.113549.2.11": "SHA-512",
};
const AES_CBC_OID_BITS: Record<string, number> = {
  "2.16.840.1.101.3.4.1.2": 128,
  "2.16.840.1.101.3.4.1.22": 192,
  "2.16.840.1.101.3.4.1.42": 256,
};


interface Pem {
  label: string;
  headers: Record<string, string>;
  der: Bytes;
}

export function parsePem(text: string): Pem {
  const match = /-----BEGIN ([A-Z0-9 ]+)-----([\s\S]*?)-----END \1-----/.exec(text);
  if (!match) throw new PrivateKeyError("The private key is not a PEM block (-----BEGIN ... KEY-----)");
  const headers: Record<string, string> = {};
  const body: string[] = [];
  for (const line of match[2]!.split(/\r?\n/)) {
    const header = /^([A-Za-z-]+):\s*(.*)$/.exec(line.trim());
    if (header) headers[header[1]!] = header[2]!;
    else body.push(line.trim());
  }
  return { label: match[1]!, headers, der: fromBase64(body.join("")) };
}

/** PKCS#8 PrivateKeyInfo around a PKCS#1 RSAPrivateKey. */
export function pkcs1ToPkcs8(pkcs1: Bytes): Bytes {
  const version = new Uint8Array([0x02, 0x01, 0x00]);
  const algorithm = encodeDer(0x30, RSA_ENCRYPTION);
  return encodeDer(0x30, concat(version, algorithm, encodeDer(0x04, pkcs1)));
}

export async function privateKeyToPkcs8(pemText: string, passphrase: string | undefined): Promise<Bytes> {
  const pem = parsePem(pemText);
  switch (pem.label) {
    case "PRIVATE KEY":
      return pem.der;
    case "RSA PRIVATE KEY": {
      const encrypted = /ENCRYPTED/i.test(pem.headers["Proc-Type"] ?? "");
      return pkcs1ToPkcs8(encrypted ? await decryptLegacy(pem, need(passphrase)) : pem.der);
    }
    case "ENCRYPTED PRIVATE KEY":
      return decryptPbes2(pem.der, need(passphrase));
    default:
      throw new PrivateKeyError(`Unsupported PEM block "${pem.label}": expected an RSA private key`);
  }
}

export async function importRsaSigningKey(pemText: string, passphrase: string | undefined): Promise<CryptoKey> {
  const pkcs8 = await privateKeyToPkcs8(pemText, passphrase);
  try {
    return await crypto.subtle.importKey("pkcs8", pkcs8, { name: "RSASSA-PKCS1-v1_5", hash: "SHA-256" }, false, ["sign"]);
  } catch (cause) {
    throw new PrivateKeyError("The private key could not be imported (not an RSA key, or a wrong passphrase)", { cause });
  }
}

function need(passphrase: string | undefined): string {
  if (passphrase === undefined) throw new PrivateKeyError("The private key is encrypted: pass its passphrase");
  return passphrase;
}

/** OpenSSL's EVP_BytesToKey with MD5 and one iteration: D_i = MD5(D_{i-1} || pass || salt). */
export function evpBytesToKey(passphrase: string, salt: Bytes, keyLength: number): Bytes {
  const pass = utf8(passphrase);
  let derived = new Uint8Array(0);
  let block: Bytes = new Uint8Array(0);
  while (derived.length < keyLength) {
    block = md5(concat(block, pass, salt));
    derived = concat(derived, block);
  }
  return derived.slice(0, keyLength);
}

async function decryptLegacy(pem: Pem, passphrase: string): Promise<Bytes> {
  const [cipher = "", ivHex = ""] = (pem.headers["DEK-Info"] ?? "").split(",").map((s) => s.trim());
  const bits = /^AES-(128|192|256)-CBC$/i.exec(cipher)?.[1];
  if (!bits) throw new PrivateKeyError(`Unsupported key encryption "${cipher}": re-encrypt the key with AES (openssl pkcs8 -topk8)`);
  const iv = fromHex(ivHex);
  return aesCbcDecrypt(evpBytesToKey(passphrase, iv.slice(0, 8), Number(bits) / 8), iv, pem.der);
}

async function decryptPbes2(der: Bytes, passphrase: string): Promise<Bytes> {
  const info = readDer(der);
  const algorithm = child(info, 0);
  if (oid(child(algorithm, 0)) !== PBES2) throw new PrivateKeyError("Unsupported encrypted key: only PBES2 is supported");
  const params = child(algorithm, 1);
  const kdf = child(params, 0);
  const scheme = child(params, 1);
  if (oid(child(kdf, 0)) !== PBKDF2) throw new PrivateKeyError("Unsupported key derivation: only PBKDF2 is supported");
  const kdfParams = children(child(kdf, 1));
  const salt = kdfParams[0]!.value.slice();
  const iterations = integer(kdfParams[1]!);
  const prfNode = kdfParams.find((node) => node.tag === 0x30);
  const hash = prfNode ? PRF[oid(child(prfNode, 0))] : "SHA-1";
  const bits = AES_CBC_OID_BITS[oid(child(scheme, 0))];
  if (!hash || !bits) throw new PrivateKeyError("Unsupported PBES2 cipher or PRF: expected AES-CBC with HMAC-SHA*");
  const iv = child(scheme, 1).value.slice();
  const base = await crypto.subtle.importKey("raw", utf8(passphrase), "PBKDF2", false, ["deriveBits"]);
  const key = new Uint8Array(await crypto.subtle.deriveBits({ name: "PBKDF2", salt, iterations, hash }, base, bits));
  return aesCbcDecrypt(key, iv, child(info, 1).value.slice());
}

async function aesCbcDecrypt(rawKey: Bytes, iv: Bytes, data: Bytes): Promise<Bytes> {
  const key = await crypto.subtle.importKey("raw", rawKey, "AES-CBC", false, ["decrypt"]);
  try {
    return new Uint8Array(await crypto.subtle.decrypt({ name: "AES-CBC", iv }, key, data));
  } catch (cause) {
    throw new PrivateKeyError("The private key could not be decrypted: wrong passphrase?", { cause });
  }
}
