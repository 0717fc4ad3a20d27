/**
 * The rules: which findings break a caller of the generated client. One table, so the README,
 * the JSON schema and the tests can name them. A change is breaking when code written against
 * the old client stops compiling against the new one, or compiles but sends or expects
 * something else (an auth scheme, a method and path, a default no longer sent).
 */
import type { Change, ChangeCode, Direction, Finding, Location, Severity } from "./changes.js";
import { formatLocation } from "./changes.js";

type Rule = Severity | Record<Direction, Severity>;

const B: Severity = "breaking";
const N: Severity = "non-breaking";

/** `input` positions are written by the caller (contravariant), `output` ones read (covariant). */
export const RULES: Readonly<Record<ChangeCode, Rule>> = {
  "collection-added": N,
  "collection-removed": B,
  "operation-added": N,
  "operation-removed": B,
  "operation-renamed": B,
  "operation-moved": B,
  // Required: the caller must now give it; in a response, one more thing to read.
  "added-required": { input: B, output: N },
  "added-optional": N,
  // A parameter the caller passes, or a field it reads, that no longer exists.
  removed: B,
  renamed: B,
  "became-required": { input: B, output: N },
  "became-optional": { input: N, output: B },
  narrowed: { input: B, output: N },
  widened: { input: N, output: B },
  changed: B,
  "default-added": N,
  "default-removed": B,
  "default-changed": N,
  "body-mode-changed": N,
  "status-added": N,
  "status-removed": B,
  "example-added": N,
  "example-removed": N,
  "auth-changed": B,
  "base-changed": N,
  "type-renamed": B,
  "description-changed": N,
};

export function severityOf(finding: Pick<Finding, "code" | "direction">): Severity {
  const rule = RULES[finding.code];
  return typeof rule === "string" ? rule : rule[finding.direction];
}

export function classify(finding: Finding): Change {
  return {
    severity: severityOf(finding),
    code: finding.code,
    direction: finding.direction,
    location: formatLocation(finding.location),
    ...(finding.before !== undefined ? { before: finding.before } : {}),
    ...(finding.after !== undefined ? { after: finding.after } : {}),
    message: messageOf(finding),
  };
}

/** What the location names, in words: `query parameter`, `response field`. */
function subjectOf(location: Location): string {
  switch (location.part) {
    case "collection":
      return "collection";
    case "operation":
      return "operation";
    case "auth":
      return "auth scheme";
    case "base":
      return "base URL";
    case "description":
      return "description";
    case "path":
      return "path parameter";
    case "query":
      return "query parameter";
    case "headers":
      return "header";
    case "variables":
      return "variable";
    case "types":
      return "exported type";
    case "body":
      return location.json ? "body field" : "request body";
    case "response":
      if (location.json) return "response field";
      if (location.header !== undefined) return "response header";
      if (location.example !== undefined) return "example";
      return "response";
  }
}

export function messageOf(finding: Finding): string {
  const subject = subjectOf(finding.location);
  const output = finding.direction === "output";
  switch (finding.code) {
    case "collection-added":
    case "operation-added":
    case "example-added":
      return `${subject} added`;
    case "collection-removed":
    case "operation-removed":
    case "example-removed":
    case "removed":
      return `${subject} removed`;
    case "operation-renamed":
    case "renamed":
    case "type-renamed":
      return `${subject} renamed`;
    case "operation-moved":
      return "method or path changed";
    case "added-required":
      return output ? `${subject} added` : `required ${subject} added`;
    case "added-optional":
      return output ? `${subject} added, not always present` : `optional ${subject} added`;
    case "became-required":
      return output ? `${subject} now always present` : `${subject} became required`;
    case "became-optional":
      return output ? `${subject} may now be absent` : `${subject} became optional`;
    case "narrowed":
      return output ? "type narrowed" : "type narrowed: accepts fewer values";
    case "widened":
      return output ? "type widened: may hold values it did not" : "type widened";
    case "changed":
      return "type changed";
    case "default-added":
      return "default added: sent when not given";
    case "default-removed":
      return "default removed: no longer sent when not given";
    case "default-changed":
      return "default changed: another value is sent when not given";
    case "body-mode-changed":
      return "request body sent in another format";
    case "status-added":
      return "response status added";
    case "status-removed":
      return "response status removed";
    case "auth-changed":
      return "auth scheme changed";
    case "base-changed":
      return "base URL changed";
    case "description-changed":
      return subject === "description" ? "description changed" : `${subject} description changed`;
  }
}
