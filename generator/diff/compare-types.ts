/**
 * Structural comparison of two TypeScript types of the generated clients, old and new, each
 * resolving its declared names in its own `types.ts`. It reports what differs and which way:
 * `narrowed` (some old values are no longer in the type), `widened` (the type takes values it
 * did not), `changed` (both), fields removed, added and whose `?` flipped, each at a JSON path.
 * Whether that breaks a caller depends on the direction (see classify.ts): narrowing what a
 * request accepts breaks the caller who wrote the old values; widening what a response holds
 * breaks the caller who reads it.
 *
 * A union is compared member by member, grouped by what they are (strings with their literals,
 * numbers, objects told apart by their tag, arrays, maps...); `unknown` holds every value.
 * Declared objects compared once per pair of names and direction: a type shared by a hundred
 * positions costs one comparison, and each position still gets its findings.
 */
import type { NamedType } from "../infer/contract.js";
import { tsTypeOf } from "../emit/graph-types.js";
import { printType, type TsType } from "../emit/ts/index.js";
import { ITEMS_SEGMENT, keySegment, memberSegment, OTHER_KEYS_SEGMENT, type ChangeCode } from "./changes.js";
import type { Direction } from "./changes.js";

/** A finding inside a type: its JSON path from the compared type's root. */
export interface TypeFinding {
  code: Extract<ChangeCode, "removed" | "added-required" | "added-optional" | "became-required" | "became-optional" | "narrowed" | "widened" | "changed">;
  segments: readonly string[];
  before?: string;
  after?: string;
}

interface ObjectMember {
  key: string;
  type: TsType;
  optional: boolean;
}

interface ObjectShape {
  /** The declared name, when the object is one of `types.ts`. */
  name?: string;
  members: readonly ObjectMember[];
  index?: TsType;
}

export class TypeComparer {
  /** For each old declared name, the new names it was compared with: where an exported type went. */
  readonly namePairs = new Map<string, Set<string>>();
  private readonly declaredFindings = new Map<string, readonly TypeFinding[]>();
  private readonly oldShapes = new Map<string, ObjectShape>();
  private readonly newShapes = new Map<string, ObjectShape>();

  constructor(
    private readonly oldDeclarations: ReadonlyMap<string, NamedType>,
    private readonly newDeclarations: ReadonlyMap<string, NamedType>,
  ) {}

  /** What differs from `was` to `now`, in the given direction, with paths relative to the root. */
  compare(was: TsType, now: TsType, direction: Direction): TypeFinding[] {
    const findings: TypeFinding[] = [];
    this.compareAt(was, now, direction, [], findings);
    return findings;
  }

  private compareAt(was: TsType, now: TsType, direction: Direction, at: readonly string[], out: TypeFinding[]): void {
    if (!mentionsDeclared(was) && !mentionsDeclared(now) && printType(was) === printType(now)) return;
    const wasMembers = flatten(was);
    const nowMembers = flatten(now);
    const wasUnknown = wasMembers.some(isUnknown);
    const nowUnknown = nowMembers.some(isUnknown);
    if (wasUnknown || nowUnknown) {
      // `unknown` holds every value: nothing inside it can be compared.
      if (wasUnknown !== nowUnknown) out.push({ code: wasUnknown ? "narrowed" : "widened", segments: at, before: printType(was), after: printType(now) });
      return;
    }
    const wasGroups = this.groups(wasMembers, "old");
    const nowGroups = this.groups(nowMembers, "new");
    let narrowed = false;
    let widened = false;
    const nested: TypeFinding[] = [];
    for (const category of new Set([...wasGroups.keys(), ...nowGroups.keys()])) {
      const before = wasGroups.get(category);
      const after = nowGroups.get(category);
      if (!before) {
        widened = true;
        continue;
      }
      if (!after) {
        narrowed = true;
        continue;
      }
      const first = before.members[0]!;
      const second = after.members[0]!;
      if (first.kind === "array" && second.kind === "array") {
        this.compareAt(first.element, second.element, direction, [...at, ITEMS_SEGMENT], nested);
      } else if (isMap(first) && isMap(second)) {
        this.compareAt(first.args[1]!, second.args[1]!, direction, [...at, OTHER_KEYS_SEGMENT], nested);
      } else if (first.kind === "ref" && first.declared && second.kind === "ref" && second.declared) {
        this.compareDeclared(first.name, second.name, direction, before.segment ? [...at, before.segment] : at, nested);
      } else if (isObject(first) && isObject(second)) {
        // A declared object against an inline one: a JSON body that became a form, or back.
        this.compareObjects(this.objectShape(first, "old"), this.objectShape(second, "new"), direction, at, nested);
      } else if (first.kind === "keyword" || first.kind === "literal") {
        const diff = compareLiterals(before.members, after.members);
        narrowed ||= diff.narrowed;
        widened ||= diff.widened;
      }
    }
    if (narrowed || widened) {
      out.push({ code: narrowed && widened ? "changed" : narrowed ? "narrowed" : "widened", segments: at, before: printType(was), after: printType(now) });
    }
    out.push(...nested);
  }

  private compareDeclared(wasName: string, nowName: string, direction: Direction, at: readonly string[], out: TypeFinding[]): void {
    const pairs = this.namePairs.get(wasName) ?? new Set<string>();
    pairs.add(nowName);
    this.namePairs.set(wasName, pairs);
    const key = `${wasName}\u0000${nowName}\u0000${direction}`;
    let relative = this.declaredFindings.get(key);
    if (relative === undefined) {
      const found: TypeFinding[] = [];
      this.compareObjects(this.shape(wasName, "old"), this.shape(nowName, "new"), direction, [], found);
      this.declaredFindings.set(key, (relative = found));
    }
    for (const finding of relative) out.push({ ...finding, segments: [...at, ...finding.segments] });
  }

  private compareObjects(was: ObjectShape, now: ObjectShape, direction: Direction, at: readonly string[], out: TypeFinding[]): void {
    const nowByKey = new Map(now.members.map((m) => [m.key, m]));
    const wasKeys = new Set(was.members.map((m) => m.key));
    for (const before of was.members) {
      const path = [...at, keySegment(before.key)];
      const after = nowByKey.get(before.key);
      if (!after) {
        out.push({ code: "removed", segments: path, before: printType(before.type) });
        continue;
      }
      if (before.optional !== after.optional) out.push({ code: after.optional ? "became-optional" : "became-required", segments: path });
      this.compareAt(before.type, after.type, direction, path, out);
    }
    for (const after of now.members) {
      if (!wasKeys.has(after.key)) out.push({ code: after.optional ? "added-optional" : "added-required", segments: [...at, keySegment(after.key)], after: printType(after.type) });
    }
    const others = [...at, OTHER_KEYS_SEGMENT];
    if (was.index && !now.index) out.push({ code: "removed", segments: others, before: printType(was.index) });
    else if (!was.index && now.index) out.push({ code: "added-optional", segments: others, after: printType(now.index) });
    else if (was.index && now.index) this.compareAt(was.index, now.index, direction, others, out);
  }

  /**
   * The members of a union by what they are. Objects are one group, unless several are (a
   * discriminated union): then each is its own group, keyed by the tag's value.
   */
  private groups(members: readonly TsType[], side: "old" | "new"): Map<string, { members: TsType[]; segment?: string }> {
    const groups = new Map<string, { members: TsType[]; segment?: string }>();
    const add = (category: string, member: TsType, segment?: string) => {
      const group = groups.get(category);
      if (group) group.members.push(member);
      else groups.set(category, { members: [member], ...(segment ? { segment } : {}) });
    };
    const objects = members.filter((m) => m.kind === "ref" && m.declared);
    const tag = objects.length > 1 ? this.commonTag(objects.map((m) => (m as { name: string }).name), side) : undefined;
    for (const member of members) {
      if (member.kind === "ref" && member.declared && objects.length > 1) {
        const value = tag === undefined ? member.name : tagValue(this.shape(member.name, side), tag)!;
        add(`object:${value}`, member, tag === undefined ? `<${member.name}>` : memberSegment(tag, value));
      } else add(categoryOf(member), member);
    }
    return groups;
  }

  private objectShape(type: TsType, side: "old" | "new"): ObjectShape {
    if (type.kind === "ref") return this.shape(type.name, side);
    if (type.kind !== "object") throw new Error(`internal: ${printType(type)} is not an object type`);
    return { members: type.members.map((m) => ({ key: m.key, type: m.type, optional: m.optional === true })), ...(type.index ? { index: type.index } : {}) };
  }

  /** A key every object holds as one string literal: the tag of a discriminated union. */
  private commonTag(names: readonly string[], side: "old" | "new"): string | undefined {
    const shapes = names.map((name) => this.shape(name, side));
    return shapes[0]!.members.map((m) => m.key).find((key) => shapes.every((shape) => tagValue(shape, key) !== undefined));
  }

  private shape(name: string, side: "old" | "new"): ObjectShape {
    const cache = side === "old" ? this.oldShapes : this.newShapes;
    let shape = cache.get(name);
    if (shape === undefined) {
      const declared = (side === "old" ? this.oldDeclarations : this.newDeclarations).get(name);
      if (declared === undefined) throw new Error(`internal: ${side} type ${name} is not declared`);
      const node = declared.node;
      shape = {
        name,
        members: node.properties.map((p) => ({ key: p.key, type: tsTypeOf(p.type), optional: p.optional })),
        ...(node.additional !== undefined ? { index: tsTypeOf(node.additional) } : {}),
      };
      cache.set(name, shape);
    }
    return shape;
  }
}

function tagValue(shape: ObjectShape, key: string): string | undefined {
  const member = shape.members.find((m) => m.key === key);
  return member?.type.kind === "literal" && typeof member.type.value === "string" ? member.type.value : undefined;
}

/** A declared object type or an inline one (a form body, a GraphQL body's envelope). */
function isObject(type: TsType): boolean {
  return type.kind === "object" || (type.kind === "ref" && !!type.declared);
}

/** What a union member is, for pairing it with the other side's: literals go with their keyword. */
function categoryOf(member: TsType): string {
  switch (member.kind) {
    case "keyword":
      return member.name;
    case "literal":
      return typeof member.value;
    case "array":
      return "array";
    case "object":
      return "object";
    case "ref":
      return isMap(member) ? "map" : member.declared ? "object" : `ref:${member.name}`;
    case "union":
    case "indexed":
      return printType(member);
  }
}

/**
 * Literal unions against their keyword: `string` holds every string literal. Removing a literal
 * or going from `string` to literals narrows; the reverse widens.
 */
function compareLiterals(was: readonly TsType[], now: readonly TsType[]): { narrowed: boolean; widened: boolean } {
  const wasAll = was.some((m) => m.kind === "keyword");
  const nowAll = now.some((m) => m.kind === "keyword");
  if (wasAll || nowAll) return { narrowed: wasAll && !nowAll, widened: nowAll && !wasAll };
  const values = (members: readonly TsType[]) => new Set(members.map((m) => (m.kind === "literal" ? String(m.value) : "")));
  const wasValues = values(was);
  const nowValues = values(now);
  return { narrowed: [...wasValues].some((v) => !nowValues.has(v)), widened: [...nowValues].some((v) => !wasValues.has(v)) };
}

function flatten(type: TsType): TsType[] {
  return type.kind === "union" ? type.members.flatMap(flatten) : [type];
}

function isUnknown(type: TsType): boolean {
  return type.kind === "keyword" && type.name === "unknown";
}

function isMap(type: TsType): type is Extract<TsType, { kind: "ref" }> & { args: readonly TsType[] } {
  return type.kind === "ref" && type.name === "Record" && !type.declared && type.args?.length === 2;
}

function mentionsDeclared(type: TsType): boolean {
  switch (type.kind) {
    case "ref":
      return !!type.declared || !!type.args?.some(mentionsDeclared);
    case "array":
      return mentionsDeclared(type.element);
    case "union":
      return type.members.some(mentionsDeclared);
    case "object":
      return type.members.some((m) => mentionsDeclared(m.type)) || (type.index !== undefined && mentionsDeclared(type.index));
    case "indexed":
      return mentionsDeclared(type.object);
    default:
      return false;
  }
}
