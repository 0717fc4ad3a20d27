import { describe, expect, it } from "vitest";
// inferTypes here renders the graph (see helpers.ts)
import { pascalCase, singular } from "../../generator/infer/naming.js";
import { inferTypes, jsonRequest } from "./helpers.js";

describe("name words", () => {
  it.each([
    ["node_id", "NodeId"],
    ["htmlURL", "HtmlURL"],
    ["x-rate-limit", "XRateLimit"],
    ["😀", ""],
  ])("pascalCase(%j) = %j", (input, output) => expect(pascalCase(input)).toBe(output));

  it.each([
    ["Users", "User"],
    ["Categories", "Category"],
    ["Addresses", "Address"],
    ["Statuses", "Status"],
    ["Status", "StatusItem"],
    ["Data", "DataItem"],
    ["People", "Person"],
    ["ListUsersResponse200", "ListUsersResponse200Item"],
  ])("singular(%j) = %j", (input, output) => expect(singular(input)).toBe(output));
});

describe("type names", () => {
  it("names nested types after properties, array items singular", () => {
    const result = inferTypes([
      jsonRequest("listOrgs:response:200", "ListOrgsResponse200", ['{"users": [{"id": 1, "address": {"city": "x"}}]}']),
    ]);
    expect(result.declarations.map((d) => d.name)).toEqual(["Address", "ListOrgsResponse200", "User"]);
  });

  it("identical error bodies of several operations are one ErrorResponse", () => {
    const error = '{"code": "NotAuthorized", "message": "nope"}';
    const result = inferTypes([
      jsonRequest("a:response:200", "AResponse200", ['{"ok": true}']),
      jsonRequest("a:response:404", "AResponse404", [error]),
      jsonRequest("b:response:401", "BResponse401", ['{"message": "x", "code": "Y"}']),
      jsonRequest("b:response:500", "BResponse500", [error]),
      jsonRequest("c:response:404", "CResponse404", ['{"error": {"reason": "r"}}']),
      jsonRequest("d:response:404", "DResponse404", ['{"error": {"reason": "s"}}']),
    ]);
    expect(result.roots["a:response:404"]!.tsType).toBe("ErrorResponse");
    expect(result.declarations.find((d) => d.name === "ErrorResponse")!.tsSource).toMatch(
      /^\/\*\*\n \* The error body of 3 responses of 2 operations\./,
    );
    expect(result.roots["b:response:401"]!.tsType).toBe("ErrorResponse");
    expect(result.roots["b:response:500"]!.tsType).toBe("ErrorResponse");
    // A second shared error shape, all 404s, is named after its status.
    expect(result.roots["c:response:404"]!.tsType).toBe("NotFoundErrorResponse");
    expect(result.roots["d:response:404"]!.tsType).toBe("NotFoundErrorResponse");
    // `Error` is a global type: the nested object is qualified with its parent's name.
    expect(result.declarations.map((d) => d.name)).toEqual([
      "AResponse200",
      "ErrorResponse",
      "NotFoundErrorResponse",
      "NotFoundErrorResponseError",
    ]);
  });

  it("a shape shared by success responses of unrelated operations is named after its key, not after one of them", () => {
    const result = inferTypes([
      jsonRequest("a:response:200", "AResponse200", ['{"id": 1}']),
      jsonRequest("b:response:200", "BResponse200", ['{"id": 2}']),
    ]);
    expect(result.roots["a:response:200"]!.tsType).toBe("IdBody");
    expect(result.roots["b:response:200"]!.tsType).toBe("IdBody");
    expect(result.declarations.map((d) => d.name)).toEqual(["IdBody"]);
  });

  it("collisions are qualified with the parent's name, then numbered", () => {
    const result = inferTypes([
      jsonRequest("a:response:200", "RepoResponse", ['{"owner": {"id": 1}, "team": {"owner": {"login": "x"}}, "org": {"team": {"owner": {"email": "e"}}}}']),
    ]);
    const names = result.declarations.map((d) => d.name);
    expect(names).toEqual(["Org", "OrgTeam", "OrgTeamOwner", "Owner", "RepoResponse", "Team", "TeamOwner"]);
  });

  it("numbers only when the qualified name is taken too", () => {
    const result = inferTypes(
      [jsonRequest("a:response:200", "RepoResponse", ['{"team": {"owner": {"id": 1}}}'])],
      new Set(["Owner", "TeamOwner"]),
    );
    expect(result.declarations.map((d) => d.name)).toEqual(["RepoResponse", "Team", "TeamOwner2"]);
  });

  it("never takes a reserved name, a request's name, or a TypeScript global", () => {
    const result = inferTypes(
      [
        jsonRequest("a:response:200", "AResponse200", ['{"user": {"id": 1}, "error": {"m": "x"}, "b": {"x": 1}}']),
        jsonRequest("b:response:200", "B", ['"not an object"']),
      ],
      new Set(["User"]),
    );
    expect(result.declarations.map((d) => d.name)).toEqual(["AResponse200", "AResponse200B", "AResponse200Error", "AResponse200User"]);
  });
});
