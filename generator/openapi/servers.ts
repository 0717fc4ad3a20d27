/**
 * Servers and paths from Postman URL templates: the IR's `base` (`{{baseUrl}}`, resolved through
 * collection variable defaults) is the server and its `path` (`/users/:id`) becomes `/users/{id}`.
 * Variables without a default stay OpenAPI server variables (`{baseUrl}`), so the document
 * still says where the value goes.
 */
import type { VariableIR } from "../model/ir.js";

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
 * `/users/:id/{{version}}` → `/users/{id}/v2` (or `{version}` when it has no default; those
 * names are returned so they can be declared as path parameters).
 */
export function openApiPath(path: string, variables: readonly VariableIR[]): { path: string; unresolved: string[] } {
  const unresolved: string[] = [];
  let result = resolveVariables(path, variables).replace(VARIABLE, (_, name: string) => {
    const key = name.replace(/[^A-Za-z0-9_.-]/g, "_");
    if (!unresolved.includes(key)) unresolved.push(key);
    return `{${key}}`;
  });
  result = result.replace(/(^|\/):([^/{}]+)/g, (_, slash: string, name: string) => `${slash}{${name}}`);
  if (!result.startsWith("/")) result = `/${result}`;
  return { path: result.replace(/\/{2,}/g, "/"), unresolved };
}
