/**
 * Secrets never reach generated output: values of every `auth` block, of variables named like
 * secrets, and of query parameters and headers named like secrets (in requests and in saved
 * examples' original requests) are searched for in every generated file of every test
 * collection. Values shorter than 6 characters and `{{variable}}` references are skipped.
 */
import { readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runGenerate } from "../../generator/cli/commands.js";
import { FIXTURES, OCI_FOLDER, bufferedIo, readTree, removeDir, tempDir } from "./helpers.js";
import { assembleFolderCollection } from "../../generator/load/folder-collection.js";
import { readFileSync } from "node:fs";

const SECRET_NAME = /token|key|secret|passw(or)?d|signature|private|credential|session|cookie/i;
const NOT_SECRET_KEYS = /^(content-type|accept|keys?|key_?name|api-key-name|keyword|token_?type|surrogate-key|opc-retry-token|idempotency-key)$/i;
/** Auth settings that say how auth is applied, not what the credential is. */
const PUBLIC_AUTH = /^(key|in|addTokenTo|headerPrefix|tokenType|grant_type|signatureMethod|algorithm|version|realm|service|region|qop|username|user|addParamsToHeader|addEmptyParamsToSign|includeBodyHash|client_authentication|accessTokenUrl|authUrl|scope|tokenName)$/;

type Found = Map<string, string>;

/** Every secret-like value in a raw collection, mapped to where it was found. */
export function secretValues(json: unknown, file: string): Found {
  const found: Found = new Map();
  const add = (value: unknown, where: string) => {
    if (typeof value !== "string") return;
    const text = value.trim();
    // Plain words ("password") are not credentials and may be code.
    if (text.length < 6 || /^\{\{[^}]+\}\}$/.test(text) || /^<[^>]+>$/.test(text) || /^[A-Za-z_ -]+$/.test(text)) return;
    if (!found.has(text)) found.set(text, `${file} ${where}`);
  };
  const authBlock = (auth: unknown, where: string) => {
    if (!auth || typeof auth !== "object") return;
    for (const [type, params] of Object.entries(auth as Record<string, unknown>)) {
      if (type === "type") continue;
      const entries: [string, unknown][] = Array.isArray(params)
        ? params.map((p) => [String((p as { key?: unknown })?.key), (p as { value?: unknown })?.value])
        : params && typeof params === "object" ? Object.entries(params) : [];
      for (const [k, v] of entries) if (!PUBLIC_AUTH.test(k)) add(v, `${where} auth.${type}.${k}`);
    }
  };
  const named = (list: unknown, where: string) => {
    if (!Array.isArray(list)) return;
    for (const entry of list) {
      const key = (entry as { key?: unknown })?.key;
      if (typeof key === "string" && SECRET_NAME.test(key) && !NOT_SECRET_KEYS.test(key)) add((entry as { value?: unknown }).value, `${where} ${key}`);
    }
  };
  const request = (req: unknown, where: string) => {
    if (!req || typeof req !== "object") return;
    const r = req as Record<string, unknown>;
    authBlock(r.auth, where);
    named(r.header, `${where} header`);
    const url = r.url as Record<string, unknown> | undefined;
    if (url && typeof url === "object") named(url.query, `${where} query`);
  };
  const walk = (node: unknown, where: string) => {
    if (!node || typeof node !== "object") return;
    const n = node as Record<string, unknown>;
    authBlock(n.auth, where);
    named(n.variable, `${where} variable`);
    request(n.request, where);
    if (Array.isArray(n.response)) for (const res of n.response) request((res as Record<string, unknown>)?.originalRequest, `${where} example`);
    if (Array.isArray(n.item)) for (const child of n.item) walk(child, `${where}/${(child as { name?: string })?.name ?? "?"}`);
  };
  walk(json, "");
  return found;
}

describe("secrets stay out of generated output", () => {
  let dir: string;
  let collections: { name: string; secrets: Found }[];
  let output: Map<string, string>;

  beforeAll(() => {
    dir = tempDir("secrets");
    collections = readdirSync(FIXTURES)
      .filter((f) => f.endsWith(".json"))
      .map((f) => ({ name: f, secrets: secretValues(JSON.parse(readFileSync(join(FIXTURES, f), "utf8")), f) }));
    collections.push({ name: "oci-core-services", secrets: secretValues(assembleFolderCollection(OCI_FOLDER, OCI_FOLDER).json, "oci-core-services") });
    const io = bufferedIo();
    const code = runGenerate({ cwd: dir, inputs: [FIXTURES, OCI_FOLDER], out: "out", io, quiet: true });
    expect(code, io.stderr).toBe(0);
    output = readTree(join(dir, "out"));
  }, 240_000);
  afterAll(() => removeDir(dir));

  it("finds secrets to look for (the test has teeth)", () => {
    const total = collections.reduce((n, c) => n + c.secrets.size, 0);
    expect(total).toBeGreaterThanOrEqual(5);
    expect(output.size).toBeGreaterThan(1000);
  });

  it("no secret value appears in any generated file (client, types, fixtures, comments)", () => {
    const leaks: string[] = [];
    for (const { secrets } of collections) {
      for (const [value, where] of secrets) {
        for (const [path, content] of output) {
          // runtime/ is pmgen's own code, copied verbatim; the manifest holds hashes and paths.
          if (path.includes("/runtime/") || path.endsWith(".pmgen-manifest.json")) continue;
          if (content.includes(value)) {
            leaks.push(`${JSON.stringify(value.slice(0, 40))} (${where}) in ${path}`);
            break;
          }
        }
      }
    }
    expect(leaks).toEqual([]);
  });

  it("credential headers of saved examples are redacted in fixtures", () => {
    const dirOut = tempDir("secrets-headers");
    try {
      const collection = {
        info: { name: "Creds", schema: "https://schema.getpostman.com/json/collection/v2.1.0/collection.json" },
        item: [
          {
            name: "Login",
            request: { method: "GET", url: "https://api.example.com/me?access_token=live-token-123456" },
            response: [
              {
                name: "ok",
                code: 200,
                originalRequest: { method: "GET", url: "https://api.example.com/me?access_token=live-token-123456", header: [{ key: "Authorization", value: "Bearer sk_live_abcdef" }] },
                header: [
                  { key: "Set-Cookie", value: "session=s3ss10n-value-xyz" },
                  { key: "X-Api-Key", value: "apikey-value-987654" },
                  { key: "Content-Type", value: "application/json" },
                ],
                body: '{"ok":true}',
              },
            ],
          },
        ],
      };
      writeFileSync(join(dirOut, "creds.json"), JSON.stringify(collection));
      expect(runGenerate({ cwd: dirOut, inputs: ["creds.json"], out: "out", io: bufferedIo(), quiet: true })).toBe(0);
      const files = readTree(join(dirOut, "out/creds"));
      const all = [...files.values()].join("\n");
      for (const secret of ["live-token-123456", "sk_live_abcdef", "s3ss10n-value-xyz", "apikey-value-987654"]) expect(all).not.toContain(secret);
      expect(files.get("fixtures/login.ts")).toContain("[redacted]");
    } finally {
      removeDir(dirOut);
    }
  });
});
