/**
 * Terms documents belong to an app client of the pool, one of each name per client:
 * - CreateTerms `ClientId`: "Must be an app client in the requested user pool"
 *   (https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_CreateTerms.html);
 * - TermsExistsException: "Terms document names must be unique to the app client" (same page, Errors);
 * - "Managed login terms documents per user pool": 40, not adjustable
 *   (https://docs.aws.amazon.com/cognito/latest/developerguide/quotas.html).
 * Managed login shows the links only when a client has both documents in at least one language (same page):
 * a client with one of them gets a warning.
 */
import { type Diagnostic, error, warning } from "../diagnostics";
import { TERMS_NAMES, termsKey } from "../terms-schema";
import { type Rule, at, duplicateIndexes } from "./rule";

export const TERMS_QUOTA = 40;

const LABEL = { "terms-of-use": "Terms of use", "privacy-policy": "Privacy policy" } as const;

export const termsRule: Rule = (ctx) => {
  const terms = ctx.spec.terms ?? [];
  const out: Diagnostic[] = [];
  const clients = ctx.spec.clients;
  terms.forEach((t, i) => {
    if (clients !== undefined && !clients.some((c) => c.name === t.client))
      out.push(error(at(ctx, "terms", i, "client"), "terms-unknown-client", `app client "${t.client}" is not a client of this pool; pick one of its app clients`));
  });
  for (const i of duplicateIndexes(terms, termsKey))
    out.push(error(at(ctx, "terms", i, "name"), "duplicate-terms", `app client "${terms[i].client}" already has a ${LABEL[terms[i].name]} document; each client has one of each`));
  const byClient = new Map<string, Set<string>>();
  for (const t of terms) byClient.set(t.client, (byClient.get(t.client) ?? new Set()).add(t.name));
  terms.forEach((t, i) => {
    const missing = TERMS_NAMES.find((name) => !byClient.get(t.client)?.has(name));
    if (missing && byClient.get(t.client)?.size === 1)
      out.push(warning(at(ctx, "terms", i), "terms-incomplete", `managed login shows terms links only when app client "${t.client}" has both documents; add its ${LABEL[missing]}`));
  });
  if (terms.length > TERMS_QUOTA)
    out.push(error(at(ctx, "terms"), "terms-quota", `${terms.length} terms documents exceed the limit of ${TERMS_QUOTA} per pool (not adjustable)`));
  return out;
};
