/**
 * Planning of groups and identity providers, matched by name (never by position).
 *
 * - Groups: every setting changes in place (`UpdateGroup`); a renamed group is a delete plus a create
 *   (there is no rename call), and its memberships are lost.
 * - Identity providers: `providerType` and `providerName` cannot change in place (replacement-rules.ts
 *   `identity-provider.*`). When exactly one provider of a type disappears and exactly one of the same type
 *   appears, it is shown as that provider's replacement (like a resource server's identifier change).
 * - Deleting a provider that a client still lists after the plan is an error of the plan: Cognito would leave
 *   the client offering a provider that no longer exists (https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_UpdateUserPoolClient.html: SupportedIdentityProviders names IdPs configured in the pool).
 * - Unset list = not managed; [] = delete them all; a replaced pool takes both along.
 * - Secrets: a live provider's `secretRef` is the desired one (readLivePool cannot know it); when the plan knows
 *   the reference last applied (`live.appliedSecretRefs`), that one is compared instead, so a change of the
 *   reference alone is an update that sends the new secret. Updating a provider for which AWS holds a secret
 *   (`live.providersWithSecret`) without a `secretRef` is an error: UpdateIdentityProvider replaces
 *   ProviderDetails whole [M UpdateIdentityProviderRequest.ProviderDetails], so the secret would be deleted.
 */
import { pairRenames } from "./renames";
import type { AppClientSpec } from "../spec/client-schema";
import { type Diagnostic, error, joinPath } from "../spec/diagnostics";
import type { IdentityProviderSpec } from "../spec/identity-provider-schema";
import type { PoolDocument } from "../spec/document-schema";
import {
  type Builder,
  CASCADE_REASON,
  actionOf,
  assess,
  exactChanges,
  indexByKey,
  replacementChanges,
  sortedKeys,
} from "./plan-changes";
import { effectiveClients, type Values } from "./resources";
import { identityProviderSecurityChanges } from "./security";
import type { AttributeChange, PlanAction, PlanOptions, ReplacementReason, ResourceChange } from "./types";
import { SECRET_DETAIL_KEY } from "../spec/identity-provider-schema";

const quote = (key: string) => JSON.stringify(key);
const GROUP_SKIP = new Set(["name"]);
const PROVIDER_SKIP = new Set(["providerName"]);

export function planGroups(b: Builder, current: PoolDocument | null, desired: PoolDocument, cascade: boolean): void {
  const desiredList = desired.spec.groups;
  if (desiredList === undefined && !cascade) return;
  const want = indexByKey(desiredList ?? [], (g) => g.name, (key, index) =>
    b.errors.push(error(joinPath("spec", "groups", index, "name"), "duplicate-group-name", `group name ${quote(key)} is used more than once; groups are matched by name`)),
  );
  const have = indexByKey(current?.spec.groups ?? [], (g) => g.name, (key) =>
    b.errors.push(error("spec.groups", "ambiguous-current-group", `the current pool has more than one group named ${quote(key)}`)),
  );
  const entry = (key: string, action: PlanAction, changes: AttributeChange[], reasons: ReplacementReason[], documentPath: string): ResourceChange => ({
    type: "group",
    address: `group[${quote(key)}]`,
    key,
    action,
    changes,
    reasons,
    documentPath,
  });
  for (const key of sortedKeys(want, have)) {
    const w = want.get(key);
    const h = have.get(key);
    if (w && h) {
      const before = h.item as Values;
      const after = w.item as Values;
      const path = joinPath("spec", "groups", w.index);
      const a = assess("group", before, after, GROUP_SKIP);
      if (cascade) b.entries.push(entry(key, "replace", replacementChanges("group", before, after, a.changes, GROUP_SKIP), [CASCADE_REASON], path));
      else b.entries.push(entry(key, actionOf(a.changes), a.changes, [], path));
    } else if (w) {
      b.entries.push(entry(key, "create", exactChanges("group", undefined, w.item as Values, GROUP_SKIP), [], joinPath("spec", "groups", w.index)));
    } else if (h) {
      b.entries.push(entry(key, "delete", exactChanges("group", h.item as Values, undefined, GROUP_SKIP), cascade ? [CASCADE_REASON] : [], joinPath("spec", "groups", h.index)));
    }
  }
}

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
function clientsAfter(current: PoolDocument | null, desired: PoolDocument): { clients: AppClientSpec[]; base: "desired" | "current" } {
  const desiredClients = effectiveClients(desired);
  if (desiredClients !== undefined) return { clients: desiredClients, base: "desired" };
  return { clients: current === null ? [] : (effectiveClients(current) ?? []), base: "current" };
}

export function planIdentityProviders(b: Builder, current: PoolDocument | null, desired: PoolDocument, cascade: boolean, live?: PlanOptions["live"]): void {
  const desiredList = desired.spec.identityProviders;
  if (desiredList === undefined && !cascade) return;
  const want = indexByKey(desiredList ?? [], (p) => p.providerName, (key, index) =>
    b.errors.push(error(joinPath("spec", "identityProviders", index, "providerName"), "duplicate-provider-name", `identity provider ${quote(key)} is defined more than once; providers are matched by name`)),
  );
  const have = indexByKey(current?.spec.identityProviders ?? [], (p) => p.providerName, (key) =>
    b.errors.push(error("spec.identityProviders", "ambiguous-current-provider", `the current pool has more than one identity provider named ${quote(key)}`)),
  );
  const entryAddress = (key: string) => `identity_provider[${quote(key)}]`;
  const entry = (key: string, action: PlanAction, changes: AttributeChange[], reasons: ReplacementReason[], documentPath: string): ResourceChange => ({
    type: "identityProvider",
    address: entryAddress(key),
    key,
    action,
    changes,
    reasons,
    documentPath,
  });

  // Providers that would go while a client still offers them (after the plan): their deletion is an error
  // and is marked impossible, so applying the plan keeps them (https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_UpdateUserPoolClient.html, clients before deletion).
  const listedAfter = new Map<string, { client: string; path: string }>();
  if (!cascade && current !== null) {
    const { clients, base } = clientsAfter(current, desired);
    clients.forEach((client, index) =>
      (client.supportedIdentityProviders ?? []).forEach((name, at) => {
        if (listedAfter.has(name)) return;
        const path = base === "desired" ? joinPath("spec", "clients", index, "supportedIdentityProviders", at) : "spec.identityProviders";
        listedAfter.set(name, { client: base === "desired" ? client.name : `${client.name}" (a client of the live pool not managed here`, path });
      }),
    );
  }
  const blocked = new Set([...have.keys()].filter((name) => !want.has(name) && listedAfter.has(name)));

  // A rename: exactly one provider of a type disappears and exactly one of that type appears.
  const renamed =
    current !== null && !cascade && desiredList !== undefined ? pairRenames(have, want, (item) => item.providerType, (name) => blocked.has(name)) : new Map<string, string>(); // new name -> old name
  const consumed = new Set(renamed.values());

  for (const key of sortedKeys(want, have)) {
    const w = want.get(key);
    const h = have.get(key);
    if (w && h) {
      const before = withAppliedSecretRef(h.item as Values, key, live);
      const after = w.item as Values;
      const path = joinPath("spec", "identityProviders", w.index);
      const a = assess("identityProvider", before, after, PROVIDER_SKIP);
      if (!cascade && a.changes.length > 0) secretWouldBeLost(b, path, key, w.item, key, a.replaceReasons.length > 0, live);
      if (cascade || a.changes.length > 0) b.security.push(...identityProviderSecurityChanges(entryAddress(key), before, after));
      if (cascade || a.replaceReasons.length > 0) {
        const reasons = cascade ? [CASCADE_REASON, ...a.replaceReasons] : a.replaceReasons;
        b.entries.push(entry(key, "replace", replacementChanges("identityProvider", before, after, a.changes, PROVIDER_SKIP), reasons, path));
      } else b.entries.push(entry(key, actionOf(a.changes), a.changes, [], path));
    } else if (w) {
      const path = joinPath("spec", "identityProviders", w.index);
      const old = renamed.get(key);
      const oldItem = old === undefined ? undefined : have.get(old)?.item;
      if (old !== undefined && oldItem) {
        secretWouldBeLost(b, path, key, w.item, old, true, live);
        const a = assess("identityProvider", oldItem as Values, w.item as Values);
        const e = entry(key, "replace", replacementChanges("identityProvider", oldItem as Values, w.item as Values, a.changes), a.replaceReasons, path);
        b.security.push(...identityProviderSecurityChanges(entryAddress(key), oldItem as Values, w.item as Values));
        e.previousKey = old;
        b.entries.push(e);
      } else {
        b.entries.push(entry(key, "create", exactChanges("identityProvider", undefined, w.item as Values, PROVIDER_SKIP), [], path));
        // A new provider's secret reference and issuer are new trust, in a new pool too: the reference names a
        // secret the server reads with its own rights, and the issuer is where that secret is sent.
        b.security.push(...identityProviderSecurityChanges(entryAddress(key), undefined, w.item as Values));
      }
    } else if (h && !consumed.has(key)) {
      const changes = exactChanges("identityProvider", h.item as Values, undefined, PROVIDER_SKIP);
      const listed = listedAfter.get(key);
      if (blocked.has(key) && listed) {
        for (const change of changes) change.impossible = true;
        b.errors.push(
          error(listed.path, "provider-still-listed", `identity provider ${quote(key)} is deleted but client "${listed.client}" still lists it in supportedIdentityProviders; remove it from the client first`),
        );
      }
      b.entries.push(entry(key, "delete", changes, cascade ? [CASCADE_REASON] : [], joinPath("spec", "identityProviders", h.index)));
    }
  }
}

/**
 * AWS holds a secret for the live provider `liveName`, and the desired provider has no secretRef: an
 * update would send the details without it (UpdateIdentityProvider replaces every detail), and a
 * replacement or rename would create the new provider without it. Either way the secret is lost.
 */
function secretWouldBeLost(b: { errors: Diagnostic[] }, path: string, name: string, desired: IdentityProviderSpec, liveName: string, recreated: boolean, live: PlanOptions["live"]): void {
  const detail = SECRET_DETAIL_KEY[desired.providerType];
  if (desired.secretRef !== undefined || !detail || !live?.providersWithSecret?.includes(liveName)) return;
  const what = recreated
    ? `the new provider ${quote(name)} is created without it`
    : "the update removes it (UpdateIdentityProvider replaces every provider detail)";
  b.errors.push(error(joinPath(path, "secretRef"), "provider-secret-would-be-removed", `AWS holds a ${detail} for identity provider ${quote(liveName)}; set secretRef or ${what}`));
}
