/**
 * A task is one AWS call sequence of one plan entry, run in one phase. Most entries have one task; a
 * replacement has two sharing the entry's step (its delete, then, phases later, its create).
 *
 * Phases, in order (https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_DeleteUserPool.html):
 * deletions first (domain, clients, resource servers, groups, providers that keep their name), then the
 * pool, the MFA configuration, resource servers, identity providers (before the clients that list them),
 * app clients, groups, then the deletion of identity providers (after the clients stopped listing them),
 * the domain, then the branding of the sign-in pages (it names clients and needs the domain), and last the
 * threat protection settings and log delivery (a client's own settings need its id; neither depends on branding).
 */
import type { UserPoolClientType } from "@aws-sdk/client-cognito-identity-provider";
import type { CognitoPort } from "../../aws/port";
import type { LivePoolRaw } from "../../aws/read-live-pool";
import type { ResourceChange, ResourceType } from "../../plan/types";
import type { IdentityProviderSpec } from "../../spec/identity-provider-schema";
import type { ApplyStep } from "../types";

export const PHASES = ["delete", "pool", "mfa", "resourceServers", "identityProviders", "clients", "terms", "groups", "providerDeletes", "domain", "branding", "riskLogs"] as const;
export type Phase = (typeof PHASES)[number];

export interface Task {
  phase: Phase;
  step: ApplyStep;
  run: () => Promise<void>;
}

/** What task builders share: the port, the live pool, and the state one apply builds up. */
export interface TaskContext {
  port: CognitoPort;
  /** The live pool as re-read before the apply; undefined when the plan creates the pool. */
  live?: LivePoolRaw;
  /** The live pool's id; undefined when the plan creates the pool. */
  livePoolId?: string;
  /**
   * The pool is replaced: its children go with it (their deletes call nothing) and are created in the new
   * pool (their own delete halves are skipped), so no live child is looked at.
   */
  poolReplaced: boolean;
  /** The id of the pool the children go into: the live one, or the one the pool step created. */
  poolId(): string;
  /** The same, or undefined while the pool to create is not created yet. */
  knownPoolId(): string | undefined;
  setPoolId(id: string): void;
  /** Live clients by name, in the pool the children go into (a replaced client leaves it). */
  liveClients: Map<string, UserPoolClientType>;
  /** Secrets of the clients this apply creates, by name. */
  newClientSecrets: Record<string, string>;
  /** Resolves a provider's secret from its `secretRef` (undefined without one); remembers it for redaction. */
  secretOf(provider: IdentityProviderSpec): Promise<string | undefined>;
}

/** Builds the tasks of one plan entry of type `T`. */
export type TaskBuilder<T extends ResourceType> = (entry: ResourceChange<T>, ctx: TaskContext) => Task[];

/** The value an entry sends (checked present before any task is built). */
export function valueOf<T extends ResourceType>(entry: ResourceChange<T>): NonNullable<ResourceChange<T>["value"]> {
  if (entry.value === undefined) throw new Error(`no desired value for ${entry.address}`);
  return entry.value as NonNullable<ResourceChange<T>["value"]>;
}

/** A phase and what runs in it. */
export type TaskPart = [Phase, () => Promise<void>];

/** The tasks of one entry: one step, shared by every `[phase, run]` given. */
export function stepTasks(entry: ResourceChange, ...parts: TaskPart[]): Task[] {
  if (entry.action === "noop") return [];
  const step: ApplyStep = { resource: entry.address, action: entry.action, outcome: "skipped" };
  return parts.map(([phase, run]) => ({ phase, step, run }));
}

/** Nothing to call: the resource goes with the replaced pool (so it is done once the deletes are). */
export const GONE_WITH_POOL: TaskPart = ["pool", async () => undefined];

/** Nothing to call: the resource to delete is already gone. */
export const ALREADY_GONE: TaskPart = ["delete", async () => undefined];

/** The live children the tasks may look at: none when the pool is created or replaced. */
export function liveChildren(ctx: TaskContext): LivePoolRaw | undefined {
  return ctx.poolReplaced ? undefined : ctx.live;
}
