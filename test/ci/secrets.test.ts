/**
 * Secrets never reach generated output. The test's own idea of a secret, kept apart from
 * pmgen's: every credential of an `auth` block, the value of every variable those credentials
 * refer to, and the values of variables, headers and query parameters whose names hold a
 * credential word (`token`, `secret`, `password`, `api key`, `session`...), in requests, saved
 * examples' requests and environment files; values that are JWTs or `Bearer ...` wherever they
 * are. Each is searched for in every generated file of every test and corpus collection (and
 * the rest of `../shared/collections` when it is present). Values shorter than 6 characters,
 * plain words and `{{variable}}` references are skipped.
 */
import { existsSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runGenerate } from "../../generator/cli/commands.js";
import { modelCollections } from "../../generator/pipeline.js";
import { FIXTURES, OCI_FOLDER, bufferedIo, readTree, removeDir, tempDir } from "./helpers.js";
import { assembleFolderCollection } from "../../generator/load/folder-collection.js";
import { readFileSync } from "node:fs";
import { CORPUS, SHARED_EXTRAS } from "../support.js";

const CREDENTIAL = /token|secret|passw(or)?d|\bpwd\b|passphrase|signature|credential|session|cookie|bearer|api[-_ ]?key|access[-_ ]?key|private[-_ ]?key|client[-_ ]?secret|authorization/i;
const NOT_SECRET_KEYS = /^(content-type|accept|token_?type|grant_?type|surrogate-key|opc-retry-token|idempotency-key|x-idempotency-key|tokenName|authorization_id)$/i;
/** Auth settings that say how auth is applied, not what the credential is. */
const PUBLIC_AUTH = /^(key|in|addTokenTo|headerPrefix|tokenType|grant_type|signatureMethod|algorithm|version|realm|service|region|qop|addParamsToHeader|addEmptyParamsToSign|includeBodyHash|client_authentication|accessTokenUrl|authUrl|redirect_uri|scope|tokenName|state|useBrowser|challengeAlgorithm|addAuthDataToQuery)$/;
const LOOKS_SECRET = /^(eyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]*|(Bearer|Basic) \S{12,})$/;

type Found = Map<string, string>;

/** Every secret value in a raw collection (and its environments), mapped to where it was found. */
export function secretValues(json: unknown, file: string, environments: unknown[] = []): Found {
  const found: Found = new Map();
  const add = (value: unknown, where: string) => {
    if (typeof value !== "string") return;
    const text = value.trim();
    // Plain words ("password") are not credentials and may be code.
    if (text.length < 6 || /\{\{[^}]+\}\}/.test(text) || /^<[^>]+>$/.test(text) || /^[A-Za-z_ -]+$/.test(text)) return;
    if (!found.has(text)) found.set(text, `${file} ${where}`);
  };
  const authVariables = new Set<string>();
  const authBlock = (auth: unknown, where: string) => {
    if (!auth || typeof auth !== "object") return;
    for (const [type, params] of Object.entries(auth as Record<string, unknown>)) {
      if (type === "type") continue;
      const entries: [string, unknown][] = Array.isArray(params)
        ? params.map((p) => [String((p as { key?: unknown })?.key), (p as { value?: unknown })?.value])
        : params && typeof params === "object" ? Object.entries(params) : [];
      for (const [k, v] of entries) {
        if (PUBLIC_AUTH.test(k)) continue;
        add(v, `${where} auth.${type}.${k}`);
        for (const m of String(v ?? "").matchAll(/\{\{([^{}]+)\}\}/g)) authVariables.add(m[1]!.trim());
      }
    }
  };
  const named = (list: unknown, where: string) => {
    if (!Array.isArray(list)) return;
    for (const entry of list) {
      const key = (entry as { key?: unknown })?.key;
      const value = (entry as { value?: unknown })?.value;
      if (typeof key === "string" && CREDENTIAL.test(key) && !NOT_SECRET_KEYS.test(key)) add(value, `${where} ${key}`);
      else if (typeof value === "string" && LOOKS_SECRET.test(value.trim())) add(value, `${where} ${String(key)}`);
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
  const variables: { key: unknown; value: unknown; where: string }[] = [];
  const walk = (node: unknown, where: string) => {
    if (!node || typeof node !== "object") return;
    const n = node as Record<string, unknown>;
    authBlock(n.auth, where);
    if (Array.isArray(n.variable)) for (const v of n.variable) variables.push({ key: v?.key, value: v?.value, where: `${where} variable` });
    request(n.request, where);
    if (Array.isArray(n.response)) for (const res of n.response) request((res as Record<string, unknown>)?.originalRequest, `${where} example`);
    if (Array.isArray(n.item)) for (const child of n.item) walk(child, `${where}/${(child as { name?: string })?.name ?? "?"}`);
  };
  walk(json, "");
  for (const environment of environments) {
    for (const v of ((environment as { values?: unknown[] })?.values ?? []) as { key?: unknown; value?: unknown }[]) variables.push({ key: v?.key, value: v?.value, where: "environment" });
  }
  for (const { key, value, where } of variables) {
    if (typeof key !== "string") continue;
    if ((CREDENTIAL.test(key) && !NOT_SECRET_KEYS.test(key)) || authVariables.has(key) || (typeof value === "string" && LOOKS_SECRET.test(value.trim()))) add(value, `${where} ${key}`);
  }
  return found;
}

/** A collection file and the environment files beside it (`<name>.<env>.postman_environment.json`). */
function withEnvironments(dir: string, file: string): { json: unknown; environments: unknown[] } {
  const stem = file.replace(/\.postman_collection\.json$/, "");
  const environments = readdirSync(dir)
    .filter((f) => f.startsWith(`${stem}.`) && f.endsWith(".postman_environment.json"))
    .map((f) => JSON.parse(readFileSync(join(dir, f), "utf8")));
  return { json: JSON.parse(readFileSync(join(dir, file), "utf8")), environments };
}

describe("secrets stay out of generated output", () => {
  let dir: string;
  let collections: { name: string; secrets: Found }[];
  let output: Map<string, string>;

  beforeAll(() => {
    dir = tempDir("secrets");
    const inputs: string[] = [];
    collections = [];
    for (const folder of [FIXTURES, CORPUS, ...(existsSync(SHARED_EXTRAS) ? [SHARED_EXTRAS] : [])]) {
      for (const file of readdirSync(folder).filter((f) => f.endsWith(".postman_collection.json"))) {
        if (folder === SHARED_EXTRAS && existsSync(join(CORPUS, file))) continue;
        if (folder === SHARED_EXTRAS && existsSync(join(FIXTURES, file))) continue;
        const { json, environments } = withEnvironments(folder, file);
        collections.push({ name: file, secrets: secretValues(json, file, environments) });
        inputs.push(join(folder, file));
      }
    }
    collections.push({ name: "oci-core-services", secrets: secretValues(assembleFolderCollection(OCI_FOLDER, OCI_FOLDER).json, "oci-core-services") });
    const io = bufferedIo();
    const code = runGenerate({ cwd: dir, inputs: [...inputs, OCI_FOLDER], out: "out", io, quiet: true });
    expect(code, io.stderr).toBe(0);
    output = readTree(join(dir, "out"));
    writeFileSync(
      join(dir, "names.postman_collection.json"),
      JSON.stringify({
        info: { name: "Names" },
        auth: { type: "basic", basic: [{ key: "username", value: "{{user}}" }, { key: "password", value: "basic-pass-1" }] },
        variable: [
          { key: "authServer", value: "https://auth.example.com" },
          { key: "PROJECT_KEY", value: "shop-eu" },
          { key: "apiKey", value: "abcdef123456" },
          { key: "client_secret", value: "s3cr3t-value" },
          { key: "signingKey", value: "kkkkkk999999" },
          { key: "user", value: "basic-user" },
          { key: "tenant", value: "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.abc" },
        ],
        // `{{user}}` is used by auth only (its value must stay out all the same).
        item: [{ name: "Get", request: { url: "{{authServer}}/{{PROJECT_KEY}}/{{tenant}}?k={{apiKey}}&s={{client_secret}}&g={{signingKey}}" } }],
      }),
    );
    expect(runGenerate({ cwd: dir, inputs: ["names.postman_collection.json"], out: "names-out", io: bufferedIo(), quiet: true })).toBe(0);
  }, 400_000);
  afterAll(() => removeDir(dir));

  it("finds secrets to look for (the test has teeth)", () => {
    // Counted on the committed fixtures alone (19 there), so a fresh clone without ../shared keeps the bar.
    const committed = collections.filter((c) => !existsSync(join(SHARED_EXTRAS, c.name)) || existsSync(join(CORPUS, c.name)) || existsSync(join(FIXTURES, c.name)));
    expect(committed.reduce((n, c) => n + c.secrets.size, 0)).toBeGreaterThanOrEqual(15);
    expect(output.size).toBeGreaterThan(5000);
  });

  it("a variable is secret by a credential word, a credential-looking value or auth's use, not by `auth` or `key` alone", () => {
    const [model] = modelCollections([join(dir, "names.postman_collection.json")], dir);
    const variables = Object.fromEntries(model!.ir.variables.map((v) => [v.key, [v.secret, v.default]]));
    expect(variables).toEqual({
      authServer: [false, "https://auth.example.com"],
      PROJECT_KEY: [false, "shop-eu"],
      apiKey: [true, undefined],
      client_secret: [true, undefined],
      signingKey: [true, undefined],
      tenant: [true, undefined],
    });
    const text = [...readTree(join(dir, "names-out")).values()].join("\n");
    for (const secret of ["abcdef123456", "s3cr3t-value", "kkkkkk999999", "basic-user", "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.abc"]) expect(text).not.toContain(secret);
    expect(text).toContain("https://auth.example.com");
    expect(text).toContain("shop-eu");
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
