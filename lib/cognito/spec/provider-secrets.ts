/**
 * Keeps identity-provider secrets out of anything the studio stores or exports. A document may arrive with a
 * `client_secret` or `private_key` typed into `providerDetails` (a form, an import, an API caller); before a
 * draft is saved or a file written the value is removed and the caller is told where, so the person moves it
 * to a `secretRef` (identity-provider-schema.ts). Works on unparsed input: an invalid draft is saved too.
 */
import { type Diagnostic, joinPath, warning } from "./diagnostics";
import { SECRET_DETAIL_KEYS, type SecretRef } from "./identity-provider-schema";

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * A copy of `document` (a pool document, or a bare spec with `specPath` "") with every secret detail
 * removed, and one warning per removed value. Returns the input itself when there is nothing to remove.
 */
export function removeProviderSecrets<T>(document: T, specPath = "spec"): { document: T; removed: Diagnostic[] } {
  const spec = specPath === "" ? document : isRecord(document) ? document[specPath] : undefined;
  if (!isRecord(spec) || !Array.isArray(spec.identityProviders)) return { document, removed: [] };
  const removed: Diagnostic[] = [];
  const providers = spec.identityProviders.map((provider: unknown, index: number) => {
    if (!isRecord(provider) || !isRecord(provider.providerDetails)) return provider;
    const details = provider.providerDetails;
    const found = SECRET_DETAIL_KEYS.filter((key) => Object.hasOwn(details, key));
    if (found.length === 0) return provider;
    const kept = Object.fromEntries(Object.entries(details).filter(([key]) => !found.includes(key as (typeof SECRET_DETAIL_KEYS)[number])));
    for (const key of found)
      removed.push(
        warning(
          joinPath(specPath, "identityProviders", index, "providerDetails", key),
          "provider-secret-removed",
          `${key} was removed: the studio never stores provider secrets; set secretRef to the environment variable, Secrets Manager secret or SSM parameter that holds it`,
        ),
      );
    return { ...provider, providerDetails: kept };
  });
  if (removed.length === 0) return { document, removed };
  const nextSpec = { ...spec, identityProviders: providers };
  return { document: (specPath === "" ? nextSpec : { ...(document as Record<string, unknown>), [specPath]: nextSpec }) as T, removed };
}

/**
 * The `secretRef` of each identity provider of a document that was applied, by provider name (undefined
 * when the document manages no providers). A live pool cannot say where a provider's secret came from;
 * given these, the plan sees a change of the reference alone (PlanOptions.live.appliedSecretRefs).
 */
export function appliedSecretRefsOf(applied: { spec: { identityProviders?: { providerName: string; secretRef?: SecretRef }[] } } | undefined): Record<string, SecretRef | undefined> | undefined {
  const providers = applied?.spec.identityProviders;
  if (!providers) return undefined;
  return Object.fromEntries(providers.map((p) => [p.providerName, p.secretRef]));
}
