/**
 * A client's methods: each generated operation function (`op(client, params, options)`) bound to
 * one client (`api.op(params, options)`). The bound methods keep each function's parameters,
 * result and JSDoc, through one mapped type rather than a written-out interface per collection.
 */
import type { Client } from "./types.js";

/** The operations of `O`, bound: the client argument taken away. */
export type BoundOperations<O> = {
  readonly [K in keyof O]: O[K] extends (client: Client, ...args: infer A) => infer R ? (...args: A) => R : never;
};

type Operation = (client: Client, ...args: never[]) => unknown;

export function bindOperations<O extends Record<string, Operation>>(client: Client, operations: O): Client & BoundOperations<O> {
  const bound: Record<string, unknown> = { send: client.send };
  for (const name of Object.keys(operations)) {
    const operation = operations[name] as (client: Client, ...args: unknown[]) => unknown;
    bound[name] = (...args: unknown[]) => operation(client, ...args);
  }
  // Built key by key from `operations`, as BoundOperations maps them.
  return bound as Client & BoundOperations<O>;
}
