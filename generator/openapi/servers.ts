/**
 * Servers and paths from Postman URL templates: the IR's `base` (`{{baseUrl}}`, resolved through
 * collection variable defaults) is the server and its `path` (`/users/:id`) becomes `/users/{id}`.
 * Variables without a default stay OpenAPI server variables (`{baseUrl}`), so the document
 * still says where the value goes.
 */
import type { VariableIR } from "../model/ir.js";
import { pathVariable } from "../model/path-variables.js";

export interface ServerObject {
  url: string;
  description?: string;
  variables?: Record<string, { default: string; description?: string }>;
}

const VARIABLE = /\{\{([^{}]+)\}\}/g;

/** Replaces `{{var}}` with defaults (following variables that reference variables, cycles stop). */
export function resolveVariables(text: string, variables: readonly VariableIR[], seen: ReadonlySet<string> = new Set()): string {
  return text.replace(VARIABLE, (whole, name: string) => {
    const variable = variables.find((v) => v.key === name);
    if (variable?.default === undefined || variable.default === "" || seen.has(name)) return whole;
    return resolveVariables(variable.default, variables, new Set([...seen, name]));
  });
}

export function serverObject(server: string, variables: readonly VariableIR[]): ServerObject {
  let url = resolveVariables(server, variables);
  const serverVariables: Record<string, { default: string; description?: string }> = {};
  url = url.replace(VARIABLE, (_, name: string) => {
    const key = name.replace(/[{}]/g, "");
    const variable = variables.find((v) => v.key === name);
    serverVariables[key] = {
      default: "",
      description: variable?.secret
        ? `The Postman variable {{${name}}} (secret: set it yourself).`
        : `The Postman variable {{${name}}}, which has no default in the collection.`,
    };
    return `{${key}}`;
  });
  if (url === "") url = "/";
  else if (!/^[A-Za-z][A-Za-z0-9+.-]*:\/\//.test(url) && !url.startsWith("{") && !url.startsWith("/")) url = `https://${url}`;
  const result: ServerObject = { url: url.replace(/\/+$/, "") || "/" };
  if (Object.keys(serverVariables).length > 0) result.variables = serverVariables;
  return result;
}

/**
 * `/Accounts/:AccountSid/Calls/:Sid.json` → `/Accounts/{AccountSid}/Calls/{Sid}.json`, and
 * `/{{version}}/users` → `/{version}/users`: every variable of a path is a path parameter (the
 * names of `{{...}}` ones are returned so they can be declared), never its saved value turned
 * into a literal path.
 */
export function openApiPath(path: string): { path: string; unresolved: string[] } {
  const unresolved: string[] = [];
  let result = path
    .split("/")
    .map((segment) => {
      const variable = pathVariable(segment);
      return variable === undefined ? segment : `{${variable.name}}${variable.suffix}`;
    })
    .join("/");
  result = result.replace(VARIABLE, (_, name: string) => {
    const key = name.replace(/[^A-Za-z0-9_.-]/g, "_");
    if (!unresolved.includes(key)) unresolved.push(key);
    return `{${key}}`;
  });
  if (!result.startsWith("/")) result = `/${result}`;
  return { path: result.replace(/\/{2,}/g, "/"), unresolved };
}
