/**
 * `{{name}}` template resolution. A variable comes from the caller's `variables`, then the
 * environment, then the collection's defaults (as with Newman's `-e`); a value may itself
 * contain `{{other}}` and is resolved recursively.
 * `{{$name}}` is a Postman dynamic variable unless the caller defines a variable of that name.
 */
import { dynamicVariable, type DynamicContext } from "./dynamic-variables.js";
import { MissingVariableError, VariableCycleError } from "./errors.js";

const REFERENCE = /\{\{([^{}]+)\}\}/g;

export interface VariableScope {
  readonly operationId: string;
  readonly overrides: Readonly<Record<string, string | undefined>>;
  readonly environment?: Readonly<Record<string, string | undefined>>;
  readonly defaults: Readonly<Record<string, string | undefined>>;
  readonly dynamic: DynamicContext;
}

export function resolveTemplate(template: string, scope: VariableScope): string {
  return expand(template, scope, []);
}

/** Postman substitutes at most this many times over when substitutions form new references. */
const MAX_PASSES = 19;

function expand(template: string, scope: VariableScope, stack: readonly string[]): string {
  // A substitution can form a new reference (`{{hello_{{var}}}}` → `{{hello_value}}`): Postman
  // substitutes again until nothing changes.
  let text = template;
  for (let pass = 0; pass < MAX_PASSES && text.includes("{{"); pass++) {
    const next = substitute(text, scope, stack);
    if (next === text) break;
    text = next;
  }
  return text;
}

function substitute(template: string, scope: VariableScope, stack: readonly string[]): string {
  return template.replace(REFERENCE, (_match, rawName: string) => {
    const name = rawName.trim();
    if (stack.includes(name)) {
      throw new VariableCycleError([...stack.slice(stack.indexOf(name)), name], scope.operationId);
    }
    const value = lookup(name, scope);
    if (value !== undefined) return expand(value, scope, [...stack, name]);
    const dynamic = name.startsWith("$") ? dynamicVariable(name, scope.dynamic) : undefined;
    if (dynamic !== undefined) return dynamic;
    throw new MissingVariableError(name, scope.operationId);
  });
}

function lookup(name: string, scope: VariableScope): string | undefined {
  const own = (record: Readonly<Record<string, string | undefined>>): string | undefined =>
    Object.prototype.hasOwnProperty.call(record, name) ? record[name] : undefined;
  return own(scope.overrides) ?? (scope.environment ? own(scope.environment) : undefined) ?? own(scope.defaults);
}
