/**
 * Shapes shared across operations are named from what their uses have in common (the resource
 * their operations name, the property they sit at, their keys), never after whichever use comes
 * first in collection order.
 */
import { describe, expect, it } from "vitest";
// inferTypes here renders the graph (see helpers.ts)
import { commonResource } from "../../generator/infer/assign-names.js";
import type { TypeRequest } from "../../generator/infer/contract.js";
import { inferTypes, jsonRequest, moduleOf, typecheck } from "./helpers.js";

const deployment = '{"id": 1, "ref": "main", "task": "deploy"}';

/** Every rotation and the reversal of `requests`. */
function orders(requests: TypeRequest[]): TypeRequest[][] {
  const rotations = requests.map((_, i) => [...requests.slice(i), ...requests.slice(0, i)]);
  return [...rotations, [...requests].reverse()];
}

/** Declarations and root types with the order-dependent JSDoc examples left out. */
function names(result: ReturnType<typeof inferTypes>) {
  return {
    declarations: result.declarations.map((d) => d.name),
    roots: Object.fromEntries(Object.entries(result.roots).map(([key, root]) => [key, root.tsType]).sort()),
  };
}

describe("commonResource", () => {
  it.each([
    [["getADeployment", "createADeployment", "listDeployments"], "Deployment"],
    [["createVolumeBackup", "aGetVolumeBackup"], "VolumeBackup"],
    // Qualifiers (`For ...`, `Legacy`) are not the resource.
    [["listGpgKeysForAUser", "createAGpgKeyForTheAuthenticatedUser", "getAGpgKey"], "GpgKey"],
    [["getADiscussionLegacy", "createADiscussion", "listDiscussions"], "Discussion"],
    [["markNotificationsAsRead", "createADeployment", "mergeABranch"], ""],
    // At least one word (the verb) stays in front of the resource.
    [["getRepo", "reposGetRepo"], "Repo"],
  ])("commonResource(%j) = %j", (operations, resource) => expect(commonResource(operations)).toBe(resource));

  it("with a share, takes the longest suffix most operations end with", () => {
    const operations = ["addARepositoryCollaborator", "listRepositoryInvitations", "updateARepositoryInvitation"];
    expect(commonResource(operations)).toBe("");
    expect(commonResource(operations, 0.5)).toBe("RepositoryInvitation");
  });
});

describe("names of shapes shared across operations", () => {
  const deployments = [
    jsonRequest("createADeployment:request", "CreateADeploymentRequest", ['{"ref": "main"}']),
    jsonRequest("createADeployment:response:201", "CreateADeploymentResponse201", [deployment]),
    jsonRequest("createADeployment:response:409", "CreateADeploymentResponse409", ['{"message": "conflict"}']),
    jsonRequest("getADeployment:response:200", "GetADeploymentResponse200", [deployment]),
    jsonRequest("listDeployments:response:200", "ListDeploymentsResponse200", [`[${deployment}]`]),
    jsonRequest("markNotificationsAsRead:response:202", "MarkNotificationsAsReadResponse202", ['{"message": "accepted"}']),
    jsonRequest("mergeABranch:response:404", "MergeABranchResponse404", ['{"message": "no branch"}']),
  ];

  it("a success body of several operations is named after their common resource", () => {
    const result = inferTypes(deployments);
    expect(result.roots["createADeployment:response:201"]!.tsType).toBe("Deployment");
    expect(result.roots["getADeployment:response:200"]!.tsType).toBe("Deployment");
    expect(result.roots["listDeployments:response:200"]!.tsType).toBe("Deployment[]");
    expect(result.declarations.find((d) => d.name === "Deployment")!.tsSource).toMatch(
      /^\/\*\*\n \* A shape used by 3 operations \(`createADeployment`, `getADeployment`, `listDeployments`\)\./,
    );
  });

  it("a body shared by success and error responses of unrelated operations is named after its content", () => {
    // Before: `MarkNotificationsAsReadResponse202`, also for createADeployment's 409.
    const result = inferTypes(deployments);
    for (const key of ["createADeployment:response:409", "markNotificationsAsRead:response:202", "mergeABranch:response:404"]) {
      expect(result.roots[key]!.tsType).toBe("MessageBody");
    }
    expect(names(result).declarations).toEqual(["CreateADeploymentRequest", "Deployment", "MessageBody"]);
    expect(typecheck(moduleOf(result))).toEqual([]);
  });

  it("names do not depend on the order of the requests", () => {
    const expected = names(inferTypes(deployments));
    for (const order of orders(deployments)) expect(names(inferTypes(order))).toEqual(expected);
  });

  it("adding an operation that sorts first and shares the shape renames nothing", () => {
    const before = names(inferTypes(deployments));
    const after = names(inferTypes([jsonRequest("aGetDeployment:response:200", "AGetDeploymentResponse200", [deployment]), ...deployments]));
    expect(after.declarations).toEqual(before.declarations);
    expect(after.roots["aGetDeployment:response:200"]).toBe("Deployment");
  });

  it("two keys name a shape after both, sorted", () => {
    const result = inferTypes([
      jsonRequest("ping:response:200", "PingResponse200", ['{"status": "ok", "code": 1}']),
      jsonRequest("health:response:200", "HealthResponse200", ['{"code": 2, "status": "ok"}']),
    ]);
    expect(result.declarations.map((d) => d.name)).toEqual(["CodeStatus"]);
  });

  it("a request body shared by operations on one resource is `<Resource>Request`", () => {
    const body = '{"tag_name": "v1", "name": "One", "draft": false}';
    const result = inferTypes([
      jsonRequest("createARelease:request", "CreateAReleaseRequest", [body]),
      jsonRequest("updateARelease:request", "UpdateAReleaseRequest", [body]),
    ]);
    expect(result.roots["updateARelease:request"]!.tsType).toBe("ReleaseRequest");
    expect(result.declarations.map((d) => d.name)).toEqual(["ReleaseRequest"]);
  });

  it("a root body also nested in other operations takes the property's name", () => {
    const label = '{"id": 1, "name": "bug", "color": "f00"}';
    const result = inferTypes([
      jsonRequest("getAnIssue:response:200", "GetAnIssueResponse200", [`{"id": 7, "labels": [${label}]}`]),
      jsonRequest("getALabel:response:200", "GetALabelResponse200", [label]),
      jsonRequest("listPullRequests:response:200", "ListPullRequestsResponse200", [`[{"number": 3, "labels": [${label}]}]`]),
    ]);
    expect(result.roots["getALabel:response:200"]!.tsType).toBe("Label");
    expect(result.declarations.map((d) => d.name)).toEqual(["GetAnIssueResponse200", "Label", "ListPullRequestsResponse200Item"]);
  });

  it("a shape with nothing better in common falls back to its alphabetically first success use's name, in any order", () => {
    const body = '{"a": 1, "b": 2, "c": 3}';
    const requests = [
      jsonRequest("zeta:response:200", "ZetaResponse200", [body]),
      jsonRequest("alpha:response:500", "AlphaResponse500", [body, body]),
      jsonRequest("mid:response:200", "MidResponse200", [body]),
    ];
    for (const order of orders(requests)) expect(names(inferTypes(order)).declarations).toEqual(["MidResponse200"]);
  });

  it("a shape within one operation keeps the operation's name", () => {
    const result = inferTypes([
      jsonRequest("createVolumeBackup:response:200", "CreateVolumeBackupResponse200", [deployment]),
      jsonRequest("createVolumeBackup:response:201", "CreateVolumeBackupResponse201", [deployment]),
    ]);
    expect(result.declarations.map((d) => d.name)).toEqual(["CreateVolumeBackupResponse200"]);
  });

  it("the most used error-only shape is `ErrorResponse` whatever the order", () => {
    const requests = [
      jsonRequest("a:response:404", "AResponse404", ['{"error": "x"}']),
      jsonRequest("b:response:404", "BResponse404", ['{"error": "y"}']),
      jsonRequest("c:response:400", "CResponse400", ['{"code": 1, "message": "m"}']),
      jsonRequest("d:response:500", "DResponse500", ['{"code": 2, "message": "n"}']),
      jsonRequest("e:response:401", "EResponse401", ['{"code": 3, "message": "o"}']),
    ];
    for (const order of orders(requests)) {
      const result = inferTypes(order);
      expect(result.roots["c:response:400"]!.tsType).toBe("ErrorResponse");
      expect(result.roots["a:response:404"]!.tsType).toBe("NotFoundErrorResponse");
    }
  });
});

describe("hostile operation names", () => {
  it("operations named after Object.prototype members get ordinary names", () => {
    const result = inferTypes([
      jsonRequest("constructor:response:200", "ConstructorResponse200", ['{"id": 1, "x": 2, "y": 3}']),
      jsonRequest("toString:response:200", "ToStringResponse200", ['{"id": 2, "x": 2, "y": 3}']),
    ]);
    expect(result.declarations.map((d) => d.name)).toEqual(["ConstructorResponse200"]);
    expect(commonResource(["constructor", "hasOwnProperty"])).toBe("");
  });
});
