/**
 * The generated OCI client itself (generated/oci-core-services), compiled for the browser with
 * browser libraries only, completes a signed CreateVolumeBackup from Chromium; the server
 * verifies the signature with the public key and answers with a saved example.
 */
import { generateKeyPairSync } from "node:crypto";
import { rm } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createVolumeBackupExamples } from "../../generated/oci-core-services/fixtures/createVolumeBackup.js";
import { verifyOciRequest } from "../runtime/helpers/oci-verify.js";
import { chromiumAvailable, compileForBrowser, launchChromium, serveSite, type Site } from "./harness.js";

const CLIENT_DIR = fileURLToPath(new URL("../../generated/oci-core-services", import.meta.url));

/** Runs in the page, exactly as an application would use the client. */
const PAGE_SCENARIO = `async ({ moduleUrl, privateKey }) => {
  const { createClient } = await import(moduleUrl);
  const api = createClient({
    baseUrl: location.origin + "/20160918",
    auth: { type: "oci", tenancyId: "ocid1.tenancy.oc1..t", userId: "ocid1.user.oc1..u", fingerprint: "aa:bb", privateKey },
    retry: false,
  });
  const res = await api.createVolumeBackup({
    body: { volumeId: "ocid1.volume.oc1..v", displayName: "nightly", type: "INCREMENTAL", definedTags: {}, freeformTags: {} },
    headers: { "opc-retry-token": "browser-token" },
  });
  return { status: res.status, ok: res.ok, body: res.body, requestId: res.requestId };
}`;

describe.skipIf(!chromiumAvailable())("the generated OCI client in Chromium", () => {
  const pair = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const privateKey = pair.privateKey.export({ type: "pkcs8", format: "pem" }).toString();
  const created = createVolumeBackupExamples.find((e) => e.status === 200)!;
  let outDir: string;
  let site: Site;
  let browser: Awaited<ReturnType<typeof launchChromium>>;
  const received: { path: string; headers: Record<string, string | string[] | undefined>; verified: boolean }[] = [];

  beforeAll(async () => {
    outDir = await compileForBrowser(CLIENT_DIR);
    site = await serveSite(outDir, (request, response) => {
      if (!request.url.startsWith("/20160918/")) {
        response.writeHead(404); // the browser's own requests, such as /favicon.ico
        return void response.end();
      }
      const verdict = verifyOciRequest(request, pair.publicKey);
      received.push({ path: request.url, headers: request.headers, verified: verdict.ok });
      response.writeHead(verdict.ok ? created.status : 401, created.headers);
      response.end(JSON.stringify(verdict.ok ? created.body : verdict));
    });
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await site?.close();
    if (outDir) await rm(outDir, { recursive: true, force: true });
  });

  it("sends a signed request and parses the typed 200 response", async () => {
    const page = await browser.context.newPage();
    await page.goto(`${site.origin}/`);
    const args = { moduleUrl: `${site.origin}/module/index.js`, privateKey };
    const result = (await page.evaluate(`(${PAGE_SCENARIO})(${JSON.stringify(args)})`)) as { status: number; ok: boolean; body: unknown; requestId?: string };
    await page.close();
    expect(received).toHaveLength(1);
    expect(received[0]).toMatchObject({ path: "/20160918/volumeBackups", verified: true });
    expect(received[0]!.headers["opc-retry-token"]).toBe("browser-token");
    expect(received[0]!.headers["x-date"]).toMatch(/GMT$/);
    expect(result).toEqual({ status: 200, ok: true, body: created.body, requestId: "officia sed" });
  });
});
