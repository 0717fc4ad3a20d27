/**
 * Requests with equal samples are merged once and the type copied under each request's own
 * hint (`renamed` in merge.ts). The copy must be exactly what merging again would give.
 */
import { describe, expect, it } from "vitest";
import { parseJson, type TypeRequest } from "../../generator/infer/index.js";
import { statusOf } from "../../generator/infer/contract.js";
import { inferTypes } from "./helpers.js";
import type { NameHint, ObjectNode, TypeNode } from "../../generator/infer/graph.js";
import { mergeObservations, renamed } from "../../generator/infer/merge.js";
import { discoverCollections } from "../../generator/load/discover.js";
import { loadCollection } from "../../generator/load/load-collection.js";
import { buildCollectionIR } from "../../generator/model/build.js";
import { collectTypeRequests } from "../../generator/infer/requests.js";
import { FIXTURES, OCI_FOLDER, ROOT } from "../support.js";

/** The type graph as plain data, hints included; a parent is named by its object's number. */
function describeGraph(type: TypeNode): unknown {
  const numbers = new Map<ObjectNode, number>();
  const hint = (h: NameHint) => ({
    name: h.name,
    describe: h.describe,
    root: h.root,
    parent: h.parent === undefined ? undefined : numbers.get(h.parent) ?? "outside",
  });
  const walk = (node: TypeNode): unknown => {
    switch (node.kind) {
      case "object": {
        numbers.set(node.object, numbers.size);
        const { properties, additional, observed } = node.object;
        return {
          object: numbers.get(node.object),
          hint: hint(node.object.hint),
          observed,
          additional: additional && walk(additional),
          properties: properties.map((p) => ({ key: p.key, optional: p.optional, type: walk(p.type) })),
        };
      }
      case "array":
        return { array: walk(node.items) };
      case "map":
        return { map: walk(node.values) };
      case "union":
        return { union: node.members.map(walk), discriminator: node.discriminator };
      default:
        return node;
    }
  };
  return walk(type);
}

function rootHint(name: string, status: number): NameHint {
  return { name, describe: `the response body of \`${name}\``, root: { order: 1, role: "response", status, operation: name } };
}

function expectRenamedEqualsMerged(texts: string[], status = 200): void {
  const observations = texts.map((text, sample) => {
    const parsed = parseJson(text);
    if (!parsed.ok) throw new Error(parsed.message);
    return { value: parsed.value, sample };
  });
  const ctx = { warn: () => undefined };
  const first = mergeObservations(observations, rootHint("ListThings", status), "$", 0, ctx);
  const direct = mergeObservations(observations, rootHint("GetWidget", status), "$", 0, ctx);
  expect(describeGraph(renamed(first, rootHint("GetWidget", status)))).toEqual(describeGraph(direct));
}

describe("a merged type copied under another root", () => {
  it("derives every name again: items, map values, union members, properties, the empty key", () => {
    expectRenamedEqualsMerged(['[{"id": 1, "owner": {"login": "a"}}]']);
    expectRenamedEqualsMerged(['[[{"id": 1}]]', "[[]]"]);
    expectRenamedEqualsMerged(['{"a1b2c3d4e5f6": {"n": 1}, "0f0f0f0f0f0f": {"n": 2}}']);
    expectRenamedEqualsMerged(['{"": {"x": 1}, "y": [{"": 2}]}']);
    // Discriminated unions at the root, nested and inside an array, mixed with other kinds.
    expectRenamedEqualsMerged(['{"type": "cat", "meow": true}', '{"type": "dog", "bark": 1}']);
    expectRenamedEqualsMerged(['{"pets": [{"kind": "cat", "meow": true}, {"kind": "dog", "bark": 1}, null, "x"]}']);
    expectRenamedEqualsMerged(['[{"type": "0882", "a": 1}, {"type": "0883", "b": 1}, [1]]']);
    // Keys that come and go (an index signature), and an error body's presence rules.
    expectRenamedEqualsMerged(['{"param": "x", "uid": "y"}', '{"param": "z"}']);
    expectRenamedEqualsMerged(['{"message": "Not Found", "documentation_url": "https://docs"}'], 404);
  });

  it("is what merging gives, for every sample set of the test collections", () => {
    const sources = [...discoverCollections([FIXTURES], ROOT), ...discoverCollections([OCI_FOLDER], ROOT)];
    let compared = 0;
    for (const source of sources) {
      for (const request of collectTypeRequests(buildCollectionIR(loadCollection(source, ROOT)).ir)) {
        if (request.kind !== "json") continue;
        const texts = request.samples.map((s) => s.text).filter((text) => text.trim() !== "" && parseJson(text).ok);
        if (texts.length === 0) continue;
        expectRenamedEqualsMerged(texts, statusOf(request.position) ?? 200);
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(2000);
  });

  it("leaves inference's result as if every request were merged on its own", () => {
    // Trailing spaces make every request's JSON sample texts differ from every other request's
    // (so nothing is copied) without changing any value, or which samples of one request are
    // equal: the result must be the same, warnings included.
    const [source] = discoverCollections([`${FIXTURES}/github-v3.postman_collection.json`], ROOT);
    const requests = collectTypeRequests(buildCollectionIR(loadCollection(source!, ROOT)).ir);
    let padding = 0;
    const distinct: TypeRequest[] = requests.map((request) => {
      if (request.kind !== "json") return request;
      const padded = new Map<string, string>();
      const pad = (text: string) => padded.get(text) ?? padded.set(text, text + " ".repeat(++padding)).get(text)!;
      return { ...request, samples: request.samples.map((sample) => ({ ...sample, text: pad(sample.text) })) };
    });
    const shared = inferTypes(requests);
    const alone = inferTypes(distinct);
    const plain = (result: ReturnType<typeof inferTypes>) => ({
      declarations: result.declarations.map(({ name, tsSource, refs }) => ({ name, tsSource, refs })),
      roots: Object.entries(result.roots).map(([key, root]) => [key, root.tsType, root.refs]),
      diagnostics: result.diagnostics,
    });
    expect(plain(shared)).toEqual(plain(alone));
    expect(shared.declarations.length).toBeGreaterThan(400);
  });
});
