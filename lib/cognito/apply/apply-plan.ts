/**
 * Executes a {@link Plan} against Cognito through a {@link CognitoPort}.
 *
 * Order (https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_DeleteUserPool.html): deletions first, in reverse dependency order (domain, app clients,
 * resource servers, groups), then pool, MFA configuration, resource servers, identity providers (before the
 * clients that list them), app clients, groups, then the deletion of
 * identity providers (after the clients stopped listing them), domain. Steps of one
 * kind run concurrently (bounded; the port's rate limiter keeps them within quota). When a phase has a
 * failed step, every later phase is skipped: its steps may depend on the failed one (a client on a
 * scope, a pool replacement on its domain being gone).
 *
 * Safety:
 * - A plan with errors is refused, as is one that replaces or deletes the pool or replaces a client
 *   without `allowReplace`.
 * - Deletion protection is never turned off by apply: deleting or replacing a protected pool is refused;
 *   the user turns protection off in the spec and applies that first (a flagged security change).
 * - Stale-plan guard: the plan carries the fingerprint of the live state it was computed against
 *   (`plan.live.fingerprint`); apply re-reads the pool and refuses if it differs (terraform
 *   `backend_local.go`).
 * - Update calls replace the whole object (https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_UpdateUserPool.html): requests are the live object from
 *   the re-read merged with the desired document, so nothing the spec does not manage is reset.
 * - Clients are looked up by name before they are created, so a re-apply never creates a second one.
 * - New client secrets are returned once in `newClientSecrets` and never logged or stored.
 * - Identity provider secrets are resolved from their `secretRef` (options.resolveSecret) just before the
 *   Create/UpdateIdentityProvider call, which always sends every detail (UpdateIdentityProvider replaces
 *   ProviderDetails whole); they are never returned, logged or stored. A resolved value found in an AWS error
 *   message (a step's error, what `onStepFinished` reports) is replaced by "(secret)". Updating, renaming or
 *   replacing a provider for which AWS holds a secret without a `secretRef` is refused (the secret would be
 *   lost; the plan reports it as an error too).
 */
import type { UserPoolClientType } from "@aws-sdk/client-cognito-identity-provider";
import {
  createUserPoolClientInput,
  createUserPoolInput,
  effectiveClient,
  missingCustomAttributes,
  mfaConfigInput,
  resourceServerInput,
  specManagesMfa,
  updateUserPoolClientInput,
  updateUserPoolInput,
} from "../aws/mapping";
import { createGroupInput, createIdentityProviderInput, updateGroupInput, updateIdentityProviderInput } from "../aws/mapping-groups-idps";
import { mapWithConcurrency, readLivePool, type LivePool } from "../aws/read-live-pool";
import { environmentSecretResolver, type SecretResolver } from "../aws/secret-resolver";
import type { Plan, PlanAction, ResourceChange } from "../plan/types";
import type { AppClientSpec } from "../spec/client-schema";
import type { PoolDocument } from "../spec/document-schema";
import type { DomainSpec } from "../spec/domain-schema";
import { riskLogsCreates, riskLogsRun } from "./apply-risk-logs";
import { SECRET_DETAIL_KEY, type IdentityProviderSpec } from "../spec/identity-provider-schema";
import type { ResourceServerSpec } from "../spec/resource-server-schema";
import { runPreflight } from "../preflight/run-preflight";
import type { PreflightPort, PreflightReport } from "../preflight/types";
import { toAwsErrorInfo, type AwsErrorInfo, type CognitoPort } from "./port";

export type StepOutcome = "ok" | "failed" | "skipped";

export interface ApplyStep {
  /** The plan entry's address: `user_pool`, `app_client["web"]`, `resource_server["https://api"]`, `domain`. */
  resource: string;
  action: Exclude<PlanAction, "noop">;
  outcome: StepOutcome;
  /** The AWS error code and message when the step failed. */
  error?: AwsErrorInfo;
}

export interface ApplyResult {
  /** The pool the plan was applied to (the new pool's id when it was created or replaced). */
  userPoolId?: string;
  steps: ApplyStep[];
  /** True when every step is ok. */
  ok: boolean;
  /** Secrets of clients created by this apply, by client name. Show once; never store or log. */
  newClientSecrets?: Record<string, string>;
  /** The preflight report, when the apply ran preflight (warnings and passes; a failure refuses instead). */
  preflight?: PreflightReport;
}

export interface ApplyOptions {
  /** The document the plan was computed for (requests are built from it). */
  desired: PoolDocument;
  /** The live pool; default `plan.live.userPoolId`. Not used when the plan creates the pool. */
  userPoolId?: string;
  /** Allow replacing or deleting the pool and replacing clients (`--allow-replace`). */
  allowReplace?: boolean;
  /** Steps of one kind in flight at once; default 5 (the per-pool rate of the write categories). */
  concurrency?: number;
  /** Concurrency of the re-read (see readLivePool). */
  readConcurrency?: number;
  /**
   * Called as each step finishes (ok, or failed with its AWS error), in the order they finish, with the
   * number of steps the apply runs: lets a caller show progress while the apply is still going. Steps
   * that never ran (after a failure) are only in the result, as `skipped`.
   */
  onStepFinished?: (step: ApplyStep, total: number) => void;
  /** Reads a provider's secret from its reference; default: environment variables of this process only. */
  resolveSecret?: SecretResolver;
  /**
   * Check the other AWS services the pool depends on (preflight/) and refuse, before any Cognito write,
   * when a blocking check fails. Runs before any Cognito call when the pool is created or `userPoolArn`
   * is given; otherwise right after the stale-plan re-read (a read), with the ARN it returns.
   */
  preflight?: { port: PreflightPort; userPoolArn?: string };
}

export type ApplyRefusalCode =
  | "plan-has-errors"
  | "replace-not-allowed"
  | "deletion-protection-active"
  | "stale-plan"
  | "missing-live-state"
  | "plan-mismatch"
  | "preflight-failed"
  | "provider-secret-would-be-removed";

/** The plan was not applied at all: nothing was changed. */
export class ApplyRefusedError extends Error {
  override name = "ApplyRefusedError";
  constructor(
    readonly code: ApplyRefusalCode,
    message: string,
    /** For `preflight-failed`: the whole report, to show every check. */
    readonly preflight?: PreflightReport,
  ) {
    super(message);
  }
}

/** What replaces a resolved provider secret found in an error message. */
export const REDACTED_SECRET = "(secret)";

/** `text` with every occurrence of each secret replaced by "(secret)" (longest first, so no part of one survives). */
export function redactSecrets(text: string, secrets: Iterable<string>): string {
  let out = text;
  for (const secret of [...secrets].filter((s) => s !== "").sort((a, b) => b.length - a.length)) out = out.split(secret).join(REDACTED_SECRET);
  return out;
}

const PHASES = ["delete", "pool", "mfa", "resourceServers", "identityProviders", "clients", "groups", "providerDeletes", "domain", "riskLogs"] as const;
type Phase = (typeof PHASES)[number];

interface Task {
  phase: Phase;
  step: ApplyStep;
  run: () => Promise<void>;
}

/** Checks the refusals that need no AWS call; throws ApplyRefusedError. */
export function checkPlanAllowed(plan: Plan, options: Pick<ApplyOptions, "allowReplace" | "desired">): void {
  if (plan.errors.length > 0) {
    throw new ApplyRefusedError("plan-has-errors", `the plan has ${plan.errors.length} error(s) and cannot be applied: ${plan.errors.map((e) => e.message).join("; ")}`);
  }
  if (plan.poolName !== options.desired.metadata.name) {
    throw new ApplyRefusedError("plan-mismatch", `the plan is for pool "${plan.poolName}" but the document is "${options.desired.metadata.name}"`);
  }
  if (!options.allowReplace) {
    const dangerous = plan.entries.filter(
      (e) => (e.type === "userPool" && (e.action === "replace" || e.action === "delete")) || (e.type === "appClient" && e.action === "replace"),
    );
    if (dangerous.length > 0) {
      const what = dangerous.map((e) => `${e.address} (${e.action})`).join(", ");
      const users = dangerous.some((e) => e.type === "userPool") ? " Replacing the pool deletes every user in it." : "";
      throw new ApplyRefusedError("replace-not-allowed", `the plan replaces or deletes ${what}; apply it only with allowReplace (--allow-replace).${users}`);
    }
  }
}

function byAddress(plan: Plan): Map<string, ResourceChange> {
  return new Map(plan.entries.map((e) => [e.address, e]));
}

/** Runs preflight; a blocking result refuses the apply (nothing has been written yet). */
async function preflightOrRefuse(desired: PoolDocument, port: PreflightPort, userPoolArn: string | undefined, region: string): Promise<PreflightReport> {
  const report = await runPreflight(desired, port, { region, ...(userPoolArn ? { userPoolArn } : {}) });
  if (report.blocked) {
    const failed = report.results.filter((r) => r.blocking);
    throw new ApplyRefusedError("preflight-failed", `preflight failed, nothing was changed: ${failed.map((r) => `${r.code} (${r.path}): ${r.message}`).join("; ")}`, report);
  }
  return report;
}

/** Applies `plan` (see the module comment). Throws ApplyRefusedError before any change; never throws after. */
export async function applyPlan(plan: Plan, port: CognitoPort, options: ApplyOptions): Promise<ApplyResult> {
  checkPlanAllowed(plan, options);
  const { desired } = options;
  const concurrency = options.concurrency ?? 5;
  const poolEntry = plan.entries.find((e) => e.type === "userPool");
  const creating = plan.creatingPool || poolEntry?.action === "create";
  const replacingPool = poolEntry?.action === "replace";
  const entries = byAddress(plan);

  // ---- preflight before any Cognito call, when the pool's ARN is known or there is no pool yet ----
  let preflightReport: PreflightReport | undefined;
  const preflightFirst = options.preflight && (creating || options.preflight.userPoolArn !== undefined);
  if (options.preflight && preflightFirst) preflightReport = await preflightOrRefuse(desired, options.preflight.port, creating ? undefined : options.preflight.userPoolArn, port.region);

  // ---- stale-plan guard: re-read and compare ----
  let live: LivePool | undefined;
  const userPoolId = options.userPoolId ?? plan.live?.userPoolId;
  if (!creating) {
    if (!userPoolId) throw new ApplyRefusedError("missing-live-state", "the plan does not name the live pool it was computed against (plan.live.userPoolId)");
    if (!plan.live?.fingerprint) {
      throw new ApplyRefusedError("missing-live-state", "the plan was not computed against the live pool (it has no fingerprint); plan against the pool and apply that plan");
    }
    live = await readLivePool(port, userPoolId, { desired, ...(options.readConcurrency ? { concurrency: options.readConcurrency } : {}) });
    if (live.live.fingerprint !== plan.live.fingerprint) {
      throw new ApplyRefusedError(
        "stale-plan",
        `pool ${userPoolId} changed since the plan was made (fingerprint ${plan.live.fingerprint.slice(0, 12)} → ${live.live.fingerprint.slice(0, 12)}); plan again and review the new plan`,
      );
    }
    if ((replacingPool || poolEntry?.action === "delete") && live.raw.pool.DeletionProtection === "ACTIVE") {
      throw new ApplyRefusedError(
        "deletion-protection-active",
        `pool ${userPoolId} has deletion protection on; apply won't turn it off for you. Set deletionProtection: INACTIVE, apply that, then apply the replacement`,
      );
    }
  }

  // ---- otherwise preflight now, with the re-read pool's ARN, still before the first write ----
  if (options.preflight && !preflightFirst) preflightReport = await preflightOrRefuse(desired, options.preflight.port, live?.raw.pool.Arn, port.region);

  const tasks: Task[] = [];
  const secrets: Record<string, string> = {};
  let poolId = creating ? undefined : userPoolId;
  const requirePoolId = () => {
    if (!poolId) throw new Error("no user pool id (the pool was not created)");
    return poolId;
  };
  const add = (phase: Phase, resource: string, action: ApplyStep["action"], run: () => Promise<void>) => {
    tasks.push({ phase, step: { resource, action, outcome: "skipped" }, run });
  };

  const resolveSecret = options.resolveSecret ?? environmentSecretResolver();
  // Every secret this apply resolved: an AWS error may quote the request, so they are cut out of error messages.
  const resolved = new Set<string>();
  const secretOf = async (provider: IdentityProviderSpec) => {
    if (!provider.secretRef) return undefined;
    const value = await resolveSecret(provider.secretRef);
    resolved.add(value);
    return value;
  };
  const createProvider = async (provider: IdentityProviderSpec) =>
    port.createIdentityProvider(createIdentityProviderInput(requirePoolId(), provider, await secretOf(provider)));
  const desiredProvider = (name: string) => desired.spec.identityProviders?.find((p) => p.providerName === name);
  const desiredGroup = (name: string) => desired.spec.groups?.find((g) => g.name === name);
  const providerAddress = (name: string) => `identity_provider[${JSON.stringify(name)}]`;
  const groupAddress = (name: string) => `group[${JSON.stringify(name)}]`;
  const clientAddress = (name: string) => `app_client[${JSON.stringify(name)}]`;
  const serverAddress = (identifier: string) => `resource_server[${JSON.stringify(identifier)}]`;
  const liveClientsByName = new Map<string, UserPoolClientType>();
  for (const c of live?.raw.clients ?? []) if (c.ClientName) liveClientsByName.set(c.ClientName, c);

  async function createClient(client: AppClientSpec) {
    const id = requirePoolId();
    // Look up by name first: a client that an interrupted apply already created is updated, not duplicated.
    const existing = liveClientsByName.get(client.name);
    if (existing?.ClientId) {
      await port.updateUserPoolClient(updateUserPoolClientInput(id, existing.ClientId, client, existing));
      return;
    }
    const created = await port.createUserPoolClient(createUserPoolClientInput(id, client));
    if (created.ClientSecret) secrets[client.name] = created.ClientSecret;
    liveClientsByName.set(client.name, { ClientName: client.name, ...(created.ClientId ? { ClientId: created.ClientId } : {}) });
  }
  const desiredClient = (name: string) => {
    const client = desired.spec.clients?.find((c) => c.name === name);
    return client ? effectiveClient(desired.spec, client) : undefined;
  };
  const desiredServer = (identifier: string) => desired.spec.resourceServers?.find((s) => s.identifier === identifier);
  const createDomain = async (domain: DomainSpec) => {
    await port.createUserPoolDomain({
      UserPoolId: requirePoolId(),
      Domain: domain.domain,
      ...(domain.certificateArn ? { CustomDomainConfig: { CertificateArn: domain.certificateArn } } : {}),
      ...(domain.managedLoginVersion ? { ManagedLoginVersion: domain.managedLoginVersion } : {}),
    });
  };

  const riskLogs = { port, desired, poolId: requirePoolId, clientId: (name: string) => liveClientsByName.get(name)?.ClientId };

  if (creating || replacingPool) {
    // ---- a new pool: everything in the desired document is created ----
    if (replacingPool && live && userPoolId) {
      const oldDomain = live.raw.domain?.Domain;
      // "User pool cannot be deleted. It has a domain configured that should be deleted first." (service error of DeleteUserPool)
      add("delete", "user_pool", "replace", async () => {
        if (oldDomain) await port.deleteUserPoolDomain(userPoolId, oldDomain);
        await port.deleteUserPool(userPoolId);
      });
    }
    add("pool", "user_pool", creating ? "create" : "replace", async () => {
      const created = await port.createUserPool(createUserPoolInput(desired));
      poolId = created.Id;
    });
    if (specManagesMfa(desired.spec) || desired.spec.smsAuthenticationMessage !== undefined) {
      add("mfa", "mfa_config", "create", () => port.setUserPoolMfaConfig(mfaConfigInput(requirePoolId(), desired.spec, {})));
    }
    for (const server of desired.spec.resourceServers ?? []) {
      add("resourceServers", serverAddress(server.identifier), "create", () => port.createResourceServer(resourceServerInput(requirePoolId(), server)));
    }
    for (const provider of desired.spec.identityProviders ?? []) {
      add("identityProviders", providerAddress(provider.providerName), "create", () => createProvider(provider));
    }
    for (const client of desired.spec.clients ?? []) {
      add("clients", clientAddress(client.name), "create", () => createClient(effectiveClient(desired.spec, client)));
    }
    for (const group of desired.spec.groups ?? []) {
      add("groups", groupAddress(group.name), "create", () => port.createGroup(createGroupInput(requirePoolId(), group)));
    }
    const domain = desired.spec.domain;
    if (domain) add("domain", "domain", "create", () => createDomain(domain));
    for (const entry of riskLogsCreates(desired)) {
      const run = riskLogsRun(entry, riskLogs);
      if (run) add("riskLogs", entry.address, "create", run);
    }
  } else if (live && userPoolId) {
    // ---- an existing pool: the plan's entries ----
    const raw = live.raw;
    for (const entry of plan.entries) {
      if (entry.action === "noop") continue;
      const action = entry.action;
      switch (entry.type) {
        case "riskConfiguration":
        case "logDelivery": {
          const run = riskLogsRun(entry, riskLogs);
          if (run) add("riskLogs", entry.address, action, run);
          break;
        }
        case "userPool":
          if (action === "update") {
            add("pool", entry.address, action, async () => {
              await port.updateUserPool(updateUserPoolInput(userPoolId, desired, raw.pool));
              const attributes = missingCustomAttributes(desired.spec, raw.pool);
              if (attributes.length > 0) await port.addCustomAttributes(userPoolId, attributes);
            });
          } else if (action === "delete") {
            add("delete", entry.address, action, async () => {
              if (raw.domain?.Domain) await port.deleteUserPoolDomain(userPoolId, raw.domain.Domain);
              await port.deleteUserPool(userPoolId);
            });
          }
          break;
        case "mfaConfig":
          if (action === "delete") break; // the spec stopped managing MFA: leave it as it is
          add("mfa", entry.address, action, () => port.setUserPoolMfaConfig(mfaConfigInput(userPoolId, desired.spec, raw.mfa)));
          break;
        case "resourceServer": {
          const oldIdentifier = entry.previousKey ?? entry.key;
          const server: ResourceServerSpec | undefined = desiredServer(entry.key);
          if (action === "delete") {
            add("delete", entry.address, action, () => port.deleteResourceServer(userPoolId, entry.key));
          } else if (action === "replace") {
            const step = { resource: entry.address, action, outcome: "skipped" as StepOutcome };
            tasks.push({ phase: "delete", step, run: () => port.deleteResourceServer(userPoolId, oldIdentifier) });
            if (server) tasks.push({ phase: "resourceServers", step, run: () => port.createResourceServer(resourceServerInput(userPoolId, server)) });
          } else if (server) {
            const exists = raw.resourceServers.some((s) => s.Identifier === server.identifier);
            add("resourceServers", entry.address, action, () =>
              exists ? port.updateResourceServer(resourceServerInput(userPoolId, server)) : port.createResourceServer(resourceServerInput(userPoolId, server)),
            );
          }
          break;
        }
        case "appClient": {
          const existing = liveClientsByName.get(entry.previousKey ?? entry.key);
          const client = desiredClient(entry.key);
          if (action === "delete") {
            const clientId = existing?.ClientId ?? entry.liveId;
            if (clientId) add("delete", entry.address, action, () => port.deleteUserPoolClient(userPoolId, clientId));
          } else if (action === "replace") {
            const step = { resource: entry.address, action, outcome: "skipped" as StepOutcome };
            const clientId = existing?.ClientId ?? entry.liveId;
            if (clientId) {
              tasks.push({
                phase: "delete",
                step,
                run: async () => {
                  await port.deleteUserPoolClient(userPoolId, clientId);
                  liveClientsByName.delete(existing?.ClientName ?? entry.key);
                },
              });
            }
            if (client) tasks.push({ phase: "clients", step, run: () => createClient(client) });
          } else if (client) {
            add("clients", entry.address, action, async () => {
              if (action === "update" && existing?.ClientId) {
                await port.updateUserPoolClient(updateUserPoolClientInput(userPoolId, existing.ClientId, client, existing));
              } else {
                await createClient(client);
              }
            });
          }
          break;
        }
        case "identityProvider": {
          const provider = desiredProvider(entry.key);
          const oldName = entry.previousKey ?? entry.key;
          const liveProvider = raw.identityProviders.find((p) => p.ProviderName === oldName);
          // The plan's own guard, again (a plan made without `providersWithSecret` reaches here): an update
          // without the secret removes it (UpdateIdentityProvider replaces every detail), and a replacement
          // or rename creates the new provider without it.
          if ((action === "update" || action === "replace") && provider && liveProvider && !provider.secretRef && SECRET_DETAIL_KEY[provider.providerType] && live.live.providersWithSecret.includes(oldName)) {
            throw new ApplyRefusedError(
              "provider-secret-would-be-removed",
              `AWS holds a ${SECRET_DETAIL_KEY[provider.providerType]} for identity provider "${oldName}"; set secretRef or ${action === "update" ? "the update removes it (UpdateIdentityProvider replaces every provider detail)" : `the new provider "${entry.key}" is created without it`}`,
            );
          }
          if (action === "delete") {
            // After the clients phase: a client stops listing the provider before it is deleted (the order above).
            add("providerDeletes", entry.address, action, () => port.deleteIdentityProvider(userPoolId, entry.key));
          } else if (action === "replace") {
            const step = { resource: entry.address, action, outcome: "skipped" as StepOutcome };
            if (entry.previousKey !== undefined) {
              // A rename: the new provider exists before clients switch to it; the old one goes after.
              if (provider) tasks.push({ phase: "identityProviders", step, run: () => createProvider(provider) });
              if (liveProvider) tasks.push({ phase: "providerDeletes", step, run: () => port.deleteIdentityProvider(userPoolId, oldName) });
            } else {
              // A type change keeps the name: delete, then create it again before the clients phase.
              if (liveProvider) tasks.push({ phase: "delete", step, run: () => port.deleteIdentityProvider(userPoolId, oldName) });
              if (provider) tasks.push({ phase: "identityProviders", step, run: () => createProvider(provider) });
            }
          } else if (provider) {
            add("identityProviders", entry.address, action, async () => {
              if (action === "create" || !liveProvider) return createProvider(provider);
              await port.updateIdentityProvider(updateIdentityProviderInput(userPoolId, provider, await secretOf(provider), liveProvider));
            });
          }
          break;
        }
        case "group": {
          const group = desiredGroup(entry.key);
          const liveGroup = raw.groups.find((g) => g.GroupName === entry.key);
          if (action === "delete") add("delete", entry.address, action, () => port.deleteGroup(userPoolId, entry.key));
          else if (group)
            add("groups", entry.address, action, () =>
              liveGroup ? port.updateGroup(updateGroupInput(userPoolId, group, liveGroup)) : port.createGroup(createGroupInput(userPoolId, group)),
            );
          break;
        }
        case "domain": {
          const domain = desired.spec.domain;
          const oldDomain = raw.domain?.Domain;
          if (action === "delete" || action === "replace") {
            const step = { resource: entry.address, action, outcome: "skipped" as StepOutcome };
            if (oldDomain) tasks.push({ phase: "delete", step, run: () => port.deleteUserPoolDomain(userPoolId, oldDomain) });
            if (action === "replace" && domain) tasks.push({ phase: "domain", step, run: () => createDomain(domain) });
            else if (!oldDomain) tasks.push({ phase: "delete", step, run: async () => undefined });
          } else if (domain) {
            add("domain", entry.address, action, async () => {
              if (action === "create" || !oldDomain) return createDomain(domain);
              // Only the certificate and the branding version change in place (https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_UpdateUserPoolDomain.html).
              await port.updateUserPoolDomain({
                UserPoolId: userPoolId,
                Domain: domain.domain,
                ...(domain.certificateArn ? { CustomDomainConfig: { CertificateArn: domain.certificateArn } } : {}),
                ...(domain.managedLoginVersion ? { ManagedLoginVersion: domain.managedLoginVersion } : {}),
              });
            });
          }
          break;
        }
      }
    }
    // Entries the plan lists must exist in it; an unknown address means the plan and document disagree.
    for (const task of tasks) if (!entries.has(task.step.resource)) throw new ApplyRefusedError("plan-mismatch", `no plan entry for ${task.step.resource}`);
  }

  // ---- run phase by phase ----
  // A replace is two tasks sharing one step (delete, later create): the step is ok only when both ran.
  const steps: ApplyStep[] = [...new Set(tasks.map((t) => t.step))];
  const done = new Set<Task>();
  let failed = false;
  for (const phase of PHASES) {
    if (failed) break; // later phases stay "skipped"
    const phaseTasks = tasks.filter((t) => t.phase === phase);
    await mapWithConcurrency(phaseTasks, phase === "pool" || phase === "mfa" ? 1 : concurrency, async (task) => {
      if (task.step.error) return;
      try {
        await task.run();
        done.add(task);
        if (tasks.every((t) => t.step !== task.step || done.has(t))) options.onStepFinished?.({ ...task.step, outcome: "ok" }, steps.length);
      } catch (error) {
        const info = toAwsErrorInfo(error);
        task.step.error = { code: redactSecrets(info.code, resolved), message: redactSecrets(info.message, resolved) };
        failed = true;
        options.onStepFinished?.({ ...task.step, outcome: "failed" }, steps.length);
      }
    });
  }
  for (const step of steps) {
    const own = tasks.filter((t) => t.step === step);
    step.outcome = step.error ? "failed" : own.every((t) => done.has(t)) ? "ok" : "skipped";
  }
  const result: ApplyResult = { steps, ok: steps.every((s) => s.outcome === "ok") };
  if (poolId) result.userPoolId = poolId;
  if (Object.keys(secrets).length > 0) result.newClientSecrets = secrets;
  if (preflightReport) result.preflight = preflightReport;
  return result;
}
