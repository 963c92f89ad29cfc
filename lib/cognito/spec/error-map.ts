/**
 * Plain-words messages for every zod issue that has no message of its own, installed as zod's global error map.
 * Zod's defaults ("Too small: expected string to have >=1 characters") reach people through forms, server actions,
 * the CLI and importers; these name the field (the last key of the issue's path, in words) and the rule.
 * A schema's own message (`z.string().regex(re, "…")`) still wins: zod consults the global map last.
 * Importing this module installs the map; the spec's index imports it, and so does every form schema.
 */
import { z } from "zod";

type RawIssue = z.core.$ZodRawIssue;

/** `minimumLength` → "Minimum length"; `client_id` → "Client id". */
export function wordsOfKey(key: string): string {
  const words = key
    .replace(/([a-z0-9])([A-Z])/gu, "$1 $2")
    .replace(/[_-]+/gu, " ")
    .trim()
    .toLowerCase();
  return words === "" ? "This value" : `${words[0].toUpperCase()}${words.slice(1)}`;
}

/** The field an issue is about, in words: "Minimum length", "Item 2 of callback urls", "This value". */
export function fieldWords(path: readonly PropertyKey[] | undefined): string {
  const keys = (path ?? []).filter((p): p is string | number => typeof p !== "symbol");
  const last = keys[keys.length - 1];
  if (last === undefined) return "This value";
  if (typeof last === "number") {
    const parent = [...keys].reverse().find((k): k is string => typeof k === "string");
    return parent ? `Item ${last + 1} of ${wordsOfKey(parent).toLowerCase()}` : `Item ${last + 1}`;
  }
  return wordsOfKey(last);
}

const TYPE_WORDS: Record<string, string> = {
  string: "text",
  number: "a number",
  int: "a whole number",
  bigint: "a whole number",
  boolean: "yes or no (true or false)",
  object: "a group of settings",
  array: "a list",
  record: "a list of keys and values",
  date: "a date",
  null: "empty",
};

function plural(n: number | bigint, one: string, many: string): string {
  return `${n} ${Number(n) === 1 ? one : many}`;
}

function sizeRule(issue: Extract<RawIssue, { code: "too_small" | "too_big" }>): string {
  const small = issue.code === "too_small";
  const bound = small ? (issue as { minimum: number | bigint }).minimum : (issue as { maximum: number | bigint }).maximum;
  const inclusive = issue.inclusive !== false;
  const exact = (issue as { exact?: boolean }).exact === true;
  const word = exact ? "exactly" : small ? (inclusive ? "at least" : "more than") : inclusive ? "at most" : "less than";
  switch (issue.origin) {
    case "string":
      if (small && Number(bound) === 1 && inclusive) return "is required: it cannot be empty.";
      return `must be ${word} ${plural(bound, "character", "characters")} long.`;
    case "array":
    case "set":
      if (small && Number(bound) === 1 && inclusive) return "needs at least one item.";
      return `must have ${word} ${plural(bound, "item", "items")}.`;
    case "number":
    case "int":
    case "bigint":
      return `must be ${word} ${String(bound)}.`;
    default:
      return `must be ${word} ${String(bound)}.`;
  }
}

const FORMAT_WORDS: Record<string, string> = {
  email: "an email address",
  url: "a URL",
  uuid: "a UUID",
  datetime: "a date and time (ISO 8601)",
  date: "a date (YYYY-MM-DD)",
  ipv4: "an IPv4 address",
  ipv6: "an IPv6 address",
};

/** The message of an issue without its own, or undefined for zod's (never for the codes zod can raise). */
export function plainMessage(issue: RawIssue): string {
  const field = fieldWords(issue.path);
  switch (issue.code) {
    case "invalid_type":
      if (issue.input === undefined) return `${field} is required.`;
      return `${field} must be ${TYPE_WORDS[issue.expected] ?? issue.expected}.`;
    case "too_small":
    case "too_big":
      return `${field} ${sizeRule(issue)}`;
    case "invalid_format": {
      const f = issue.format;
      if (f === "regex") return `${field} has characters or a form that are not allowed here (pattern ${String((issue as { pattern?: string }).pattern ?? "")}).`;
      if (f === "starts_with") return `${field} must start with "${String((issue as { prefix?: string }).prefix)}".`;
      if (f === "ends_with") return `${field} must end with "${String((issue as { suffix?: string }).suffix)}".`;
      if (f === "includes") return `${field} must contain "${String((issue as { includes?: string }).includes)}".`;
      return `${field} must be ${FORMAT_WORDS[f] ?? `in ${f} format`}.`;
    }
    case "invalid_value":
      return issue.values.length === 1
        ? `${field} must be ${JSON.stringify(issue.values[0])}.`
        : `${field} must be one of ${issue.values.map((v) => JSON.stringify(v)).join(", ")}.`;
    case "not_multiple_of":
      return `${field} must be a multiple of ${String(issue.divisor)}.`;
    case "unrecognized_keys":
      return `${issue.keys.length === 1 ? "Unknown setting" : "Unknown settings"}: ${issue.keys.join(", ")}. Remove ${issue.keys.length === 1 ? "it" : "them"} or check the spelling.`;
    case "invalid_key":
      return `${field} has a key that is not allowed.`;
    case "invalid_element":
      return `${field} has an item that is not allowed.`;
    case "invalid_union":
      return `${field} does not match any of the allowed forms.`;
    case "custom":
      return `${field} is not valid.`;
    default:
      return `${field} is not valid.`;
  }
}

z.config({ customError: (issue) => plainMessage(issue) });
