/**
 * `pmgen diff --format json`: the report as one JSON document on stdout, for CI tools. Its
 * schema is report.schema.json (JSON Schema 2020-12, `version` 1; a change of meaning bumps it).
 *
 * ```jsonc
 * {
 *   "pmgen": "diff", "version": 1, "ok": true,                     // an error: { "ok": false, "error": {...} }
 *   "old": "collections/lob.json", "new": "lob-edited.json",      // or "<git-ref>" and "working tree"
 *   "summary": { "breaking": 2, "nonBreaking": 5, "collections": 1, "operations": 4 },
 *   "collections": [{
 *     "name": "lob", "title": "Lob", "old": "...", "new": "...",   // null on the side without it
 *     "breaking": 2, "nonBreaking": 5,
 *     "changes": [ ... ],                                            // variables, exported types, description
 *     "operations": [{
 *       "id": "fetchAddress", "previousId": "getAddress",            // previousId only when the name changed
 *       "method": "GET", "path": "/addresses/:adr_id", "item": "Addresses / Fetch address",
 *       "breaking": 1, "nonBreaking": 0,
 *       "changes": [{
 *         "severity": "breaking",                                    // or "non-breaking"
 *         "code": "operation-renamed",                               // see CHANGE_CODES in changes.ts
 *         "direction": "input",                                      // input: the caller writes it; output: reads it
 *         "location": "operation",
 *         "before": "getAddress", "after": "fetchAddress",           // each only when there is one
 *         "message": "operation renamed"
 *       }]
 *     }]
 *   }]
 * }
 * ```
 *
 * `location` is where the caller meets the change:
 * - `operation`, `auth` (the operation's auth scheme), `base` (its URL's base), `description`;
 * - `path.<name>`, `query.<name>`, `headers.<name>`: a member of `params.path`, `.query`, `.headers`;
 * - `body` (`params.body` as a whole), `body <json path>` (a field of it, form fields included);
 * - `response <status>` (a documented status), `response <status> <json path>` (a field of its
 *   body), `response <status> headers.<name>` (a header `headers.get()` types as `string`),
 *   `response <status> example "<name>"` (a saved example, which the fixtures hold);
 * - `variables.<name>` (a member of `ClientVariables`), `types.<Name>` (a type `types.ts`
 *   exports), `collection`.
 *
 * A JSON path starts at `$` (the body) and goes on with `.key` (or `["key"]` when the key is not
 * an identifier), `[]` (every element of an array), `.*` (every value of a map, or every key an
 * object has beyond its named ones) and `<tag=value>` (the member of a discriminated union whose
 * tag has that value; `<TypeName>` if its members share no tag, which inference does not make):
 * `response 200 $.items[].owner.login`, `body $.events[]<type=push>.sha`.
 */
import type { DiffReport } from "./report.js";

export function jsonReport(report: DiffReport): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}
