/**
 * Pairs the operations of two versions of a collection and lists what changed in each pair.
 *
 * An operation is its method and path, not its item name: paths are compared with their `:name`
 * parameters as positions (`/users/:id` is `/users/:userId`). Within one method and path,
 * operations pair by method name, then by the same shape (a rename), then in collection order;
 * an old and a new operation left over with the same method name were moved (method or path
 * changed). So a renamed item is one change, `operation-renamed`, never a removal and an addition.
 */
import { printType } from "../emit/ts/index.js";
import type { BodySurface, CollectionSurface, OperationSurface, ParamSurface, ResponseSurface } from "./caller-surface.js";
import { keySegment, type Direction, type Finding, type Location } from "./changes.js";
import type { TypeComparer } from "./compare-types.js";

export interface OperationComparison {
  /** The operation in the old client; absent when it was added. */
  was?: OperationSurface;
  /** The operation in the new client; absent when it was removed. */
  now?: OperationSurface;
  findings: Finding[];
}

export function compareOperations(was: CollectionSurface, now: CollectionSurface, types: TypeComparer): OperationComparison[] {
  return pairOperations(was.operations, now.operations).map(([before, after]) => {
    if (!after) return { was: before, findings: [{ code: "operation-removed", direction: "input", location: { part: "operation" } }] };
    if (!before) return { now: after, findings: [{ code: "operation-added", direction: "input", location: { part: "operation" } }] };
    return { was: before, now: after, findings: compareOperation(before, after, types) };
  });
}

const keys = new WeakMap<OperationSurface, string>();

/** `GET /users/:` — the identity of an operation: method and path, parameters by position. */
export function operationKey(op: OperationSurface): string {
  let key = keys.get(op);
  if (key === undefined) {
    const path = op.path.split("/").map((segment) => (segment.startsWith(":") ? ":" : segment)).join("/").replace(/\/+$/, "");
    keys.set(op, (key = `${op.method.toUpperCase()} ${path || "/"}`));
  }
  return key;
}

type Pair = [OperationSurface | undefined, OperationSurface | undefined];

function pairOperations(was: readonly OperationSurface[], now: readonly OperationSurface[]): Pair[] {
  const pairs: Pair[] = [];
  const byKey = (ops: readonly OperationSurface[]) => {
    const groups = new Map<string, OperationSurface[]>();
    for (const op of ops) groups.set(operationKey(op), [...(groups.get(operationKey(op)) ?? []), op]);
    return groups;
  };
  const wasGroups = byKey(was);
  const nowGroups = byKey(now);
  const leftWas: OperationSurface[] = [];
  const leftNow: OperationSurface[] = [];
  for (const [key, olds] of wasGroups) {
    const news = [...(nowGroups.get(key) ?? [])];
    const rest = [...olds];
    const take = (match: (a: OperationSurface, b: OperationSurface) => boolean) => {
      for (const a of [...rest]) {
        const b = news.find((candidate) => match(a, candidate));
        if (!b) continue;
        pairs.push([a, b]);
        rest.splice(rest.indexOf(a), 1);
        news.splice(news.indexOf(b), 1);
      }
    };
    take((a, b) => a.id === b.id);
    take((a, b) => shapeSignature(a) === shapeSignature(b));
    // Left over at the same method and path: the same endpoint, renamed and changed.
    while (rest.length && news.length) pairs.push([rest.shift()!, news.shift()!]);
    leftWas.push(...rest);
    leftNow.push(...news);
  }
  for (const [key, news] of nowGroups) if (!wasGroups.has(key)) leftNow.push(...news);
  for (const a of leftWas) {
    const b = leftNow.find((candidate) => candidate.id === a.id);
    if (b) leftNow.splice(leftNow.indexOf(b), 1);
    pairs.push([a, b]);
  }
  for (const b of leftNow) pairs.push([undefined, b]);
  return pairs;
}

/**
 * What an operation asks and answers, with its own name taken out of its type names
 * (`GetUserResponse200` → `@Response200`): equal for an item renamed and nothing else.
 */
function shapeSignature(op: OperationSurface): string {
  let signature = signatures.get(op);
  if (signature === undefined) signatures.set(op, (signature = signatureOf(op)));
  return signature;
}

const signatures = new WeakMap<OperationSurface, string>();

function signatureOf(op: OperationSurface): string {
  const own = new RegExp(`\\b${op.typeName}`, "g");
  const params = (list: readonly ParamSurface[]) => list.map((p) => `${p.key}${p.required ? "" : "?"}=${p.default ?? ""}:${printType(p.type)}`).join(",");
  return [
    params(op.pathParams.map((p) => ({ ...p, key: "" }))),
    params(op.query),
    params(op.headers),
    op.body ? `${op.body.mode}:${printType(op.body.type)}` : "",
    op.responses.map((r) => `${r.status}:${printType(r.body)}`).join(","),
    op.auth,
  ]
    .join("|")
    .replace(own, "@");
}

function compareOperation(was: OperationSurface, now: OperationSurface, types: TypeComparer): Finding[] {
  const findings: Finding[] = [];
  const add = (finding: Finding) => findings.push(finding);
  const samePlace = operationKey(was) === operationKey(now);
  if (was.id !== now.id && samePlace) add({ code: "operation-renamed", direction: "input", location: { part: "operation" }, before: was.id, after: now.id });
  if (!samePlace) add({ code: "operation-moved", direction: "input", location: { part: "operation" }, before: `${was.method} ${was.path}`, after: `${now.method} ${now.path}` });
  if (was.base !== now.base) add({ code: "base-changed", direction: "input", location: { part: "base" }, before: was.base, after: now.base });
  if (was.auth !== now.auth) add({ code: "auth-changed", direction: "input", location: { part: "auth" }, before: was.auth, after: now.auth });
  describe(was.description, now.description, { part: "description" }, "input", add);

  // Path parameters are positions: `:id` renamed `:userId` is one parameter renamed.
  const pathPairs: [ParamSurface | undefined, ParamSurface | undefined][] = samePlace
    ? was.pathParams.map((p, i) => [p, now.pathParams[i]])
    : pairByKey(was.pathParams, now.pathParams);
  for (const [before, after] of pathPairs) {
    if (samePlace && before && after && before.key !== after.key) {
      add({ code: "renamed", direction: "input", location: { part: "path", key: before.key }, before: before.key, after: after.key });
    }
    compareParam(before, after, { part: "path", key: after?.key ?? before!.key }, types, add);
  }
  for (const [before, after] of pairByKey(was.query, now.query)) compareParam(before, after, { part: "query", key: (after ?? before)!.key }, types, add);
  for (const [before, after] of pairByKey(was.headers, now.headers)) compareParam(before, after, { part: "headers", key: (after ?? before)!.key }, types, add);
  compareBody(was.body, now.body, types, add);
  compareResponses(was.responses, now.responses, types, add);
  return findings;
}

function pairByKey(was: readonly ParamSurface[], now: readonly ParamSurface[]): [ParamSurface | undefined, ParamSurface | undefined][] {
  const nowByKey = new Map(now.map((p) => [p.key, p]));
  const wasKeys = new Set(was.map((p) => p.key));
  return [...was.map((p): [ParamSurface, ParamSurface | undefined] => [p, nowByKey.get(p.key)]), ...now.filter((p) => !wasKeys.has(p.key)).map((p): [undefined, ParamSurface] => [undefined, p])];
}

/** One parameter (or form field): presence, `?`, default, type and description. */
function compareParam(was: ParamSurface | undefined, now: ParamSurface | undefined, location: Location, types: TypeComparer, add: (f: Finding) => void): void {
  if (!now) return add({ code: "removed", direction: "input", location, before: printType(was!.type) });
  if (!was) return add({ code: now.required ? "added-required" : "added-optional", direction: "input", location, after: printType(now.type) });
  if (was.required !== now.required) add({ code: now.required ? "became-required" : "became-optional", direction: "input", location });
  // A default that comes or goes with the `?` is that change; with the `?` unchanged, it changes what is sent.
  if (was.default !== now.default && was.required === now.required) {
    const code = was.default === undefined ? "default-added" : now.default === undefined ? "default-removed" : "default-changed";
    add({ code, direction: "input", location, ...(was.default !== undefined ? { before: was.default } : {}), ...(now.default !== undefined ? { after: now.default } : {}) });
  }
  for (const finding of types.compare(was.type, now.type, "input")) add({ ...finding, direction: "input", location: within(location, finding.segments) });
  describe(was.description, now.description, location, "input", add);
}

/** A JSON path inside a form field or body goes on; a query, header or path parameter's stays at the parameter. */
function within(location: Location, segments: readonly string[]): Location {
  if (!segments.length) return location;
  if (location.part === "body") return { part: "body", json: [...(location.json ?? []), ...segments] };
  if (location.part === "response") return { ...location, json: [...(location.json ?? []), ...segments] };
  return location;
}

function compareBody(was: BodySurface | undefined, now: BodySurface | undefined, types: TypeComparer, add: (f: Finding) => void): void {
  const location: Location = { part: "body" };
  if (!was && !now) return;
  if (!now) return add({ code: "removed", direction: "input", location, before: printType(was!.type) });
  if (!was) return add({ code: now.required ? "added-required" : "added-optional", direction: "input", location, after: printType(now.type) });
  if (was.required !== now.required) add({ code: now.required ? "became-required" : "became-optional", direction: "input", location });
  if (was.mode !== now.mode || was.contentType !== now.contentType) {
    add({ code: "body-mode-changed", direction: "input", location, before: bodyMode(was), after: bodyMode(now) });
  }
  if (was.fields && now.fields) {
    for (const [before, after] of pairByKey(was.fields, now.fields)) compareParam(before, after, { part: "body", json: [keySegment((after ?? before)!.key)] }, types, add);
    return;
  }
  for (const finding of types.compare(was.type, now.type, "input")) add({ ...finding, direction: "input", location: within(location, finding.segments) });
}

function bodyMode(body: BodySurface): string {
  return body.contentType ? `${body.mode} (${body.contentType})` : body.mode;
}

function compareResponses(was: readonly ResponseSurface[], now: readonly ResponseSurface[], types: TypeComparer, add: (f: Finding) => void): void {
  const nowByStatus = new Map(now.map((r) => [r.status, r]));
  const wasStatuses = new Set(was.map((r) => r.status));
  for (const before of was) {
    const location: Location = { part: "response", status: before.status };
    const after = nowByStatus.get(before.status);
    if (!after) {
      add({ code: "status-removed", direction: "output", location, before: printType(before.body) });
      continue;
    }
    for (const finding of types.compare(before.body, after.body, "output")) add({ ...finding, direction: "output", location: within(location, finding.segments) });
    for (const header of before.headers) {
      if (!after.headers.includes(header)) add({ code: "removed", direction: "output", location: { ...location, header }, before: "string" });
    }
    for (const header of after.headers) {
      if (!before.headers.includes(header)) add({ code: "added-required", direction: "output", location: { ...location, header }, after: "string" });
    }
    const remaining = [...after.examples];
    for (const name of before.examples) {
      const index = remaining.indexOf(name);
      if (index >= 0) remaining.splice(index, 1);
      else add({ code: "example-removed", direction: "output", location: { ...location, example: name } });
    }
    for (const name of remaining) add({ code: "example-added", direction: "output", location: { ...location, example: name } });
  }
  for (const after of now) {
    if (!wasStatuses.has(after.status)) add({ code: "status-added", direction: "output", location: { part: "response", status: after.status }, after: printType(after.body) });
  }
}

export function describe(was: string | undefined, now: string | undefined, location: Location, direction: Direction, add: (f: Finding) => void): void {
  const before = was?.trim() ?? "";
  const after = now?.trim() ?? "";
  if (before !== after) add({ code: "description-changed", direction, location, ...(before ? { before } : {}), ...(after ? { after } : {}) });
}
