/**
 * Postman environment files (`*.postman_environment.json`): a name and a list of variables.
 * A file that is not an environment is an error naming it; an entry pmgen cannot read is left
 * out with a warning, as in collections.
 */
import { basename } from "node:path";
import { PmgenError, type DiagnosticSink } from "../base/diagnostics.js";
import { readJsonFile } from "./read-json.js";
import { isObject } from "./validate.js";

export interface LoadedEnvironment {
  /** The file as shown in messages. */
  file: string;
  /** The environment's `name`, else its file name's. */
  title: string;
  /** The part of the file name that names the environment: `sandbox` in `plaid.sandbox.postman_environment.json`. */
  fileLabel: string;
  /** Enabled variables with a text value. */
  values: { key: string; value: string; secretType: boolean }[];
}

export function loadEnvironment(path: string, displayPath: string, collectionStem: string, sink: DiagnosticSink): LoadedEnvironment {
  const json = readJsonFile(path, displayPath);
  if (!isObject(json) || !Array.isArray(json.values)) {
    throw new PmgenError('not a Postman environment: expected an object with a "values" list', { file: displayPath });
  }
  const stem = basename(path).replace(/\.postman_environment\.json$/i, "");
  const fileLabel = stem.toLowerCase().startsWith(`${collectionStem.toLowerCase()}.`) ? stem.slice(collectionStem.length + 1) : stem;
  const title = typeof json.name === "string" && json.name.trim() ? json.name.trim() : fileLabel;
  const values: LoadedEnvironment["values"] = [];
  json.values.forEach((entry: unknown, i: number) => {
    if (!isObject(entry) || typeof entry.key !== "string" || entry.key === "") {
      sink.warn(`values[${i}]: expected an object with a "key"; left out`, { file: displayPath });
      return;
    }
    if (entry.enabled === false || entry.disabled === true) return;
    const value = entry.value;
    if (value !== undefined && value !== null && typeof value !== "string" && typeof value !== "number" && typeof value !== "boolean") {
      sink.warn(`values[${i}] (${entry.key}): the value is not text; left out`, { file: displayPath });
      return;
    }
    values.push({ key: entry.key, value: value === undefined || value === null ? "" : String(value), secretType: entry.type === "secret" });
  });
  return { file: displayPath, title, fileLabel, values };
}
