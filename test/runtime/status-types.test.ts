/**
 * Type-level checks, enforced by `tsc -p tsconfig.json` (this file is in the typecheck):
 * a `@ts-expect-error` that stops being an error fails the typecheck. The runtime assertions
 * only make vitest run the file.
 */
import { describe, expect, expectTypeOf, it } from "vitest";
import {
  expectOk,
  type ApiResponse,
  type Client,
  type HttpStatus,
  type TypedHeaders,
  type UndocumentedResponse,
} from "../../templates/runtime/index.js";
import type { OperationSpec } from "../../templates/runtime/spec.js";

interface Backup { id: string; size: number }
interface ErrorBody { code: string; message: string }
type GetBackupResult =
  | ApiResponse<200, Backup, "etag" | "opc-request-id">
  | ApiResponse<404, ErrorBody>
  | UndocumentedResponse<200 | 404>;

/** What a generated operation does: send with its documented union as the result type. */
function getBackup(client: Client, spec: OperationSpec): Promise<GetBackupResult> {
  return client.send<GetBackupResult>(spec, undefined);
}

function narrow(res: GetBackupResult): string {
  if (res.status === 200) {
    expectTypeOf(res.body).toEqualTypeOf<Backup>();
    expectTypeOf(res.ok).toEqualTypeOf<true>();
    expectTypeOf(res.headers.get("etag")).toEqualTypeOf<string>();
    expectTypeOf(res.headers.get("other")).toEqualTypeOf<string | null>();
    return res.body.id;
  }
  if (res.status === 404) {
    expectTypeOf(res.body).toEqualTypeOf<ErrorBody>();
    expectTypeOf(res.ok).toEqualTypeOf<false>();
    return res.body.code;
  }
  expectTypeOf(res.body).toEqualTypeOf<unknown>();
  expectTypeOf(res.status).toEqualTypeOf<Exclude<HttpStatus, 200 | 404>>();
  // @ts-expect-error an undocumented body is unknown until checked
  return res.body.id;
}

function byOk(res: GetBackupResult): void {
  if (res.ok) {
    // A 2xx is the documented 200 or an undocumented one: the body is not yet known to be Backup.
    expectTypeOf(res.body).toEqualTypeOf<Backup | unknown>();
  }
  const ok = expectOk(res);
  expectTypeOf(ok.ok).toEqualTypeOf<true>();
  // @ts-expect-error a 404 is not an ok response
  const impossible: typeof ok.status = 404;
  void impossible;
}

function statuses(): void {
  // @ts-expect-error 600 is not an HTTP status
  const bad: HttpStatus = 600;
  const good: HttpStatus = 599;
  expectTypeOf<ApiResponse<201, null>["ok"]>().toEqualTypeOf<true>();
  expectTypeOf<ApiResponse<301, null>["ok"]>().toEqualTypeOf<false>();
  expectTypeOf<ApiResponse["ok"]>().toEqualTypeOf<boolean>();
  const headers: TypedHeaders<"x-a"> = new Headers({ "x-a": "1" }) as TypedHeaders<"x-a">;
  expectTypeOf(headers.get("x-a")).toEqualTypeOf<string>();
  void [bad, good];
}

describe("status types", () => {
  it("compile (see tsc) and narrow at runtime like they do in types", () => {
    const res = { status: 200 as const, ok: true as const, body: { id: "b1", size: 1 }, headers: new Headers({ etag: "e" }) as TypedHeaders<"etag" | "opc-request-id"> };
    expect(narrow(res)).toBe("b1");
    expect(typeof getBackup).toBe("function");
    expect(() => byOk(res)).not.toThrow();
    expect(() => statuses()).not.toThrow();
  });
});
