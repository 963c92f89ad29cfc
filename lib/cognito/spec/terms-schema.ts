/**
 * Terms documents of an app client: the links managed login shows on its sign-up page
 * (https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_CreateTerms.html,
 * https://docs.aws.amazon.com/cognito/latest/developerguide/cognito-user-pools-managed-login.html#managed-login-terms-documents).
 *
 * A client has at most one document of each kind: `TermsNameType` is exactly `terms-of-use` or
 * `privacy-policy`, and a name is unique per app client (TermsExistsException). So a document is keyed by
 * its client and its name. `TermsSource` (`LINK`) and `Enforcement` (`NONE`) each accept one value
 * ("reserved for future use"): apply sends them, the document does not hold them.
 */
import { z } from "zod";

/** Smithy `TermsNameType`: `^(terms-of-use|privacy-policy)$`. */
export const TERMS_NAMES = ["terms-of-use", "privacy-policy"] as const;
export type TermsName = (typeof TERMS_NAMES)[number];

/** Smithy `LanguageIdType`: the languages of managed login localization, and the fallback `cognito:default`. */
export const TERMS_LANGUAGES = [
  "cognito:default",
  "cognito:english",
  "cognito:french",
  "cognito:spanish",
  "cognito:german",
  "cognito:bahasa-indonesia",
  "cognito:italian",
  "cognito:japanese",
  "cognito:korean",
  "cognito:portuguese-brazil",
  "cognito:chinese-simplified",
  "cognito:chinese-traditional",
] as const;
export type TermsLanguage = (typeof TERMS_LANGUAGES)[number];

/** The only values of the reserved members (Smithy `TermsSourceType`, `TermsEnforcementType`). */
export const TERMS_SOURCE = "LINK";
export const TERMS_ENFORCEMENT = "NONE";

/** Smithy `LinkUrlType`: 1–1024 printable characters without whitespace. */
export const termsLinkSchema = z
  .string()
  .min(1)
  .max(1024)
  .regex(/^[\p{L}\p{M}\p{S}\p{N}\p{P}]+$/u, { error: "must be a URL without spaces" });

/** Smithy `LinksType`: a map of 1–12 languages to URLs. */
export const termsLinksSchema = z
  .partialRecord(z.enum(TERMS_LANGUAGES, { error: `must be one of ${TERMS_LANGUAGES.join(", ")}` }), termsLinkSchema)
  .refine((links) => Object.keys(links).length >= 1, { error: "needs at least one link (one language and its URL)" });

export const termsSchema = z.strictObject({
  /** The app client the documents belong to, by its name in this document (`CreateTermsRequest.ClientId`). */
  client: z.string().min(1).max(128),
  /** Which document: `terms-of-use` or `privacy-policy` (`TermsName`). */
  name: z.enum(TERMS_NAMES, { error: "must be terms-of-use or privacy-policy" }),
  /** URL by language; `cognito:default` serves every language without its own (`Links`). */
  links: termsLinksSchema,
});

export type TermsSpec = z.infer<typeof termsSchema>;

/** The key a terms document is matched by in plans and reads: its client and its name. */
export function termsKey(terms: Pick<TermsSpec, "client" | "name">): string {
  return `${terms.client}/${terms.name}`;
}
