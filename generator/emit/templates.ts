/**
 * Handlebars templates, one per emitted file kind, loaded from `templates/` (or an override
 * folder). Templates only lay out code: every piece of collection text reaches them already
 * escaped by `ts-text.ts`, so they render with `noEscape` and triple braces.
 *
 * Compiling the five built-in templates is about 30 ms of a cold run, so `npm run build` also
 * precompiles them (`precompile-templates.ts`) into `dist/templates.precompiled.cjs`, each
 * keyed by the sha256 of its source: a template is used precompiled only when its file is
 * exactly the one that was precompiled, and compiled here otherwise (an override, an edit).
 */
import { readFileSync, existsSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { join } from "node:path";
import Handlebars from "handlebars";
import { sha256Hex } from "../hash.js";

export const TEMPLATE_NAMES = ["operation", "index", "types", "fixtures", "fixtures-index"] as const;
export type TemplateName = (typeof TEMPLATE_NAMES)[number];
export type Templates = Record<TemplateName, (context: object) => string>;

/** The options every template is compiled with, here and by the build's precompiler. */
export const TEMPLATE_OPTIONS = { noEscape: true, strict: true } as const;

/** What `precompile-templates.ts` writes: each template's source hash and Handlebars spec. */
export type PrecompiledTemplates = Partial<Record<TemplateName, { sha256: string; spec: TemplateSpecification }>>;
type TemplateSpecification = Parameters<typeof Handlebars.template>[0];

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

/** The build's precompiled templates beside this module (bundle or compiled), if any. */
function builtinPrecompiled(): PrecompiledTemplates {
  for (const up of ["./templates.precompiled.cjs", "../../templates.precompiled.cjs"]) {
    const url = new URL(up, import.meta.url);
    if (existsSync(fileURLToPath(url))) return createRequire(import.meta.url)(fileURLToPath(url)) as PrecompiledTemplates;
  }
  return {};
}

export function loadTemplates(overrideDir?: string, precompiled: PrecompiledTemplates = builtinPrecompiled()): Templates {
  const builtin = builtinTemplatesDir();
  const hbs = Handlebars.create();
  const compiled = {} as Templates;
  for (const name of TEMPLATE_NAMES) {
    const override = overrideDir && join(overrideDir, `${name}.ts.hbs`);
    const file = override && existsSync(override) ? override : join(builtin, `${name}.ts.hbs`);
    const source = readFileSync(file, "utf8");
    const ready = precompiled[name];
    const render =
      ready !== undefined && ready.sha256 === sha256Hex(source) ? hbs.template(ready.spec) : hbs.compile(source, TEMPLATE_OPTIONS);
    compiled[name] = (context) => render(context);
  }
  return compiled;
}
