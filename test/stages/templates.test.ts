/**
 * Precompiled built-in templates (what `npm run build` writes to dist/templates.precompiled.cjs)
 * render exactly what the compiled templates render, and a precompiled template whose source
 * has changed since is never used.
 */
import { writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { precompiledTemplatesModule } from "../../generator/emit/precompile-templates.js";
import { loadTemplates, TEMPLATE_NAMES, type PrecompiledTemplates } from "../../generator/emit/templates.js";
import { runPipeline } from "../../generator/pipeline.js";
import { FIXTURES, OCI_FOLDER, ROOT, tempDir } from "../support.js";

const work = tempDir("templates");
afterAll(() => work.remove());

function precompiled(): PrecompiledTemplates {
  const file = join(work.path, `precompiled-${Math.random().toString(36).slice(2)}.cjs`);
  writeFileSync(file, precompiledTemplatesModule());
  return createRequire(import.meta.url)(file) as PrecompiledTemplates;
}

const inputs = [OCI_FOLDER, join(FIXTURES, "postman-echo.postman_collection.json")];
const files = (templates: ReturnType<typeof loadTemplates>) => runPipeline({ inputs, cwd: ROOT, templates }).map((c) => [...c.files]);

describe("precompiled templates", () => {
  const compiled = files(loadTemplates(undefined, {}));

  it("cover every template and render what the compiled ones render", () => {
    const specs = precompiled();
    expect(Object.keys(specs).sort()).toEqual([...TEMPLATE_NAMES].sort());
    expect(files(loadTemplates(undefined, specs))).toEqual(compiled);
  });

  it("are not used for a template whose source differs from the one precompiled", () => {
    const specs = precompiled();
    // Stale: the operation entry holds another template's spec under a source that does not match.
    const stale: PrecompiledTemplates = { ...specs, operation: { source: `${specs.operation!.source} `, spec: specs.types!.spec } };
    expect(files(loadTemplates(undefined, stale))).toEqual(compiled);
    // The same spec under the matching source would be used, and the output would differ.
    const trusted: PrecompiledTemplates = { ...specs, operation: { source: specs.operation!.source, spec: specs.types!.spec } };
    expect(files(loadTemplates(undefined, trusted))).not.toEqual(compiled);
  });
});
