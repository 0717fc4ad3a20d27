/**
 * The postman-collection SDK's reading of a collection, as the plain views of postman-model.ts:
 * the fallback for shapes the fast reader leaves to the SDK, and the reference model the test
 * holds the fast reader to.
 */
import type { Collection, Item, ItemGroup, Request, RequestBody } from "./sdk.js";
import { listOf, postmanSdk } from "./sdk.js";
import type { BodyView, Entry, FolderNode, FormEntry, ModelNode, PostmanModel, RequestView, SdkFallback } from "./postman-model.js";

type RawNode = Record<string, unknown>;
type Sdk = ReturnType<typeof postmanSdk>;

export function sdkFallback(): SdkFallback {
  const sdk = postmanSdk();
  return {
    request: (raw) => requestView(new sdk.Request(raw as ConstructorParameters<Sdk["Request"]>[0]), raw),
    auth: (raw) => new sdk.RequestAuth(raw as ConstructorParameters<Sdk["RequestAuth"]>[0]).toJSON(),
    variables: (raw) => listOf<Entry>(new sdk.VariableList(null as never, raw as never[])),
    folder: (raw) => folderView(sdk, new sdk.ItemGroup(withoutExamples(raw) as ConstructorParameters<Sdk["ItemGroup"]>[0]), raw),
  };
}

/** The SDK's Collection of the requests (saved examples left out, see withoutExamples). */
export function sdkCollection(json: RawNode): Collection {
  return new (postmanSdk().Collection)(withoutExamples(json) as ConstructorParameters<Sdk["Collection"]>[0]);
}

/** The whole collection through the SDK, as pmgen read it before the fast reader. */
export function sdkPostmanModel(json: RawNode): PostmanModel {
  const sdk = postmanSdk();
  const collection = sdkCollection(json);
  return {
    auth: collection.auth?.toJSON() ?? json.auth,
    variables: listOf<Entry>(collection.variables),
    items: nodeViews(sdk, listOf<Item | ItemGroup>(collection.items), json.item as unknown[]),
  };
}

/** SDK items beside the raw JSON they came from, matched by position. */
function nodeViews(sdk: Sdk, items: readonly (Item | ItemGroup)[], raws: readonly unknown[]): ModelNode[] {
  return items.map((node, index): ModelNode => {
    const raw = (raws[index] ?? {}) as RawNode;
    if (sdk.ItemGroup.isItemGroup(node)) return folderView(sdk, node as ItemGroup, raw);
    return { kind: "item", raw, request: requestView((node as Item).request, raw.request) };
  });
}

function folderView(sdk: Sdk, group: ItemGroup, raw: RawNode): FolderNode {
  return {
    kind: "folder",
    raw,
    auth: group.auth?.toJSON() ?? raw.auth,
    items: nodeViews(sdk, listOf<Item | ItemGroup>(group.items), (raw.item as unknown[]) ?? []),
  };
}

function requestView(request: Request, raw: unknown): RequestView {
  const url = request.url;
  const rawAuth = typeof raw === "object" && raw ? (raw as RawNode).auth : undefined;
  const view: RequestView = {
    method: request.method,
    url: {
      protocol: url.protocol,
      host: url.host,
      port: url.port,
      path: url.path,
      query: listOf<Entry>(url.query),
      variables: listOf<Entry>(url.variables),
    },
    headers: listOf<Entry>(request.headers),
    body: request.body && bodyView(request.body),
    auth: request.auth?.toJSON() ?? rawAuth,
  };
  const description = (request as { description?: unknown }).description;
  if (description !== undefined) view.description = description;
  return view;
}

function bodyView(body: RequestBody): BodyView {
  const view: BodyView = { mode: body.mode, raw: body.raw, options: body.options, disabled: (body as { disabled?: unknown }).disabled };
  if (body.urlencoded) view.urlencoded = listOf<Entry>(body.urlencoded as never);
  if (body.formdata) view.formdata = listOf<FormEntry>(body.formdata as never);
  if (body.graphql) view.graphql = body.graphql as BodyView["graphql"];
  return view;
}

/**
 * Saved examples are left out: `model` reads them from the raw JSON (see model/examples.ts),
 * and building them is three quarters of the SDK's time on github-v3.
 */
function withoutExamples(node: RawNode): RawNode {
  const { response: _examples, ...rest } = node;
  if (!Array.isArray(rest.item)) return rest;
  return { ...rest, item: rest.item.map((child) => (child && typeof child === "object" ? withoutExamples(child as RawNode) : child)) };
}
