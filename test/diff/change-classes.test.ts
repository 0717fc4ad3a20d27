/**
 * One row per class of change `pmgen diff` reports, each a pair of small collections. Every row
 * asserts the exact classification, and that the generated code agrees: a caller written
 * against the old client compiles against it, and against the new client it fails to compile
 * (breaking), still compiles (non-breaking), or compiles but sends something else (breaking
 * changes the types cannot show: auth scheme, method and path, a default no longer sent).
 * All clients share one runtime and all callers are checked in one TypeScript program.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { typeErrors } from "../ci/ts-check.js";
import { tempDir } from "../support.js";
import { callerSource, collection, example, generatePair, item, runCaller, type Entry, type GeneratedPair, type Outcome } from "./helpers.js";

const API = "https://api.example.com";
const ada = { id: 1, name: "Ada", email: "ada@example.com" };
const getUser = (responses: object[] = [example(200, ada)], options: { description?: string } = {}) =>
  item("Get user", "GET", `${API}/users/:id`, { responses, ...options });
const listUsers = (query: Entry[] = [], header: Entry[] = []) => item("List users", "GET", `${API}/users`, { query, header, responses: [example(200, [ada])] });
const listOrders = () => item("List orders", "GET", `${API}/orders`, { responses: [example(200, [{ orderId: "o1", total: 9.5 }])] });
const createUser = (body: unknown, samples: unknown[] = []) =>
  item("Create user", "POST", `${API}/users`, { body, responses: samples.length ? samples.map((s, i) => example(201, { id: 1 }, { name: `created ${i}`, request: s })) : [example(201, { id: 1 })] });

type Verdict = "fails" | "compiles" | { meaning: (old: Outcome, now: Outcome) => void };

interface Row {
  name: string;
  old: object;
  new: object;
  /** Every change, as `<severity> <code> <operation> <location>`. */
  changes: string[];
  /** Statements using `api` (and `res`), written against the old client. */
  caller: string;
  verdict: Verdict;
  /** createClient options besides `fetch`. */
  options?: string;
  /** `import type` lines of the caller (the client's module is `CLIENT`). */
  imports?: string;
}

const getUserCall = `const res = await api.getUser({ path: { id: 1 } });`;

const rows: Row[] = [
  // Breaking: the caller's code stops compiling, or means something else.
  {
    name: "operation removed",
    old: collection([getUser(), listOrders()]),
    new: collection([listOrders()]),
    changes: ["breaking operation-removed getUser operation"],
    caller: getUserCall,
    verdict: "fails",
  },
  {
    name: "operation renamed (same method, path and shape): one change",
    old: collection([getUser()]),
    new: collection([item("Fetch user", "GET", `${API}/users/:id`, { responses: [example(200, ada)] })]),
    changes: ["breaking operation-renamed fetchUser operation"],
    caller: getUserCall,
    verdict: "fails",
  },
  {
    name: "method changed",
    old: collection([item("Update user", "POST", `${API}/users/:id`, { body: { name: "Ada" } })]),
    new: collection([item("Update user", "PUT", `${API}/users/:id`, { body: { name: "Ada" } })]),
    changes: ["breaking operation-moved updateUser operation"],
    caller: `await api.updateUser({ path: { id: 1 }, body: { name: "Ada" } });`,
    verdict: { meaning: (old, now) => expect([old.requests[0]!.method, now.requests[0]!.method]).toEqual(["POST", "PUT"]) },
  },
  {
    name: "path changed",
    old: collection([getUser()]),
    new: collection([item("Get user", "GET", `${API}/accounts/:id`, { responses: [example(200, ada)] })]),
    changes: ["breaking operation-moved getUser operation"],
    caller: getUserCall,
    verdict: { meaning: (old, now) => expect([old.requests[0]!.url, now.requests[0]!.url]).toEqual([`${API}/users/1`, `${API}/accounts/1`]) },
  },
  {
    name: "path parameter renamed",
    old: collection([getUser()]),
    new: collection([item("Get user", "GET", `${API}/users/:userId`, { responses: [example(200, ada)] })]),
    changes: ["breaking renamed getUser path.id"],
    caller: getUserCall,
    verdict: "fails",
  },
  {
    name: "required query parameter added",
    old: collection([listUsers()]),
    new: collection([listUsers([{ key: "role", value: "<string>" }])]),
    changes: ["breaking added-required listUsers query.role"],
    caller: `await api.listUsers();`,
    verdict: "fails",
  },
  {
    name: "required header added",
    old: collection([listUsers()]),
    new: collection([listUsers([], [{ key: "X-Tenant", value: "<string>" }])]),
    changes: ["breaking added-required listUsers headers.X-Tenant"],
    caller: `await api.listUsers();`,
    verdict: "fails",
  },
  {
    name: "required body field added",
    old: collection([createUser({ name: "Ada" })]),
    new: collection([createUser({ name: "Ada", email: "ada@example.com" })]),
    changes: ["breaking added-required createUser body $.email"],
    caller: `await api.createUser({ body: { name: "Ada" } });`,
    verdict: "fails",
  },
  {
    name: "required request body added",
    old: collection([item("Activate user", "POST", `${API}/users/:id/activate`)]),
    new: collection([item("Activate user", "POST", `${API}/users/:id/activate`, { body: { reason: "verified" } })]),
    changes: ["breaking added-required activateUser body"],
    caller: `await api.activateUser({ path: { id: 1 } });`,
    verdict: "fails",
  },
  {
    name: "query parameter removed",
    old: collection([listUsers([{ key: "page", value: "1" }, { key: "role", value: "<string>" }])]),
    new: collection([listUsers([{ key: "page", value: "1" }])]),
    changes: ["breaking removed listUsers query.role"],
    caller: `await api.listUsers({ query: { role: "admin" } });`,
    verdict: "fails",
  },
  {
    name: "header removed",
    old: collection([listUsers([{ key: "page", value: "1" }], [{ key: "X-Tenant", value: "<string>" }])]),
    new: collection([listUsers([{ key: "page", value: "1" }])]),
    changes: ["breaking removed listUsers headers.X-Tenant"],
    caller: `await api.listUsers({ headers: { "X-Tenant": "acme" } });`,
    verdict: "fails",
  },
  {
    name: "request body field removed",
    old: collection([createUser({ name: "Ada", nickname: "ada" })]),
    new: collection([createUser({ name: "Ada" })]),
    changes: ["breaking removed createUser body $.nickname"],
    caller: `await api.createUser({ body: { name: "Ada", nickname: "ada" } });`,
    verdict: "fails",
  },
  {
    name: "request body removed",
    old: collection([item("Activate user", "POST", `${API}/users/:id/activate`, { body: { reason: "verified" } })]),
    new: collection([item("Activate user", "POST", `${API}/users/:id/activate`)]),
    changes: ["breaking removed activateUser body"],
    caller: `await api.activateUser({ path: { id: 1 }, body: { reason: "verified" } });`,
    verdict: "fails",
  },
  {
    name: "request type narrowed (string | number → string)",
    old: collection([createUser({ name: "Ada", age: "unknown" }, [{ name: "Bob", age: 30 }])]),
    new: collection([createUser({ name: "Ada", age: "unknown" }, [{ name: "Bob", age: "30" }])]),
    changes: ["breaking narrowed createUser body $.age"],
    caller: `await api.createUser({ body: { name: "Ada", age: 30 } });`,
    verdict: "fails",
  },
  {
    name: "request enum narrowed (a value gone)",
    old: collection([createUser({ name: "A", status: "open" }, [{ name: "B", status: "open" }, { name: "C", status: "closed" }, { name: "D", status: "closed" }, { name: "E", status: "archived" }, { name: "F", status: "archived" }])]),
    new: collection([createUser({ name: "A", status: "open" }, [{ name: "B", status: "open" }, { name: "C", status: "closed" }, { name: "D", status: "closed" }])]),
    changes: [
      "breaking narrowed createUser body $.status",
      // The two examples whose requests sent "archived" went with it.
      'non-breaking example-removed createUser response 201 example "created 3"',
      'non-breaking example-removed createUser response 201 example "created 4"',
    ],
    caller: `await api.createUser({ body: { name: "G", status: "archived" } });`,
    verdict: "fails",
  },
  {
    name: "request body field became required",
    old: collection([createUser({ name: "Ada", nickname: "ada" }, [{ name: "Bob" }])]),
    new: collection([createUser({ name: "Ada", nickname: "ada" }, [{ name: "Bob", nickname: "bob" }])]),
    changes: ["breaking became-required createUser body $.nickname"],
    caller: `await api.createUser({ body: { name: "Ada" } });`,
    verdict: "fails",
  },
  {
    name: "query parameter became required",
    old: collection([listUsers([{ key: "role", value: "admin", disabled: true }])]),
    new: collection([listUsers([{ key: "role", value: "<string>" }])]),
    changes: ["breaking became-required listUsers query.role"],
    caller: `await api.listUsers();`,
    verdict: "fails",
  },
  {
    name: "default removed (the type stays: it is no longer sent)",
    old: collection([listUsers([{ key: "page", value: "1", description: "(Optional) page number" }])]),
    new: collection([listUsers([{ key: "page", value: "<integer>", description: "(Optional) page number" }])]),
    changes: ["breaking default-removed listUsers query.page"],
    caller: `await api.listUsers();`,
    verdict: { meaning: (old, now) => expect([old.requests[0]!.url, now.requests[0]!.url]).toEqual([`${API}/users?page=1`, `${API}/users`]) },
  },
  {
    name: "response status removed",
    old: collection([getUser([example(200, ada), example(404, { message: "no such user" })])]),
    new: collection([getUser([example(200, ada)])]),
    changes: ["breaking status-removed getUser response 404"],
    caller: `${getUserCall} if (res.status === 404) console.log(res.body.message?.length);`,
    verdict: "fails",
  },
  {
    name: "response field removed",
    old: collection([getUser()]),
    new: collection([getUser([example(200, { id: 1, name: "Ada" })])]),
    changes: ["breaking removed getUser response 200 $.email"],
    caller: `${getUserCall} if (res.status === 200) console.log(res.body.email.length);`,
    verdict: "fails",
  },
  {
    name: "response field type changed (number → string)",
    old: collection([getUser()]),
    new: collection([getUser([example(200, { ...ada, id: "u1" })])]),
    changes: ["breaking changed getUser response 200 $.id"],
    caller: `${getUserCall} if (res.status === 200) console.log(res.body.id.toFixed(0));`,
    verdict: "fails",
  },
  {
    name: "response type widened (string → string | null)",
    old: collection([getUser([example(200, ada), example(200, { ...ada, id: 2, email: "bob@example.com" }, { name: "another" })])]),
    new: collection([getUser([example(200, ada), example(200, { ...ada, id: 2, email: null }, { name: "another" })])]),
    changes: ["breaking widened getUser response 200 $.email"],
    caller: `${getUserCall} if (res.status === 200) console.log(res.body.email.length);`,
    verdict: "fails",
  },
  {
    name: "response field may now be absent",
    old: collection([getUser()]),
    new: collection([getUser([example(200, ada), example(200, { id: 2, name: "Bob" }, { name: "without email" })])]),
    changes: [
      "breaking became-optional getUser response 200 $.id",
      "breaking became-optional getUser response 200 $.name",
      "breaking became-optional getUser response 200 $.email",
      'non-breaking example-added getUser response 200 example "without email"',
    ],
    caller: `${getUserCall} if (res.status === 200) console.log(res.body.name.length);`,
    verdict: "fails",
  },
  {
    name: "typed response header removed",
    old: collection([getUser([example(200, ada, { headers: [{ key: "ETag", value: '"v1"' }] })])]),
    new: collection([getUser([example(200, ada)])]),
    changes: ["breaking removed getUser response 200 headers.etag"],
    caller: `${getUserCall} if (res.status === 200) console.log(res.headers.get("etag").length);`,
    verdict: "fails",
  },
  {
    name: "auth scheme changed",
    old: collection([getUser()], { auth: { type: "bearer", bearer: [{ key: "token", value: "{{token}}" }] } }),
    new: collection([getUser()], { auth: { type: "basic", basic: [{ key: "username", value: "{{user}}" }] } }),
    changes: ["breaking auth-changed getUser auth"],
    caller: getUserCall,
    options: `auth: { type: "bearer", token: "t0k3n" }`,
    verdict: {
      meaning: (old, now) => {
        expect(old.requests[0]!.headers.authorization).toBe("Bearer t0k3n");
        expect(now.requests).toEqual([]);
        expect(now.error).toMatch(/AuthConfigError/);
      },
    },
  },
  {
    name: "variable the URL needs added without default",
    old: collection([item("List users", "GET", "{{baseUrl}}/users")], { variable: [{ key: "baseUrl", value: API }] }),
    new: collection([item("List users", "GET", "{{baseUrl}}/users")], { variable: [{ key: "baseUrl", value: "https://{{region}}.example.com" }] }),
    changes: ["breaking added-required (collection) variables.region", "non-breaking default-changed (collection) variables.baseUrl"],
    caller: `await api.listUsers();`,
    verdict: "fails",
  },
  {
    name: "exported type renamed (a second operation shares its shape)",
    old: collection([getUser()]),
    new: collection([getUser(), item("Create user", "POST", `${API}/users`, { body: { name: "Ada" }, responses: [example(201, ada)] })]),
    changes: ["breaking type-renamed (collection) types.GetUserResponse200", "non-breaking operation-added createUser operation"],
    caller: `const user: GetUserResponse200 | undefined = undefined; console.log(user);`,
    imports: `import type { GetUserResponse200 } from "CLIENT";`,
    verdict: "fails",
  },

  // Non-breaking: the caller's code compiles against the new client.
  {
    name: "operation added",
    old: collection([getUser()]),
    new: collection([getUser(), listOrders()]),
    changes: ["non-breaking operation-added listOrders operation"],
    caller: getUserCall,
    verdict: "compiles",
  },
  {
    name: "optional query parameter added",
    old: collection([listUsers()]),
    new: collection([listUsers([{ key: "role", value: "admin", disabled: true }])]),
    changes: ["non-breaking added-optional listUsers query.role"],
    caller: `await api.listUsers();`,
    verdict: "compiles",
  },
  {
    name: "optional header added",
    old: collection([listUsers()]),
    new: collection([listUsers([], [{ key: "X-Trace", value: "abc", disabled: true }])]),
    changes: ["non-breaking added-optional listUsers headers.X-Trace"],
    caller: `await api.listUsers();`,
    verdict: "compiles",
  },
  {
    name: "optional body field added",
    old: collection([createUser({ name: "Ada" }, [{ name: "Bob" }])]),
    new: collection([createUser({ name: "Ada", nickname: "ada" }, [{ name: "Bob" }])]),
    changes: ["non-breaking added-optional createUser body $.nickname"],
    caller: `await api.createUser({ body: { name: "Ada" } });`,
    verdict: "compiles",
  },
  {
    name: "request type widened (string → string | number)",
    old: collection([createUser({ name: "Ada", age: "unknown" }, [{ name: "Bob", age: "30" }])]),
    new: collection([createUser({ name: "Ada", age: "unknown" }, [{ name: "Bob", age: 30 }])]),
    changes: ["non-breaking widened createUser body $.age"],
    caller: `await api.createUser({ body: { name: "Ada", age: "30" } });`,
    verdict: "compiles",
  },
  {
    name: "request body field became optional",
    old: collection([createUser({ name: "Ada", nickname: "ada" }, [{ name: "Bob", nickname: "bob" }])]),
    new: collection([createUser({ name: "Ada", nickname: "ada" }, [{ name: "Bob" }])]),
    changes: ["non-breaking became-optional createUser body $.nickname"],
    caller: `await api.createUser({ body: { name: "Ada", nickname: "ada" } });`,
    verdict: "compiles",
  },
  {
    name: "default added (the parameter becomes optional)",
    old: collection([listUsers([{ key: "role", value: "<string>" }])]),
    new: collection([listUsers([{ key: "role", value: "admin" }])]),
    changes: ["non-breaking became-optional listUsers query.role"],
    caller: `await api.listUsers({ query: { role: "staff" } });`,
    verdict: "compiles",
  },
  {
    name: "default changed",
    old: collection([listUsers([{ key: "page", value: "1" }])]),
    new: collection([listUsers([{ key: "page", value: "2" }])]),
    changes: ["non-breaking default-changed listUsers query.page"],
    caller: `await api.listUsers();`,
    verdict: "compiles",
  },
  {
    name: "request body sent as a form instead of JSON",
    old: collection([item("Create user", "POST", `${API}/users`, { body: { name: "Ada" } })]),
    new: collection([item("Create user", "POST", `${API}/users`, { form: [{ key: "name", value: "<string>" }] })]),
    changes: ["non-breaking body-mode-changed createUser body"],
    caller: `await api.createUser({ body: { name: "Ada" } });`,
    verdict: "compiles",
  },
  {
    name: "response status added",
    old: collection([getUser()]),
    new: collection([getUser([example(200, ada), example(404, { message: "no such user" })])]),
    changes: ["non-breaking status-added getUser response 404"],
    caller: `${getUserCall} if (res.status === 200) console.log(res.body.email.length);`,
    verdict: "compiles",
  },
  {
    name: "response field added",
    old: collection([getUser([example(200, { id: 1, name: "Ada" })])]),
    new: collection([getUser()]),
    changes: ["non-breaking added-required getUser response 200 $.email"],
    caller: `${getUserCall} if (res.status === 200) console.log(res.body.name.length);`,
    verdict: "compiles",
  },
  {
    name: "response field now always present",
    old: collection([getUser([example(200, ada), example(200, { id: 2, name: "Bob" }, { name: "another" })])]),
    new: collection([getUser([example(200, ada), example(200, { id: 2, name: "Bob", email: "bob@example.com" }, { name: "another" })])]),
    changes: [
      "non-breaking became-required getUser response 200 $.id",
      "non-breaking became-required getUser response 200 $.name",
      "non-breaking became-required getUser response 200 $.email",
    ],
    caller: `${getUserCall} if (res.status === 200) console.log(res.body.email?.length);`,
    verdict: "compiles",
  },
  {
    name: "response type narrowed (string | null → string)",
    old: collection([getUser([example(200, ada), example(200, { ...ada, id: 2, email: null }, { name: "another" })])]),
    new: collection([getUser([example(200, ada), example(200, { ...ada, id: 2, email: "bob@example.com" }, { name: "another" })])]),
    changes: ["non-breaking narrowed getUser response 200 $.email"],
    caller: `${getUserCall} if (res.status === 200) console.log(res.body.email === null ? 0 : res.body.email.length);`,
    verdict: "compiles",
  },
  {
    name: "typed response header added",
    old: collection([getUser()]),
    new: collection([getUser([example(200, ada, { headers: [{ key: "ETag", value: '"v1"' }] })])]),
    changes: ["non-breaking added-required getUser response 200 headers.etag"],
    caller: `${getUserCall} if (res.status === 200) console.log(res.headers.get("etag")?.length);`,
    verdict: "compiles",
  },
  {
    name: "example added",
    old: collection([getUser()]),
    new: collection([getUser([example(200, ada), example(200, { id: 2, name: "Bob", email: "bob@example.com" }, { name: "Bob" })])]),
    changes: ['non-breaking example-added getUser response 200 example "Bob"'],
    caller: `${getUserCall} if (res.status === 200) console.log(res.body.email.length);`,
    verdict: "compiles",
  },
  {
    name: "description changed",
    old: collection([getUser(undefined, { description: "Returns a user." })]),
    new: collection([getUser(undefined, { description: "Returns one user by id." })]),
    changes: ["non-breaking description-changed getUser description"],
    caller: getUserCall,
    verdict: "compiles",
  },
  {
    name: "variable added with a default",
    old: collection([listUsers()]),
    new: collection([listUsers([{ key: "v", value: "{{version}}" }])], { variable: [{ key: "version", value: "2" }] }),
    changes: ["non-breaking added-optional (collection) variables.version"],
    caller: `await api.listUsers();`,
    verdict: "compiles",
  },
  {
    name: "base URL changed",
    old: collection([getUser()]),
    new: collection([item("Get user", "GET", "https://api.example.org/users/:id", { responses: [example(200, ada)] })]),
    changes: ["non-breaking base-changed getUser base"],
    caller: getUserCall,
    verdict: "compiles",
  },
];

const work = tempDir("diff-classes");
const runtime = join(work.path, "runtime");
const generated = new Map<string, GeneratedPair>();
/** Caller file → type errors, for every row's caller against the old and the new client. */
const errors = new Map<string, string[]>();
const callerFiles = new Map<string, { old: string; now: string }>();

beforeAll(() => {
  rows.forEach((row, i) => {
    const name = `row${i}`;
    const pair = generatePair(work.path, name, row.old, row.new, runtime);
    generated.set(row.name, pair);
    const file = (side: "old" | "new") => {
      const path = join(work.path, name, `caller-${side}.ts`);
      const client = `./${side}/index.js`;
      writeFileSync(path, callerSource(client, row.caller, row.options, (row.imports ?? "").replaceAll("CLIENT", client)));
      return path;
    };
    callerFiles.set(row.name, { old: file("old"), now: file("new") });
  });
  const files = [...callerFiles.values()].flatMap((f) => [f.old, f.now]);
  for (const file of files) errors.set(file, []);
  for (const error of typeErrors(files)) {
    const file = files.find((f) => error.startsWith(`${f}:`));
    if (file) errors.get(file)!.push(error);
    else throw new Error(`a type error outside the callers: ${error}`);
  }
}, 120_000); // ~90 clients and their callers in one TypeScript program
afterAll(() => work.remove());

describe("pmgen diff: one row per class of change", () => {
  it("covers every class the issue names, both severities", () => {
    const codes = new Set(rows.flatMap((r) => r.changes.map((c) => c.split(" ")[1])));
    for (const code of ["operation-removed", "operation-renamed", "operation-moved", "added-required", "removed", "narrowed", "became-required", "status-removed", "auth-changed", "operation-added", "added-optional", "status-added", "example-added", "widened", "description-changed"]) {
      expect(codes, code).toContain(code);
    }
  });

  for (const row of rows) {
    it(row.name, async () => {
      const pair = generated.get(row.name)!;
      expect(pair.changes.sort()).toEqual([...row.changes].sort());
      const files = callerFiles.get(row.name)!;
      expect(errors.get(files.old), "the caller compiles against the old client").toEqual([]);
      const against = errors.get(files.now)!;
      if (row.verdict === "fails") {
        expect(pair.report.summary.breaking).toBeGreaterThan(0);
        expect(against.length, "the caller no longer compiles against the new client").toBeGreaterThan(0);
      } else if (row.verdict === "compiles") {
        expect(pair.report.summary.breaking).toBe(0);
        expect(against, "the caller still compiles against the new client").toEqual([]);
      } else {
        expect(pair.report.summary.breaking).toBeGreaterThan(0);
        expect(against, "the caller still compiles: the change is in what it sends").toEqual([]);
        row.verdict.meaning(await runCaller(files.old), await runCaller(files.now));
      }
    });
  }
});
