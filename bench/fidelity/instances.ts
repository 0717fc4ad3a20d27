/**
 * Recall instances: fresh values the truth accepts, made by json-schema-faker from the truth
 * schema with every optional property present, seeded per unit and instance.
 *
 * json-schema-faker is given a copy of the unit's schema with every `$ref` inlined: its own
 * `$ref` handling counts uses of a reference across the whole instance (a `StringOrNull` used
 * twenty times comes out as `{}` after a few) and cannot follow escaped pointers
 * (`#/paths/~1pets/...`). A recursive schema is followed one level (it may appear twice on one
 * path; only once if the inlined copy would exceed NODE_BUDGET), then cut: an optional property
 * is left out, an array gets no items, a union loses that branch; only a required recursion
 * keeps `{}` (the truth then usually rejects the instance, which is discarded and counted).
 */
import { jsonSchemaFaker } from "../bench-packages.js";
import { isObject, resolvePointer, type Json, type JsonObject } from "./json-pointer.js";
import { seededRandom } from "./seeded.js";

const SCHEMA_VALUED = new Set(["additionalProperties", "items", "not", "contains", "propertyNames", "if", "then", "else", "unevaluatedItems", "unevaluatedProperties", "additionalItems"]);
const SCHEMA_LISTS = new Set(["allOf", "anyOf", "oneOf", "prefixItems"]);
const SCHEMA_MAPS = new Set(["properties", "patternProperties", "$defs", "definitions", "dependentSchemas"]);
/** OpenAPI keywords json-schema-faker would render as properties (`discriminator`) or that mean nothing to it. */
const OPENAPI_ONLY = new Set(["discriminator", "xml", "externalDocs", "example", "examples", "deprecated", "readOnly", "writeOnly", "title", "description"]);

const CUT = Symbol("recursion cut");
type Inlined = Json | typeof CUT;

/** How many nodes an inlined schema may have before recursion is cut at its first repeat. */
const NODE_BUDGET = 40_000;

/**
 * Adjusts one inlined schema for the faker (never the truth): a `number` with an integer format
 * (`int32`, `int64`) becomes an integer, since ajv-formats accepts only integers there; a
 * 2020-12 numeric `exclusiveMinimum` is written in the draft-04 form the faker reads.
 */
function prepareForFaker(schema: JsonObject): void {
  if (schema.type === "array" && schema.items === undefined && schema.prefixItems === undefined) schema.items = {};
  if (schema.type === "number" && (schema.format === "int32" || schema.format === "int64")) schema.type = "integer";
  for (const [exclusive, bound] of [["exclusiveMinimum", "minimum"], ["exclusiveMaximum", "maximum"]] as const) {
    const limit = schema[exclusive];
    if (typeof limit !== "number") continue;
    const existing = schema[bound];
    const tighter = typeof existing !== "number" || (bound === "minimum" ? limit >= existing : limit <= existing);
    if (tighter) {
      schema[bound] = limit;
      schema[exclusive] = true;
    } else delete schema[exclusive];
  }
}

/** Entries given to each map. */
const MAP_ENTRIES = 2;

class Inliner {
  nodes = 0;
  constructor(
    private readonly document: Json,
    private readonly repeatsAllowed: number,
    private readonly keepRefSiblings: boolean,
    private readonly random: () => number,
  ) {}

  /** Two entries under fresh keys, for a map whose value schema is `values`. */
  private fillMap(schema: JsonObject, values: JsonObject): void {
    if (schema.propertyNames !== undefined || Object.keys(values).length === 0) return;
    const properties: JsonObject = isObject(schema.properties) ? schema.properties : {};
    const max = typeof schema.maxProperties === "number" ? schema.maxProperties : Infinity;
    const required = Array.isArray(schema.required) ? [...schema.required] : [];
    for (let i = 0; i < MAP_ENTRIES && Object.keys(properties).length < max; i++) {
      const key = `k${Math.floor(this.random() * 36 ** 5).toString(36)}`;
      if (Object.hasOwn(properties, key)) continue;
      properties[key] = values;
      required.push(key);
    }
    schema.properties = properties;
    schema.required = required;
  }

  inline(node: Json, path: readonly string[]): Inlined {
    if (!isObject(node)) return node;
    this.nodes++;
    if (typeof node.$ref === "string") {
      const ref = node.$ref;
      if (path.filter((seen) => seen === ref).length > this.repeatsAllowed) return CUT;
      const target = resolvePointer(this.document, ref);
      if (target === undefined) return {};
      const resolved = this.inline(target, [...path, ref]);
      const siblings = Object.keys(node).filter((key) => key !== "$ref");
      if (!this.keepRefSiblings || siblings.length === 0 || resolved === CUT) return resolved;
      const rest: JsonObject = {};
      for (const key of siblings) rest[key] = node[key]!;
      const inlinedRest = this.inline(rest, path);
      return inlinedRest === CUT ? resolved : { allOf: [resolved, inlinedRest] };
    }
    const copy: JsonObject = {};
    const required = new Set(Array.isArray(node.required) ? node.required : []);
    for (const [key, value] of Object.entries(node)) {
      if (OPENAPI_ONLY.has(key)) continue;
      if (SCHEMA_VALUED.has(key) && isObject(value)) {
        const inlined = this.inline(value, path);
        if (inlined !== CUT) copy[key] = inlined;
        else if (key === "items") {
          copy.items = {};
          copy.maxItems = 0;
        }
        else if (key === "additionalProperties") copy[key] = false;
        else copy[key] = {};
      } else if (SCHEMA_LISTS.has(key) && Array.isArray(value)) {
        const inlined = value.map((item) => this.inline(item, path));
        const kept = inlined.filter((item): item is Json => item !== CUT);
        copy[key] = key === "allOf" ? inlined.map((item) => (item === CUT ? {} : item)) : kept.length > 0 ? kept : [{}];
      } else if (SCHEMA_MAPS.has(key) && isObject(value)) {
        const map: JsonObject = {};
        for (const [name, schema] of Object.entries(value)) {
          const inlined = this.inline(schema, path);
          if (inlined !== CUT) map[name] = inlined;
          else if (key !== "properties" || required.has(name)) map[name] = {};
        }
        copy[key] = map;
      } else copy[key] = value;
    }
    prepareForFaker(copy);
    if (isObject(copy.additionalProperties)) this.fillMap(copy, copy.additionalProperties);
    return copy;
  }
}

/** The unit's schema with every `$ref` inlined (recursion cut: see the header), for the faker. */
export function fakerSchema(truth: Json, pointer: string, seedText: string): Json {
  const keepRefSiblings = isObject(truth) && typeof truth.openapi === "string" && truth.openapi.startsWith("3.1");
  const root = resolvePointer(truth, pointer) ?? {};
  for (const repeatsAllowed of [1, 0]) {
    const inliner = new Inliner(truth, repeatsAllowed, keepRefSiblings, seededRandom(`${seedText}#maps`));
    const inlined = inliner.inline(root, [pointer]);
    if (inliner.nodes <= NODE_BUDGET || repeatsAllowed === 0) return inlined === CUT ? {} : inlined;
  }
  return {};
}

const word = (random: () => number) => `w${Math.floor(random() * 1e6).toString(36)}`;

/**
 * Formats json-schema-faker leaves out, or fills with values ajv-formats rejects (its random
 * emails and URIs often lack a dot or hold spaces): plain valid values instead.
 */
const FORMATS: Record<string, (random: () => number) => string> = {
  email: (random) => `${word(random)}@example.com`,
  "idn-email": (random) => `${word(random)}@example.com`,
  hostname: (random) => `${word(random)}.example.com`,
  "idn-hostname": (random) => `${word(random)}.example.com`,
  uri: (random) => `https://example.com/${word(random)}`,
  iri: (random) => `https://example.com/${word(random)}`,
  url: (random) => `https://example.com/${word(random)}`,
  "uri-reference": (random) => `/${word(random)}/${word(random)}`,
  "iri-reference": (random) => `/${word(random)}/${word(random)}`,
  time: (random) => `${String(Math.floor(random() * 24)).padStart(2, "0")}:${String(Math.floor(random() * 60)).padStart(2, "0")}:00Z`,
  byte: (random) => Buffer.from(word(random)).toString("base64"),
  binary: (random) => `bin-${word(random)}`,
  password: (random) => `pw-${word(random)}`,
  ipv4: (random) => Array.from({ length: 4 }, () => Math.floor(random() * 256)).join("."),
  ipv6: (random) => Array.from({ length: 8 }, () => Math.floor(random() * 65536).toString(16)).join(":"),
  int64: (random) => String(Math.floor(random() * 1e12)),
  int32: (random) => String(Math.floor(random() * 1e6)),
};

let formatsRegistered = false;
/** The random source of the instance being made; the format generators above read it. */
let currentRandom: () => number = Math.random;

export interface Instances {
  /** Instances the truth accepts, at most `count`. */
  instances: Json[];
  /** Instances made but rejected by the truth (json-schema-faker does not honour every keyword, and a `oneOf` whose branches overlap rejects what it makes). */
  discarded: number;
  /** Attempts json-schema-faker failed on, with its first error. */
  failed: number;
  firstError?: string;
}

/** How many attempts a unit gets for each instance it should have. */
const ATTEMPTS_PER_INSTANCE = 3;

/**
 * Up to `count` instances of a faker schema that `accepts` (the truth) accepts, from at most
 * `count * 3` seeded attempts: attempt i always uses seed `${seedText}#${i}`.
 */
export function makeInstances(schema: Json, count: number, seedText: string, accepts: (value: Json) => boolean): Instances {
  const faker = jsonSchemaFaker();
  if (!formatsRegistered) {
    for (const [format, generate] of Object.entries(FORMATS)) faker.format(format, () => generate(currentRandom));
    formatsRegistered = true;
  }
  const result: Instances = { instances: [], discarded: 0, failed: 0 };
  for (let attempt = 0; attempt < count * ATTEMPTS_PER_INSTANCE && result.instances.length < count; attempt++) {
    const random = seededRandom(`${seedText}#${attempt}`);
    currentRandom = random;
    faker.option({
      random,
      alwaysFakeOptionals: true,
      optionalsProbability: 1,
      fixedProbabilities: true,
      useExamplesValue: false,
      useDefaultValue: false,
      minItems: 1,
      maxItems: 3,
      fillProperties: false,
      failOnInvalidFormat: false,
      failOnInvalidTypes: false,
      ignoreMissingRefs: true,
      renderTitle: false,
      renderDescription: false,
      renderComment: false,
      minDateTime: "2000-01-01T00:00:00.000Z",
      maxDateTime: "2030-01-01T00:00:00.000Z",
    });
    let instance: Json;
    try {
      instance = faker.generate(structuredClone(schema)) as Json;
    } catch (error) {
      result.failed++;
      result.firstError ??= String((error as Error).message ?? error).split("\n")[0]!.slice(0, 200);
      continue;
    }
    if (accepts(instance)) result.instances.push(instance);
    else result.discarded++;
  }
  return result;
}
