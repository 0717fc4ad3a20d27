/**
 * `npm run bench:install` (a clean `npm ci` in bench/) takes about half a minute, too long to
 * pay on every benchmark run. This runs it only when bench/node_modules was not installed from
 * the current bench/package-lock.json: npm's own record of the last install
 * (node_modules/.package-lock.json) is compared with the lockfile, package by package.
 *
 *   node --import tsx bench/install-if-stale.ts
 */
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const BENCH = fileURLToPath(new URL(".", import.meta.url));
const LOCK = `${BENCH}package-lock.json`;
const INSTALLED = `${BENCH}node_modules/.package-lock.json`;

type Lock = { packages?: Record<string, { version?: string; integrity?: string }> };

function installedVersions(lock: Lock): string {
  const entries = Object.entries(lock.packages ?? {})
    .filter(([path]) => path !== "")
    .map(([path, entry]) => `${path}@${entry.version ?? ""}#${entry.integrity ?? ""}`)
    .sort();
  return entries.join("\n");
}

function isStale(): boolean {
  if (!existsSync(INSTALLED)) return true;
  const wanted = JSON.parse(readFileSync(LOCK, "utf8")) as Lock;
  const installed = JSON.parse(readFileSync(INSTALLED, "utf8")) as Lock;
  return installedVersions(wanted) !== installedVersions(installed);
}

if (isStale()) {
  process.stderr.write("bench/node_modules is missing or stale: npm run bench:install\n");
  const result = spawnSync("npm", ["run", "-s", "bench:install"], { cwd: fileURLToPath(new URL("..", import.meta.url)), stdio: "inherit" });
  process.exit(result.status ?? 1);
}
