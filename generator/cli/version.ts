/**
 * pmgen's own version, from its package.json, found from this module: the bundled CLI in `dist/`,
 * the compiled module in `dist/generator/cli/` or the source in `generator/cli/`. (yargs would
 * look for a package.json from the current folder, and print another package's version, or
 * "unknown", when pmgen runs anywhere but in its own folder.)
 */
import { readFileSync } from "node:fs";

export function pmgenVersion(): string {
  for (const up of ["../package.json", "../../package.json", "../../../package.json"]) {
    try {
      const pkg = JSON.parse(readFileSync(new URL(up, import.meta.url), "utf8")) as { name?: unknown; version?: unknown };
      if (pkg.name === "pmgen" && typeof pkg.version === "string") return pkg.version;
    } catch {
      // not this folder
    }
  }
  return "unknown";
}
