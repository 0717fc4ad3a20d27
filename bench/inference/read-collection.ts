/**
 * The bench's view of a collection: the saved example bodies per operation and status, read
 * straight from the collection JSON (so the held-out example can be removed from the very item
 * postman2openapi reads).
 */
import { readFileSync } from "node:fs";

export type RawItem = { name?: string; item?: RawItem[]; request?: unknown; response?: RawResponse[] } & Record<string, unknown>;
export type RawResponse = { name?: string; code?: number; body?: string | null } & Record<string, unknown>;

export interface Unit {
  /** `Folder / Item @ 200` */
  id: string;
  item: RawItem;
  status: number;
  /** Indexes into `item.response` of the examples of this status whose body is strict JSON. */
  examples: number[];
}

export interface RawCollection {
  json: { info: unknown; item: RawItem[]; variable?: unknown; auth?: unknown };
  units: Unit[];
}

function isStrictJson(text: unknown): boolean {
  if (typeof text !== "string" || text.trim() === "") return false;
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

export function readCollection(path: string): RawCollection {
  const json = JSON.parse(readFileSync(path, "utf8")) as RawCollection["json"];
  const units: Unit[] = [];
  const visit = (items: RawItem[], prefix: string) => {
    items.forEach((item, index) => {
      const name = `${prefix}${item.name ?? `#${index + 1}`}`;
      if (Array.isArray(item.item)) {
        visit(item.item, `${name} / `);
        return;
      }
      const byStatus = new Map<number, number[]>();
      (item.response ?? []).forEach((response, i) => {
        if (typeof response.code !== "number" || !isStrictJson(response.body)) return;
        byStatus.set(response.code, [...(byStatus.get(response.code) ?? []), i]);
      });
      for (const [status, examples] of [...byStatus].sort((a, b) => a[0] - b[0])) {
        units.push({ id: `${name} @ ${status}`, item, status, examples });
      }
    });
  };
  visit(json.item, "");
  return { json, units };
}
