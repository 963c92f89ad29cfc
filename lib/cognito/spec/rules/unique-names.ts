/**
 * Names that identify things must be unique. Client names: openmcf rule `client_names_unique` (the studio keys
 * clients by name, as OpenMCF's `client_ids` output does). Resource server identifiers are unique per pool
 * ("A unique resource server identifier" [M CreateResourceServerRequest.Identifier]); scope names are unique within
 * a server because clients refer to `identifier/name`. At most 25 resource servers by default (https://docs.aws.amazon.com/cognito/latest/developerguide/quotas.html).
 */
import type { Diagnostic } from "../diagnostics";
import { error, warning } from "../diagnostics";
import { type Rule, at, duplicateIndexes } from "./rule";

export const RESOURCE_SERVER_QUOTA = 25;

export const uniqueNamesRule: Rule = (ctx) => {
  const out: Diagnostic[] = [];
  const clients = ctx.spec.clients ?? [];
  for (const i of duplicateIndexes(clients, (c) => c.name))
    out.push(error(at(ctx, "clients", i, "name"), "duplicate-client-name", `client name "${clients[i].name}" is used by another client; client names must be unique`));
  const servers = ctx.spec.resourceServers ?? [];
  for (const i of duplicateIndexes(servers, (s) => s.identifier))
    out.push(error(at(ctx, "resourceServers", i, "identifier"), "duplicate-resource-server", `resource server identifier "${servers[i].identifier}" is used twice; identifiers must be unique`));
  servers.forEach((server, s) => {
    const scopes = server.scopes ?? [];
    for (const i of duplicateIndexes(scopes, (x) => x.name))
      out.push(error(at(ctx, "resourceServers", s, "scopes", i, "name"), "duplicate-scope", `scope "${scopes[i].name}" is defined twice on "${server.identifier}"`));
  });
  if (servers.length > RESOURCE_SERVER_QUOTA)
    out.push(warning(at(ctx, "resourceServers"), "resource-server-quota", `${servers.length} resource servers exceed the default quota of ${RESOURCE_SERVER_QUOTA} per pool; request a quota increase first`));
  return out;
};
