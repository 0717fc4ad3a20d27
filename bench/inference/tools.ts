/**
 * The three schema inferrers under test, each given the same training bodies of one
 * operation/status and returning one JSON Schema document (with its own `$ref` targets inside).
 */
import { inferTypes } from "../../generator/infer/index.js";
import { declarationSource } from "../../generator/emit/graph-types.js";
import { declarationSchema, schemaOf } from "../../generator/openapi/schema.js";
import { postman2openapi, quicktypeCore } from "../bench-packages.js";
import type { RawCollection, RawItem, RawResponse } from "./read-collection.js";

export type SchemaDoc = Record<string, unknown> | boolean;

export interface Training {
  /** The training bodies (JSON texts). */
  bodies: string[];
  /** The raw item with exactly the training examples of this status (for postman2openapi). */
  item: RawItem;
  status: number;
  collection: RawCollection["json"];
}

export function pmgenSchema(training: Training): { schema: SchemaDoc; tsSource: string } {
  const graph = inferTypes([
    {
      operation: "op",
      position: { part: "response", status: training.status },
      name: "OpResponse",
      kind: "json",
      source: { file: "bench" },
      samples: training.bodies.map((text, i) => ({ origin: `example ${i}`, text })),
    },
  ]);
  const root = graph.operations.get("op")!.responses.get(training.status)!;
  const schemas: Record<string, unknown> = {};
  for (const declaration of graph.declarations) schemas[declaration.name] = declarationSchema(declaration);
  const rootSchema = schemaOf(root.type);
  const schema = { ...rootSchema, components: { schemas } };
  return { schema, tsSource: graph.declarations.map(declarationSource).join("\n") };
}

export async function quicktypeSchema(training: Training): Promise<SchemaDoc> {
  const { InputData, jsonInputForTargetLanguage, quicktype } = quicktypeCore();
  const input = jsonInputForTargetLanguage("schema");
  await input.addSource({ name: "Root", samples: training.bodies });
  const inputData = new InputData();
  inputData.addInput(input);
  const result = await quicktype({ inputData, lang: "schema" });
  const schema = JSON.parse(result.lines.join("\n")) as Record<string, unknown>;
  delete schema.$schema; // draft-06 meta-schema; validated with ajv's draft-07 dialect
  return schema;
}

export function postman2openapiSchema(training: Training): SchemaDoc {
  const collection = { info: training.collection.info, variable: training.collection.variable ?? [], item: [training.item] };
  const openapi = postman2openapi().transpile(collection) as { paths?: Record<string, Record<string, { responses?: Record<string, { content?: Record<string, { schema?: unknown }> }> }>> };
  for (const path of Object.values(openapi.paths ?? {})) {
    for (const operation of Object.values(path)) {
      const response = operation.responses?.[String(training.status)];
      const content = response?.content ?? {};
      const key = Object.keys(content).find((k) => k.includes("json")) ?? Object.keys(content)[0];
      const schema = key === undefined ? undefined : content[key]?.schema;
      // No schema: the tool says nothing about the body, which accepts everything.
      return (schema as Record<string, unknown> | undefined) ?? {};
    }
  }
  return {};
}

/** A copy of `item` whose examples are `responses` (other statuses dropped: they do not matter here). */
export function itemWith(item: RawItem, responses: RawResponse[]): RawItem {
  return { ...item, response: responses };
}
