/**
 * The keyed resources of a pool, for the generic planner (keyed.ts): where each list is, its key, its
 * messages, and what differs (security flags for clients, secrets and listed providers for identity providers).
 * Order matters: it is the order of the plan's entries.
 */
import type { AppClientSpec } from "../spec/client-schema";
import type { GroupSpec } from "../spec/group-schema";
import type { ResourceServerSpec } from "../spec/resource-server-schema";
import { CASCADE_REASON } from "./classify";
import { identityProviders } from "./identity-providers";
import { type KeyedContext, type KeyedResource, planKeyed } from "./keyed";
import { clientSecurityChanges } from "./security";

/** An identifier cannot change (replacement-rules.ts `resource-server.identifier`): one disappearing and one appearing under the same name is that replacement. */
const resourceServers: KeyedResource<ResourceServerSpec> = {
  type: "resourceServer",
  field: "resourceServers",
  keyField: "identifier",
  list: (doc) => doc.spec.resourceServers,
  keyOf: (r) => r.identifier,
  skip: new Set(["identifier"]),
  duplicate: ["duplicate-resource-server", (key) => `resource server identifier ${key} is used more than once; resource servers are matched by identifier`],
  ambiguous: ["ambiguous-current-resource-server", (key) => `the current pool has more than one resource server with identifier ${key}`],
  renameGroup: (r) => r.name,
};

/** Clients are compared with `clientDefaults` applied; a renamed client is a delete plus a create. */
const clients: KeyedResource<AppClientSpec> = {
  type: "appClient",
  field: "clients",
  keyField: "name",
  list: (doc, ctx) => ctx.clientsOf(doc),
  keyOf: (c) => c.name,
  skip: new Set(["name"]),
  duplicate: ["duplicate-client-name", (key) => `client name ${key} is used more than once; clients are matched by name`],
  ambiguous: ["ambiguous-current-client", (key) => `the current pool has more than one client named ${key}; rename one so clients can be matched by name`],
  liveId: (key, options) => {
    const ids = options.live?.ids?.clientIds ?? {};
    return Object.hasOwn(ids, key) ? ids[key] : undefined;
  },
  hooks: ({ b, current, desired }) => ({
    paired: ({ address, before, after, replaced, changes }) => {
      // In place, a client without managed changes keeps every value: nothing to flag.
      if (replaced) b.security.push(...clientSecurityChanges(address, before, after, "recreate"));
      else if (changes.length > 0) b.security.push(...clientSecurityChanges(address, before, after, "update"));
    },
    created: ({ address, after }) => {
      if (current !== null) b.security.push(...clientSecurityChanges(address, undefined, after, "create"));
    },
    ...(desired.spec.clients === undefined
      ? { cascadeDeleteReason: { ...CASCADE_REASON, message: `${CASCADE_REASON.message}; the desired document does not manage clients, so this client is not created again` } }
      : {}),
  }),
};

/** Every setting of a group changes in place (UpdateGroup); there is no rename call, so memberships go with a renamed group. */
const groups: KeyedResource<GroupSpec> = {
  type: "group",
  field: "groups",
  keyField: "name",
  list: (doc) => doc.spec.groups,
  keyOf: (g) => g.name,
  skip: new Set(["name"]),
  duplicate: ["duplicate-group-name", (key) => `group name ${key} is used more than once; groups are matched by name`],
  ambiguous: ["ambiguous-current-group", (key) => `the current pool has more than one group named ${key}`],
};

/** Plans every keyed resource, in the order of the plan's entries (after the pool and its MFA configuration, before the domain). */
export function planKeyedResources(ctx: KeyedContext): void {
  planKeyed(resourceServers, ctx);
  planKeyed(identityProviders, ctx);
  planKeyed(clients, ctx);
  planKeyed(groups, ctx);
}
