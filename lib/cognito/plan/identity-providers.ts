/**
 * Identity providers for the keyed planner, matched by name.
 *
 * - `providerType` and `providerName` cannot change in place (replacement-rules.ts `identity-provider.*`).
 *   When exactly one provider of a type disappears and exactly one of the same type appears, it is shown as
 *   that provider's replacement (like a resource server's identifier change).
 * - Deleting a provider that a client still lists after the plan is an error of the plan: Cognito would leave
 *   the client offering a provider that no longer exists (https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_UpdateUserPoolClient.html: SupportedIdentityProviders names IdPs configured in the pool).
 * - Secrets: a live provider's `secretRef` is the desired one (readLivePool cannot know it); when the plan knows
 *   the reference last applied (`live.appliedSecretRefs`), that one is compared instead, so a change of the
 *   reference alone is an update that sends the new secret. Updating a provider for which AWS holds a secret
 *   (`live.providersWithSecret`) without a `secretRef` is an error: UpdateIdentityProvider replaces
 *   ProviderDetails whole, so the secret would be deleted.
 */
import type { AppClientSpec } from "../spec/client-schema";
import { type Diagnostic, error, joinPath } from "../spec/diagnostics";
import type { PoolDocument } from "../spec/document-schema";
import { SECRET_DETAIL_KEY, type IdentityProviderSpec } from "../spec/identity-provider-schema";
import type { KeyedContext, KeyedHooks, KeyedResource } from "./keyed";
import type { Values } from "./resources";
import { identityProviderSecurityChanges } from "./security";
import type { PlanOptions } from "./types";

const quote = (key: string) => JSON.stringify(key);

/**
 * The live provider with the reference last applied to it, when the plan knows it (see the module comment):
 * the live read copied the desired reference, which would hide a change of the reference.
 */
function withAppliedSecretRef(provider: Values, name: string, live: PlanOptions["live"]): Values {
  const applied = live?.appliedSecretRefs;
  if (applied === undefined || !Object.hasOwn(applied, name)) return provider;
  const ref = applied[name];
  const { secretRef: _desired, ...rest } = provider;
  return ref === undefined ? rest : { ...rest, secretRef: ref };
}

/** The client lists of the pool once the plan ran: the desired clients when managed, else the current ones. */
function clientsAfter({ current, desired, clientsOf }: KeyedContext & { current: PoolDocument }): { clients: AppClientSpec[]; base: "desired" | "current" } {
  const desiredClients = clientsOf(desired);
  if (desiredClients !== undefined) return { clients: desiredClients, base: "desired" };
  return { clients: clientsOf(current) ?? [], base: "current" };
}

/** Providers a client lists once the plan ran, with the first client listing each (and where). */
function listedAfter(ctx: KeyedContext): Map<string, { client: string; path: string }> {
  const listed = new Map<string, { client: string; path: string }>();
  const { current, cascade } = ctx;
  if (cascade || current === null) return listed;
  const { clients, base } = clientsAfter({ ...ctx, current });
  clients.forEach((client, index) =>
    (client.supportedIdentityProviders ?? []).forEach((name, at) => {
      if (listed.has(name)) return;
      const path = base === "desired" ? joinPath("spec", "clients", index, "supportedIdentityProviders", at) : "spec.identityProviders";
      listed.set(name, { client: base === "desired" ? client.name : `${client.name}" (a client of the live pool not managed here`, path });
    }),
  );
  return listed;
}

/**
 * AWS holds a secret for the live provider `liveName`, and the desired provider has no secretRef: an
 * update would send the details without it (UpdateIdentityProvider replaces every detail), and a
 * replacement or rename would create the new provider without it. Either way the secret is lost.
 */
function secretWouldBeLost(errors: Diagnostic[], path: string, name: string, desired: IdentityProviderSpec, liveName: string, recreated: boolean, live: PlanOptions["live"]): void {
  const detail = SECRET_DETAIL_KEY[desired.providerType];
  if (desired.secretRef !== undefined || !detail || !live?.providersWithSecret?.includes(liveName)) return;
  const what = recreated ? `the new provider ${quote(name)} is created without it` : "the update removes it (UpdateIdentityProvider replaces every provider detail)";
  errors.push(error(joinPath(path, "secretRef"), "provider-secret-would-be-removed", `AWS holds a ${detail} for identity provider ${quote(liveName)}; set secretRef or ${what}`));
}

function providerHooks(ctx: KeyedContext): KeyedHooks {
  const { b, cascade } = ctx;
  const live = ctx.options.live;
  // Providers that would go while a client still offers them (after the plan): their deletion is an error
  // and is marked impossible, so the provider stays (clients are updated before deletions run).
  const listed = listedAfter(ctx);
  const security = (address: string, before: Values | undefined, after: Values) => b.security.push(...identityProviderSecurityChanges(address, before, after));
  return {
    before: (item, key) => withAppliedSecretRef(item, key, live),
    keep: (key) => listed.has(key),
    paired: ({ key, address, path, before, after, replaced, changes }) => {
      if (!cascade && changes.length > 0) secretWouldBeLost(b.errors, path, key, after as IdentityProviderSpec, key, replaced, live);
      if (cascade || changes.length > 0) security(address, before, after);
    },
    renamed: ({ key, address, path, before, after, previousKey }) => {
      secretWouldBeLost(b.errors, path, key, after as IdentityProviderSpec, previousKey, true, live);
      security(address, before, after);
    },
    // A new provider's secret reference and issuer are new trust, in a new pool too: the reference names a
    // secret the server reads with its own rights, and the issuer is where that secret is sent.
    created: ({ address, after }) => security(address, undefined, after),
    deleted: (key, changes) => {
      const client = listed.get(key);
      if (!client) return;
      for (const change of changes) change.impossible = true;
      b.errors.push(error(client.path, "provider-still-listed", `identity provider ${quote(key)} is deleted but client "${client.client}" still lists it in supportedIdentityProviders; remove it from the client first`));
    },
  };
}

export const identityProviders: KeyedResource<IdentityProviderSpec> = {
  type: "identityProvider",
  field: "identityProviders",
  keyField: "providerName",
  list: (doc) => doc.spec.identityProviders,
  keyOf: (p) => p.providerName,
  skip: new Set(["providerName"]),
  duplicate: ["duplicate-provider-name", (key) => `identity provider ${key} is defined more than once; providers are matched by name`],
  ambiguous: ["ambiguous-current-provider", (key) => `the current pool has more than one identity provider named ${key}`],
  renameGroup: (p) => p.providerType,
  hooks: providerHooks,
};
