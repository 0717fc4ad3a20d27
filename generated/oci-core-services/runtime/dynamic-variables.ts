/**
 * Postman dynamic variables (`{{$guid}}`, `{{$timestamp}}`...), computed at call time. Postman
 * draws most `$random*` values from faker; these use small built-in lists with the same shapes
 * (an email is an email, a semver is a semver), since the runtime cannot depend on faker.
 */
import { pick, randomInt, randomString, uuidV4 } from "./random.js";

export interface DynamicContext {
  readonly now: Date;
  readonly random: () => number;
}

type Generator = (ctx: DynamicContext) => string;

const FIRST = ["Ada", "Alan", "Grace", "Linus", "Margaret", "Ken", "Barbara", "Dennis", "Edsger", "Frances"];
const LAST = ["Lovelace", "Turing", "Hopper", "Torvalds", "Hamilton", "Thompson", "Liskov", "Ritchie", "Dijkstra", "Allen"];
const WORDS = ["alpha", "bravo", "cable", "delta", "ember", "fable", "gamma", "harbor", "island", "jungle", "kernel", "lumen"];
const LOREM = ["lorem", "ipsum", "dolor", "sit", "amet", "consectetur", "adipiscing", "elit", "sed", "eiusmod", "tempor"];
const DOMAIN_SUFFIXES = ["com", "net", "org", "io", "info", "biz"];
const COLORS = ["red", "orange", "yellow", "green", "blue", "indigo", "violet", "black", "white", "teal"];
const COUNTRIES = ["US", "GB", "DE", "FR", "JP", "IN", "BR", "CA", "AU", "NL"];
const CURRENCIES = ["USD", "EUR", "GBP", "JPY", "INR", "BRL", "CAD", "AUD", "CHF", "SEK"];
const LOCALES = ["en", "de", "fr", "ja", "hi", "pt", "es", "it", "nl", "sv"];
const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
const WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];
const CITIES = ["Lisbon", "Osaka", "Nairobi", "Quito", "Oslo", "Perth", "Dakar", "Austin", "Hanoi", "Turin"];
const JOBS = ["Engineer", "Designer", "Analyst", "Architect", "Manager", "Consultant", "Administrator"];
const MIME = ["application/json", "text/plain", "image/png", "image/jpeg", "application/pdf", "text/csv"];
const EXTENSIONS = ["json", "txt", "png", "jpg", "pdf", "csv"];
const ABBREVIATIONS = ["HTTP", "JSON", "XML", "SQL", "TCP", "SSL", "RAM", "USB", "CSS", "API"];
const ALNUM = "abcdefghijklmnopqrstuvwxyz0123456789";
const DAY_MS = 86_400_000;

const hex = (ctx: DynamicContext, digits: number): string =>
  Array.from({ length: digits }, () => randomInt(ctx.random, 0, 15).toString(16)).join("");
const word = (ctx: DynamicContext): string => pick(ctx.random, WORDS);
const loremWords = (ctx: DynamicContext, n: number): string[] =>
  Array.from({ length: n }, () => pick(ctx.random, LOREM));
const first = (ctx: DynamicContext): string => pick(ctx.random, FIRST);
const last = (ctx: DynamicContext): string => pick(ctx.random, LAST);
const domain = (ctx: DynamicContext): string => `${word(ctx)}.${pick(ctx.random, DOMAIN_SUFFIXES)}`;
const dayOffset = (ctx: DynamicContext, from: number, to: number): string =>
  new Date(ctx.now.getTime() + randomInt(ctx.random, from, to) * DAY_MS).toUTCString();

const GENERATORS: Record<string, Generator> = {
  // Postman rounds (not floors) milliseconds to seconds.
  $timestamp: (ctx) => String(Math.round(ctx.now.getTime() / 1000)),
  $isoTimestamp: (ctx) => ctx.now.toISOString(),
  $guid: () => uuidV4(),
  $randomUUID: () => uuidV4(),
  $randomInt: (ctx) => String(randomInt(ctx.random, 0, 1000)),
  $randomBoolean: (ctx) => String(ctx.random() < 0.5),
  $randomAlphaNumeric: () => randomString(1, ALNUM),
  $randomPassword: () => randomString(15, ALNUM),
  $randomHexColor: (ctx) => `#${hex(ctx, 6)}`,
  $randomColor: (ctx) => pick(ctx.random, COLORS),
  $randomIP: (ctx) => Array.from({ length: 4 }, () => randomInt(ctx.random, 0, 255)).join("."),
  $randomIPV6: (ctx) => Array.from({ length: 8 }, () => hex(ctx, 4)).join(":"),
  $randomMACAddress: (ctx) => Array.from({ length: 6 }, () => hex(ctx, 2)).join(":"),
  $randomSemver: (ctx) => [0, 0, 0].map(() => randomInt(ctx.random, 0, 20)).join("."),
  $randomFirstName: first,
  $randomLastName: last,
  $randomFullName: (ctx) => `${first(ctx)} ${last(ctx)}`,
  $randomUserName: (ctx) => `${first(ctx)}.${last(ctx)}${randomInt(ctx.random, 0, 99)}`,
  $randomEmail: (ctx) => `${first(ctx)}.${last(ctx)}@${domain(ctx)}`.toLowerCase(),
  $randomExampleEmail: (ctx) => `${first(ctx)}.${last(ctx)}@example.com`.toLowerCase(),
  $randomJobTitle: (ctx) => pick(ctx.random, JOBS),
  $randomCompanyName: (ctx) => `${last(ctx)} ${pick(ctx.random, ["Inc", "LLC", "Group", "and Sons"])}`,
  $randomPhoneNumber: (ctx) =>
    `${randomInt(ctx.random, 200, 999)}-${randomInt(ctx.random, 200, 999)}-${randomInt(ctx.random, 1000, 9999)}`,
  $randomCity: (ctx) => pick(ctx.random, CITIES),
  $randomCountryCode: (ctx) => pick(ctx.random, COUNTRIES),
  $randomCurrencyCode: (ctx) => pick(ctx.random, CURRENCIES),
  $randomLocale: (ctx) => pick(ctx.random, LOCALES),
  $randomLatitude: (ctx) => (ctx.random() * 180 - 90).toFixed(4),
  $randomLongitude: (ctx) => (ctx.random() * 360 - 180).toFixed(4),
  $randomPrice: (ctx) => (randomInt(ctx.random, 100, 100_000) / 100).toFixed(2),
  $randomBankAccount: (ctx) => String(randomInt(ctx.random, 10_000_000, 99_999_999)),
  $randomMonth: (ctx) => pick(ctx.random, MONTHS),
  $randomWeekday: (ctx) => pick(ctx.random, WEEKDAYS),
  $randomDatePast: (ctx) => dayOffset(ctx, -365, -1),
  $randomDateFuture: (ctx) => dayOffset(ctx, 1, 365),
  $randomDateRecent: (ctx) => dayOffset(ctx, -1, 0),
  $randomProtocol: (ctx) => pick(ctx.random, ["http", "https"]),
  $randomDomainWord: word,
  $randomDomainSuffix: (ctx) => pick(ctx.random, DOMAIN_SUFFIXES),
  $randomDomainName: domain,
  $randomUrl: (ctx) => `https://${domain(ctx)}`,
  $randomWord: word,
  $randomWords: (ctx) => Array.from({ length: randomInt(ctx.random, 2, 4) }, () => word(ctx)).join(" "),
  $randomLoremWord: (ctx) => pick(ctx.random, LOREM),
  $randomLoremWords: (ctx) => loremWords(ctx, 3).join(" "),
  $randomLoremSlug: (ctx) => loremWords(ctx, 3).join("-"),
  $randomLoremSentence: (ctx) => {
    const text = loremWords(ctx, randomInt(ctx.random, 4, 9)).join(" ");
    return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
  },
  $randomAbbreviation: (ctx) => pick(ctx.random, ABBREVIATIONS),
  $randomMimeType: (ctx) => pick(ctx.random, MIME),
  $randomFileExt: (ctx) => pick(ctx.random, EXTENSIONS),
  $randomFileName: (ctx) => `${word(ctx)}_${word(ctx)}.${pick(ctx.random, EXTENSIONS)}`,
};

/** The value of dynamic variable `name` (with its `$`), or undefined when Postman has no such variable here. */
export function dynamicVariable(name: string, ctx: DynamicContext): string | undefined {
  const generator = Object.prototype.hasOwnProperty.call(GENERATORS, name) ? GENERATORS[name] : undefined;
  return generator?.(ctx);
}

export const DYNAMIC_VARIABLE_NAMES: readonly string[] = Object.keys(GENERATORS);
