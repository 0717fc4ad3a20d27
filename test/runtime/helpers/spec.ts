/** Operation specs for tests: a GET on `{{baseUrl}}` with no params unless overridden. */
import type { OperationSpec } from "../../../templates/runtime/spec.js";

export function op(overrides: Partial<OperationSpec> = {}): OperationSpec {
  return {
    id: "testOperation",
    method: "GET",
    base: "{{baseUrl}}",
    overridableBase: true,
    path: "/",
    query: [],
    headers: [],
    auth: { type: "noauth", params: {} },
    ...overrides,
  };
}

/** The last request a server captured, failing loudly when there is none. */
export function last<T>(items: readonly T[]): T {
  const item = items[items.length - 1];
  if (item === undefined) throw new Error("no request was captured");
  return item;
}
