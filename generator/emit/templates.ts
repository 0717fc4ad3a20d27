/**
 * Handlebars templates, one per emitted file kind, loaded from `templates/` (or an override
 * folder). Templates only lay out code: every piece of collection text reaches them already
 * escaped by `ts-text.ts`, so they render with `noEscape` and triple braces.
 */
import { readFileSync, existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { join } from "node:path";
import Handlebars from "handlebars";

export const TEMPLATE_NAMES = ["operation", "index", "types", "fixtures", "fixtures-index"] as const;
export type TemplateName = (typeof TEMPLATE_NAMES)[number];
export type Templates = Record<TemplateName, (context: object) => string>;

/**
 * `templates/` of the installed pmgen, found from this file in `generator/` or `dist/generator/`,
 * or from the bundled CLI in `dist/`.
 */
export function builtinTemplatesDir(): string {
  for (const up of ["../../templates", "../../../templates", "../templates"]) {
    const dir = fileURLToPath(new URL(up, import.meta.url));
    if (existsSync(join(dir, "operation.ts.hbs"))) return dir;
  }
  throw new Error("pmgen installation is incomplete: templates/ not found");
}

export function loadTemplates(overrideDir?: string): Templates {
  const builtin = builtinTemplatesDir();
  const hbs = Handlebars.create();
  const compiled = {} as Templates;
  for (const name of TEMPLATE_NAMES) {
    const override = overrideDir && join(overrideDir, `${name}.ts.hbs`);
    const file = override && existsSync(override) ? override : join(builtin, `${name}.ts.hbs`);
    const render = hbs.compile(readFileSync(file, "utf8"), { noEscape: true, strict: true });
    compiled[name] = (context) => render(context);
  }
  return compiled;
}
