/**
 * Handlebars templates, one per emitted file kind, loaded from `templates/` (or an override
 * folder). Templates only lay out code: every piece of collection text reaches them already
 * written by `emit/ts/`, so they render with `noEscape` and triple braces.
 *
 * Compiling the built-in templates is a visible share of a cold run, so `npm run build` also
 * precompiles them (`precompile-templates.ts`) into `dist/templates.precompiled.cjs`, each with
 * the source it was compiled from: a template is used precompiled only when its file is exactly
 * that source, and compiled here otherwise (an override, an edit).
 * Only then is Handlebars' compiler loaded: a run with the built-in templates needs its runtime
 * alone, and the bundled CLI leaves the compiler (and its source-map library) out.
 */
import { readFileSync, existsSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { join } from "node:path";
import handlebarsRuntime from "handlebars/runtime.js";
import type Handlebars from "handlebars";

export const TEMPLATE_NAMES = ["operation", "index", "types", "fixtures", "fixtures-index", "environments"] as const;
export type TemplateName = (typeof TEMPLATE_NAMES)[number];
export type Templates = Record<TemplateName, (context: object) => string>;

/** The options every template is compiled with, here and by the build's precompiler. */
export const TEMPLATE_OPTIONS = { noEscape: true, strict: true, knownHelpersOnly: true } as const;

/** What `precompile-templates.ts` writes: each template's source and Handlebars spec. */
export type PrecompiledTemplates = Partial<Record<TemplateName, { source: string; spec: TemplateSpecification }>>;
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

/** Handlebars' runtime has the full package's API but for compiling; its own typings declare none. */
const HandlebarsRuntime = handlebarsRuntime as unknown as Pick<typeof Handlebars, "create">;

/** Handlebars with its compiler, loaded on first need (from node_modules, also by the bundle). */
function handlebarsCompiler(): typeof Handlebars {
  return createRequire(import.meta.url)("handlebars") as typeof Handlebars;
}

export function loadTemplates(overrideDir?: string, precompiled: PrecompiledTemplates = builtinPrecompiled()): Templates {
  const builtin = builtinTemplatesDir();
  const runtime = HandlebarsRuntime.create();
  let compiler: typeof Handlebars | undefined;
  const compiled = {} as Templates;
  for (const name of TEMPLATE_NAMES) {
    const override = overrideDir && join(overrideDir, `${name}.ts.hbs`);
    const file = override && existsSync(override) ? override : join(builtin, `${name}.ts.hbs`);
    const source = readFileSync(file, "utf8");
    const ready = precompiled[name];
    const render =
      ready !== undefined && ready.source === source
        ? runtime.template(ready.spec)
        : (compiler ??= handlebarsCompiler().create()).compile(source, TEMPLATE_OPTIONS);
    compiled[name] = (context) => render(context);
  }
  return compiled;
}
