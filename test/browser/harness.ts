/**
 * Browser test harness: compile a TypeScript module tree to browser ES modules, serve it with a
 * page and an API handler from one 127.0.0.1 origin (no CORS involved), and drive Debian's
 * Chromium through playwright-core. The module under test is a parameter, so the same harness
 * runs the runtime itself or a generated client.
 */
import { existsSync } from "node:fs";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { extname, join, normalize, sep } from "node:path";
import { chromium, type BrowserContext } from "playwright-core";
import ts from "typescript";
import { startServer, type Handler, type TestServer } from "../runtime/helpers/server.js";

export const CHROMIUM = "/usr/bin/chromium";

export function chromiumAvailable(): boolean {
  return existsSync(CHROMIUM);
}

/**
 * Compiles every .ts file under `sourceDir` to ES modules in a temp dir. Browser libs only (no
 * @types/node): a Node-only API in the sources is a compile error, and errors fail the test.
 */
export async function compileForBrowser(sourceDir: string): Promise<string> {
  const outDir = await mkdtemp(join(tmpdir(), "pmgen-browser-"));
  const files = ts.sys.readDirectory(sourceDir, [".ts"], ["**/*.d.ts"]);
  const program = ts.createProgram(files, {
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ES2022,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    lib: ["lib.es2022.d.ts", "lib.dom.d.ts", "lib.dom.iterable.d.ts"],
    types: [],
    strict: true,
    noUncheckedIndexedAccess: true,
    verbatimModuleSyntax: true,
    skipLibCheck: true,
    rootDir: sourceDir,
    outDir,
  });
  const result = program.emit();
  const diagnostics = [...ts.getPreEmitDiagnostics(program), ...result.diagnostics];
  if (diagnostics.length) {
    const host = { getCanonicalFileName: (f: string) => f, getCurrentDirectory: () => sourceDir, getNewLine: () => "\n" };
    throw new Error(`Browser compile failed:\n${ts.formatDiagnostics(diagnostics, host)}`);
  }
  return outDir;
}

export interface Site {
  server: TestServer;
  origin: string;
  close(): Promise<void>;
}

/** Serves `/` (a blank page), `/module/*` (the compiled modules) and everything else via `api`. */
export async function serveSite(moduleDir: string, api: Handler): Promise<Site> {
  const server = await startServer(async (request, response) => {
    const path = new URL(request.url, "http://x").pathname;
    if (path === "/") {
      response.writeHead(200, { "content-type": "text/html" });
      return void response.end("<!doctype html><title>pmgen browser test</title>");
    }
    if (path.startsWith("/module/")) {
      const file = normalize(join(moduleDir, path.slice("/module/".length)));
      if (!file.startsWith(moduleDir + sep) || extname(file) !== ".js" || !existsSync(file)) {
        response.writeHead(404);
        return void response.end();
      }
      response.writeHead(200, { "content-type": "text/javascript" });
      return void response.end(await readFile(file));
    }
    return api(request, response);
  });
  return { server, origin: server.origin, close: () => server.close() };
}

export async function launchChromium(): Promise<{ context: BrowserContext; close(): Promise<void> }> {
  const userDataDir = await mkdtemp(join(tmpdir(), "pmgen-chromium-"));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
  return {
    context,
    async close() {
      await context.close();
      await rm(userDataDir, { recursive: true, force: true });
    },
  };
}
