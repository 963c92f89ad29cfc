/**
 * The apply tasks of branding entries (`managed_login_branding[...]`, `ui_customization[...]`): they run in the
 * last phase, after the clients they name exist and after the domain (SetUICustomization: "Your user pool must
 * have a domain", https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_SetUICustomization.html).
 *
 * - A client created by this apply has no id in the plan: it is looked up by name when the task runs.
 * - A style is created, updated (by its id) or deleted; a create that finds a style already there (an apply
 *   interrupted after it) updates that one instead.
 * - A classic customization is set whole; removing it sets it empty (there is no delete call).
 * - A style or customization whose client was deleted in the same apply went with it: not found is done.
 */
import type { UserPoolClientDescription } from "@aws-sdk/client-cognito-identity-provider";
import { allPages, type LivePool } from "../aws/read-live-pool";
import { brandingInput, uiCustomizationInput } from "../aws/mapping-branding";
import type { ResourceChange } from "../plan/types";
import { ALL_CLIENTS } from "../spec/branding-schema";
import type { PoolDocument } from "../spec/document-schema";
import type { CognitoPort } from "./port";

export interface BrandingTaskContext {
  port: CognitoPort;
  desired: PoolDocument;
  /** The pool's id (known once the pool exists). */
  poolId: () => string;
  live?: LivePool;
}

const isNotFound = (error: unknown) => error instanceof Error && error.name === "ResourceNotFoundException";

async function ignoreNotFound(run: () => Promise<void>): Promise<void> {
  try {
    await run();
  } catch (error) {
    if (!isNotFound(error)) throw error;
  }
}

/** Client ids by name: the re-read's, then (for clients this apply created) one listing of the pool's clients. */
function clientIdLookup(ctx: BrandingTaskContext): (name: string) => Promise<string> {
  const known = new Map((ctx.live?.raw.clients ?? []).map((c) => [c.ClientName ?? "", c.ClientId ?? ""]));
  let listed: Promise<UserPoolClientDescription[]> | undefined;
  return async (name) => {
    if (name === ALL_CLIENTS) return ALL_CLIENTS;
    const id = known.get(name);
    if (id) return id;
    listed ??= allPages((token) => ctx.port.listUserPoolClients(ctx.poolId(), token));
    const found = (await listed).find((c) => c.ClientName === name)?.ClientId;
    if (!found) throw Object.assign(new Error(`app client "${name}" does not exist in the pool; its branding needs the client`), { name: "ResourceNotFoundException" });
    return found;
  };
}

/** The task of one branding entry, or undefined when the entry is not branding or needs nothing. */
export function brandingTaskBuilder(ctx: BrandingTaskContext): (entry: ResourceChange) => (() => Promise<void>) | undefined {
  const clientId = clientIdLookup(ctx);
  const { port, desired } = ctx;
  return (entry) => {
    if (entry.action === "noop") return undefined;
    if (entry.type === "managedLoginBranding") {
      const style = desired.spec.managedLoginBranding?.find((s) => s.clientName === entry.key);
      const styleIdOf = async (UserPoolId: string) =>
        ctx.live?.raw.managedLoginBrandingIds?.[entry.key] ?? (await port.describeManagedLoginBrandingByClient(UserPoolId, await clientId(entry.key)))?.ManagedLoginBrandingId;
      if (entry.action === "delete" || !style) {
        return () =>
          ignoreNotFound(async () => {
            const id = await styleIdOf(ctx.poolId());
            if (id) await port.deleteManagedLoginBranding(ctx.poolId(), id);
          });
      }
      return async () => {
        const UserPoolId = ctx.poolId();
        const id = entry.action === "update" ? await styleIdOf(UserPoolId) : undefined;
        if (id) return port.updateManagedLoginBranding({ UserPoolId, ManagedLoginBrandingId: id, ...brandingInput(style) });
        try {
          await port.createManagedLoginBranding({ UserPoolId, ClientId: await clientId(entry.key), ...brandingInput(style) });
        } catch (error) {
          if (!(error instanceof Error) || error.name !== "ManagedLoginBrandingExistsException") throw error;
          const existing = await port.describeManagedLoginBrandingByClient(UserPoolId, await clientId(entry.key));
          if (!existing?.ManagedLoginBrandingId) throw error;
          await port.updateManagedLoginBranding({ UserPoolId, ManagedLoginBrandingId: existing.ManagedLoginBrandingId, ...brandingInput(style) });
        }
      };
    }
    if (entry.type === "uiCustomization") {
      const customization = desired.spec.uiCustomizations?.find((c) => c.clientName === entry.key);
      return () =>
        ignoreNotFound(async () =>
          port.setUICustomization(uiCustomizationInput(ctx.poolId(), await clientId(entry.key), entry.action === "delete" || !customization ? { clientName: entry.key } : customization)),
        );
    }
    return undefined;
  };
}

/** The branding entries of a pool being created: every style and customization the document names. */
export function brandingEntriesOfNewPool(desired: PoolDocument): ResourceChange[] {
  const entry = (type: ResourceChange["type"], prefix: string, key: string): ResourceChange => ({ type, address: `${prefix}[${JSON.stringify(key)}]`, key, action: "create", changes: [], reasons: [] });
  return [
    ...(desired.spec.managedLoginBranding ?? []).map((s) => entry("managedLoginBranding", "managed_login_branding", s.clientName)),
    ...(desired.spec.uiCustomizations ?? []).map((c) => entry("uiCustomization", "ui_customization", c.clientName)),
  ];
}
