/**
 * Placeholder values: what presets and documentation examples put where a real value must go (a reserved
 * example domain, AWS's documentation account id, "Example API"). AWS accepts them, so validation passes and
 * the plan would create them; a pool that sends mail from example.com or protects "Example API" is not what
 * anyone meant. Each is reported at its field as a warning, in Problems and in the plan, and a change request
 * to a target that is not a development one is refused until they are replaced (see `lib/server`).
 *
 * The patterns are one table, each with where the value comes from.
 */
import { type Diagnostic, joinPath, type PathSegment } from "../spec/diagnostics";
import type { PoolDocument } from "../spec/document-schema";

export type PlaceholderPattern = { pattern: RegExp; what: string; source: string };

export const PLACEHOLDER_PATTERNS: readonly PlaceholderPattern[] = [
  {
    // RFC 2606 §3 reserves example.com, example.net and example.org for documentation.
    pattern: /(^|[^A-Za-z0-9-])example\.(com|net|org)(?![A-Za-z0-9-])/iu,
    what: "an example domain (example.com, .net, .org are reserved for documentation)",
    source: "https://www.rfc-editor.org/rfc/rfc2606#section-3",
  },
  {
    // RFC 2606 §2 reserves the top-level names .example, .test, .invalid.
    pattern: /\.(example|invalid)(?![A-Za-z0-9-])/iu,
    what: "a reserved documentation domain (.example, .invalid)",
    source: "https://www.rfc-editor.org/rfc/rfc2606#section-2",
  },
  {
    // The account id every AWS documentation example uses.
    pattern: /(^|[^0-9])123456789012(?![0-9])/u,
    what: "AWS's documentation account id 123456789012",
    source: "https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_identifiers.html",
  },
  {
    // Presets' own placeholders: "Example API", client ids like 1example23456789 and key ids like 2EXAMPLE.
    pattern: /^Example\b|[0-9]example|example[0-9]|EXAMPLE/u,
    what: "a preset's example value",
    source: "lib/cognito/presets",
  },
];

/** Keys whose values are free text people write (descriptions, messages): an example there harms nothing. */
const PROSE_KEYS = new Set(["description", "emailMessage", "emailSubject", "emailMessageByLink", "emailSubjectByLink", "smsMessage", "smsAuthenticationMessage", "smsVerificationMessage", "emailVerificationMessage", "emailVerificationSubject"]);

function matchOf(value: string): PlaceholderPattern | undefined {
  return PLACEHOLDER_PATTERNS.find((p) => p.pattern.test(value));
}

function walk(value: unknown, path: PathSegment[], out: Diagnostic[]): void {
  if (typeof value === "string") {
    const hit = matchOf(value);
    if (hit) {
      out.push({
        severity: "warning",
        path: joinPath("", ...path),
        code: "placeholder-value",
        message: `"${value}" is ${hit.what}: replace it with your own value before this pool goes anywhere but a development target`,
      });
    }
    return;
  }
  if (Array.isArray(value)) {
    value.forEach((item, i) => walk(item, [...path, i], out));
    return;
  }
  if (value !== null && typeof value === "object") {
    for (const [key, item] of Object.entries(value)) if (!PROSE_KEYS.has(key)) walk(item, [...path, key], out);
  }
}

/** Every placeholder value in the document's spec and name, at its field. Never throws. */
export function findPlaceholders(doc: PoolDocument): Diagnostic[] {
  const out: Diagnostic[] = [];
  walk(doc.metadata?.name, ["metadata", "name"], out);
  walk(doc.spec, ["spec"], out);
  return out;
}
