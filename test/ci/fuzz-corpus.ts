/**
 * The fuzz corpus: collections mutated from the shared ones, seeded and reproducible. Used by
 * the fuzz test and by the test that holds the fast Postman reader to the SDK.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { FIXTURES } from "../support.js";

export const FUZZ_BASES = [
  "postman-echo.postman_collection.json",
  "twitter-api-v2.postman_collection.json",
  "wise-cards-api.postman_collection.json",
  "pdfco.postman_collection.json",
  "postman-api.postman_collection.json",
  "paypal-partner-apis.v2.0.postman_collection.json",
  "fastly.postman_collection.json",
  "github-v3.postman_collection.json",
];

const HOSTILE = ["*/", "`", "${x}", '"', "'", "\\", "\n", "\u2028", "\u2029", "</script>", "__proto__", "constructor", "delete", "🚀", "", " ", "{{", "}}", "{{x}}", ":id", "?a=1", "#", "%zz", "0", "-1", "1e999", "null", "true"];

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Random = () => number;

export function mulberry32(seed: number): Random {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(random: Random, list: readonly T[]): T => list[Math.floor(random() * list.length)]!;

function hostileText(random: Random): string {
  const parts = Array.from({ length: 1 + Math.floor(random() * 3) }, () => pick(random, HOSTILE));
  return random() < 0.1 ? parts.join("").repeat(200) : parts.join(pick(random, ["", " ", "x"]));
}

/** Every request item of a collection, flattened. */
function requestItems(items: Json[]): Json[] {
  if (!Array.isArray(items)) return [];
  return items.flatMap((item) => {
    if (!item || typeof item !== "object" || Array.isArray(item)) return [];
    const node = item as { item?: Json[]; request?: Json };
    return Array.isArray(node.item) ? requestItems(node.item) : node.request !== undefined ? [item] : [];
  });
}

/** All objects and arrays in a value, for picking a place to mutate. */
function containers(value: Json, into: (Json[] | { [key: string]: Json })[] = []): (Json[] | { [key: string]: Json })[] {
  if (value && typeof value === "object") {
    into.push(value);
    for (const child of Array.isArray(value) ? value : Object.values(value)) containers(child, into);
  }
  return into;
}

const MUTATIONS: ((c: { info: Json; item: Json[] }, random: Random) => void)[] = [
  // Names, keys and values anywhere become hostile text.
  (c, random) => {
    const target = pick(random, containers(c.item as Json));
    if (Array.isArray(target)) {
      if (target.length) target[Math.floor(random() * target.length)] = hostileText(random);
    } else {
      const keys = Object.keys(target);
      if (keys.length && random() < 0.5) {
        const key = pick(random, keys);
        target[hostileText(random)] = target[key]!;
        delete target[key];
      } else if (keys.length) target[pick(random, keys)] = hostileText(random);
    }
  },
  // A value changes JSON type.
  (c, random) => {
    const target = pick(random, containers(c.item as Json));
    const replacement = pick(random, [null, 0, -1.5, true, [], {}, "", [1, "a"], { a: { b: {} } }] as Json[]);
    if (Array.isArray(target)) target.push(replacement);
    else {
      const keys = Object.keys(target);
      if (keys.length) target[pick(random, keys)] = replacement;
    }
  },
  // A saved example body or request body becomes odd text or odd JSON.
  (c, random) => {
    const candidates = requestItems(c.item);
    if (!candidates.length) return;
    const item = pick(random, candidates) as { response?: { body?: Json }[]; request?: { body?: { raw?: Json } } };
    const text = pick(random, ['{"a":', "[1,2", "<xml/>", "", "null", "[]", "{}", '{"__proto__":{"x":1}}', '{"a":12345678901234567890}', "[".repeat(500) + "]".repeat(500), JSON.stringify({ [hostileText(random)]: hostileText(random) })]);
    if (Array.isArray(item.response) && item.response[0] && typeof item.response[0] === "object" && random() < 0.7) item.response[0].body = text;
    else if (item.request && typeof item.request === "object") item.request.body = { raw: text } as never;
  },
  // Structure: drop a request, nest items deeper, duplicate an item, odd auth.
  (c, random) => {
    const items = requestItems(c.item) as { request?: Json; auth?: Json; name?: Json }[];
    if (!items.length) return;
    const item = pick(random, items);
    const r = random();
    if (r < 0.2) delete item.request;
    else if (r < 0.4) c.item = [{ name: hostileText(random), item: [{ name: "deeper", item: c.item }] }];
    else if (r < 0.6) c.item.push(JSON.parse(JSON.stringify(item)) as Json);
    else if (r < 0.8 && item.request && typeof item.request === "object") (item.request as { auth?: Json }).auth = { type: pick(random, ["hawk", "oci", "weird", "noauth", "apikey", ""]), apikey: [{ key: "in", value: "query" }] };
    else if (item.request && typeof item.request === "object") (item.request as { url?: Json }).url = pick(random, ["", "{{", ":a/:a", "http://[::1", hostileText(random), { raw: 5 } as Json, null]);
  },
];

/** `runs` collection texts (2% of them cut short, so not JSON), in a fixed order for a seed. */
export function* fuzzCollections(seed: number, runs: number): Generator<{ run: number; text: string }> {
  const random = mulberry32(seed);
  const bases = FUZZ_BASES.map((name) => JSON.parse(readFileSync(join(FIXTURES, name), "utf8")) as { info: Json; item: Json[]; variable?: Json; auth?: Json });
  for (let run = 0; run < runs; run++) {
    const base = pick(random, bases);
    const items = requestItems(base.item);
    const subset = Array.from({ length: 1 + Math.floor(random() * 4) }, () => pick(random, items));
    const collection = JSON.parse(JSON.stringify({ ...base, item: subset })) as { info: Json; item: Json[] };
    for (let m = 0, count = 1 + Math.floor(random() * 3); m < count; m++) pick(random, MUTATIONS)(collection, random);
    yield { run, text: random() < 0.02 ? JSON.stringify(collection).slice(0, -7) : JSON.stringify(collection) };
  }
}
