/**
 * A signed OCI POST from Chromium: the runtime (or, via PMGEN_BROWSER_MODULE_DIR and
 * PMGEN_BROWSER_ENTRY, a generated client exposing the same createRuntimeClient entry) is compiled
 * for the browser and signs in the page; the server verifies the signature with the public key.
 * Browsers forbid setting Date, so the runtime must sign x-date there.
 */
import { generateKeyPairSync } from "node:crypto";
import { rm } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyOciRequest, type Verdict } from "../runtime/helpers/oci-verify.js";
import { chromiumAvailable, compileForBrowser, launchChromium, serveSite, type Site } from "./harness.js";

const MODULE_DIR = process.env["PMGEN_BROWSER_MODULE_DIR"] ?? fileURLToPath(new URL("../../templates/runtime", import.meta.url));
const ENTRY = process.env["PMGEN_BROWSER_ENTRY"] ?? "index.js";
/** The OCI scheme's module: a generated client imports it from its runtime/, the runtime holds it in auth/. */
const OCI_MODULE = process.env["PMGEN_BROWSER_ENTRY"] ? "runtime/auth/oci.js" : "auth/oci.js";

/** Runs in the page: import the module under test and send a signed POST through it. */
const PAGE_SCENARIO = `async ({ moduleUrl, ociModuleUrl, privateKey, passphrase }) => {
  const runtime = await import(moduleUrl);
  const { ociAuth } = await import(ociModuleUrl);
  const client = runtime.createRuntimeClient({ variables: { baseUrl: location.origin }, authSchemes: { oci: ociAuth } }, {
    auth: { type: "oci", tenancyId: "ocid1.tenancy.oc1..t", userId: "ocid1.user.oc1..u", fingerprint: "aa:bb", privateKey, ...(passphrase ? { passphrase } : {}) },
  });
  const spec = {
    id: "createVolumeBackup",
    method: "POST",
    base: "{{baseUrl}}",
    overridableBase: true,
    path: "/20160918/volumeBackups",
    query: [],
    headers: [
      { key: "Authorization", kind: "auth", required: true },
      { key: "Date", kind: "auth", required: true },
      { key: "x-content-sha256", kind: "auth", required: true },
      { key: "opc-retry-token", kind: "caller", required: false },
    ],
    body: { mode: "raw", language: "json", contentType: "application/json" },
    auth: { type: "oci", params: {} },
  };
  const res = await client.send(spec, { body: { volumeId: "ocid1.volume.oc1..v", displayName: "browser \\u2713" } });
  return { status: res.status, body: res.body, requestId: res.requestId };
}`;

const available = chromiumAvailable();
if (!available) {
  console.warn(
    "\n!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!\n" +
      "!! SKIPPING the browser test: /usr/bin/chromium is missing.                   !!\n" +
      "!! Install it with: apt-get update && apt-get install -y chromium             !!\n" +
      "!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!\n",
  );
}

describe.skipIf(!available)("OCI signing in Chromium", () => {
  const pair = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const keys = {
    pkcs1: pair.privateKey.export({ type: "pkcs1", format: "pem" }).toString(),
    encryptedPkcs8: pair.privateKey.export({ type: "pkcs8", format: "pem", cipher: "aes-256-cbc", passphrase: "pw" }).toString(),
  };
  let outDir: string;
  let site: Site;
  let browser: Awaited<ReturnType<typeof launchChromium>>;

  beforeAll(async () => {
    outDir = await compileForBrowser(MODULE_DIR);
    site = await serveSite(outDir, (request, response) => {
      const verdict: Verdict = verifyOciRequest(request, pair.publicKey);
      response.writeHead(verdict.ok ? 200 : 401, { "content-type": "application/json", "opc-request-id": "browser-req" });
      response.end(JSON.stringify({ ...verdict, received: { xDate: request.headers["x-date"] ?? null, body: request.body.toString("utf8") } }));
    });
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await site?.close();
    if (outDir) await rm(outDir, { recursive: true, force: true });
  });

  it.each([
    ["PKCS#1", "pkcs1", undefined],
    ["encrypted PKCS#8", "encryptedPkcs8", "pw"],
  ] as const)("completes a signed POST with a %s key, x-date signed", async (_name, keyName, passphrase) => {
    const page = await browser.context.newPage();
    await page.goto(`${site.origin}/`);
    const args = { moduleUrl: `${site.origin}/module/${ENTRY}`, ociModuleUrl: `${site.origin}/module/${OCI_MODULE}`, privateKey: keys[keyName], passphrase };
    // Passed as source text: a function would be rewritten by vitest's transform (import() included).
    const result = (await page.evaluate(`(${PAGE_SCENARIO})(${JSON.stringify(args)})`)) as {
      status: number;
      body: unknown;
      requestId?: string;
    };
    expect(result.body).toMatchObject({ ok: true, keyId: "ocid1.tenancy.oc1..t/ocid1.user.oc1..u/aa:bb" });
    expect(result.status).toBe(200);
    expect(result.requestId).toBe("browser-req");
    const verdict = result.body as Verdict & { received: { xDate: string | null; body: string } };
    expect(verdict.headers).toEqual(["x-date", "(request-target)", "host", "content-type", "content-length", "x-content-sha256"]);
    expect(verdict.received.xDate).toMatch(/GMT$/);
    expect(JSON.parse(verdict.received.body)).toEqual({ volumeId: "ocid1.volume.oc1..v", displayName: "browser ✓" });
    await page.close();
  });
});
