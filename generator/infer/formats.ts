/**
 * String formats. A format is claimed only when every string seen at a position has it, and the
 * detectors are deliberately stricter than JSON Schema validators (ajv-formats "full"), so a
 * value that made pmgen say `format: uri` also passes a validator's `uri` check.
 */
import type { StringFormat } from "./graph.js";

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.\d+)?(?:Z|[+-](\d{2}):(\d{2}))$/;
const UUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;
// Absolute http(s) URLs with only RFC 3986 characters (no `{`, spaces or unescaped `%`).
const PCHAR = "(?:[A-Za-z0-9\\-._~!$&'()*+,;=:@]|%[0-9A-Fa-f]{2})";
const URI = new RegExp(
  `^https?://[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?(?::[0-9]{1,5})?(?:/${PCHAR}*)*` +
    `(?:\\?(?:${PCHAR}|[/?])*)?(?:#(?:${PCHAR}|[/?])*)?$`,
);
const EMAIL =
  /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*@(?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?\.)+[A-Za-z](?:[A-Za-z0-9-]*[A-Za-z0-9])?$/;

const DAYS = [0, 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function isDate(text: string): boolean {
  const match = DATE.exec(text);
  if (match === null) return false;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (month < 1 || month > 12 || day < 1 || day > DAYS[month]!) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return !(month === 2 && day === 29 && !leap);
}

function isDateTime(text: string): boolean {
  const match = DATE_TIME.exec(text);
  if (match === null || !isDate(match[1]!)) return false;
  const [hour, minute, second, tzHour, tzMinute] = [match[2], match[3], match[4], match[5], match[6]].map(Number);
  return hour! <= 23 && minute! <= 59 && second! <= 59 && (match[5] === undefined || (tzHour! <= 23 && tzMinute! <= 59));
}

/** The format of one string, most specific first. */
export function formatOf(text: string): StringFormat | undefined {
  if (text.length < 6 || text.length > 2048) return undefined;
  const first = text.charCodeAt(0);
  if (first >= 0x30 && first <= 0x39) {
    if (isDateTime(text)) return "date-time";
    if (isDate(text)) return "date";
  }
  if (UUID.test(text)) return "uuid";
  if ((first === 0x68 || first === 0x48) && URI.test(text)) return "uri";
  if (text.includes("@") && EMAIL.test(text)) return "email";
  return undefined;
}

/** The format every value agrees on, if any. */
export function commonFormat(values: readonly string[]): StringFormat | undefined {
  let common: StringFormat | undefined;
  for (const value of values) {
    const format = formatOf(value);
    if (format === undefined) return undefined;
    if (common === undefined) common = format;
    else if (common !== format) return undefined;
  }
  return common;
}
