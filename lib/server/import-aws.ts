import "server-only";
import type { AwsConnectionInput, ImportAwsPoolsInput } from "@/lib/contracts/import-inputs";
import { defaultRequiredApprovals } from "@/lib/contracts/review-inputs";
import { allPages, providerSecretNote, readLivePool } from "@/lib/cognito/aws";
import { hasErrors, removeProviderSecrets, validatePoolDocument } from "@/lib/cognito/spec";
import { type Db, getDb } from "./db";
import { UserError } from "./errors";
import { nextFreeName, takenNames } from "./imports";
import { hasRole } from "@/lib/contracts/roles";
import { connectTarget, describeAwsError, type TargetConnection } from "./target-port";
import type { Account } from "./users";

/**
 * The connection Import from AWS uses: the form's Region with an existing target's endpoint and role, or the
 * server's default (AWS with the SDK's credential chain). An endpoint or role of one's own needs the admin role:
 * the server's credentials sign the requests sent there, and only admins set where targets point.
 */
export async function resolveAwsConnection(account: Account, input: AwsConnectionInput, db: Db = getDb().db): Promise<TargetConnection> {
  if (input.targetId) {
    const target = await db.target.findFirst({ where: { id: input.targetId, pool: { workspaceId: account.workspaceId } }, select: { endpoint: true, roleArn: true } });
    if (!target) throw new UserError("target-not-found", "This target no longer exists; choose another.", "targetId");
    if (input.endpoint || input.roleArn) throw new UserError("connection-twice", "Choose a target's connection or give an endpoint, not both.", "endpoint");
    return { region: input.region, endpoint: target.endpoint, roleArn: target.roleArn };
  }
  if ((input.endpoint || input.roleArn) && !hasRole(account.role, "admin")) {
    throw new UserError("admin-only", "An endpoint or role of your own needs the admin role (the server's AWS credentials sign the requests); choose an existing target's, or leave it empty.", input.endpoint ? "endpoint" : "roleArn");
  }
  return { region: input.region, endpoint: input.endpoint ?? null, roleArn: input.roleArn ?? null };
}

export interface AwsPoolListing {
  id: string;
  name: string;
  createdAt?: string;
  /** Designs of this workspace already linked to it (by a target or as imported). */
  linkedTo: { poolId: string; name: string }[];
}

/** The user pools the server's credentials can see in the Region (ListUserPools, every page). */
export async function listAwsPools(account: Account, input: AwsConnectionInput, db: Db = getDb().db): Promise<AwsPoolListing[]> {
  const connection = await resolveAwsConnection(account, input, db);
  const port = connectTarget(connection);
  let pools;
  try {
    pools = await allPages((token) => port.listUserPools(token));
  } catch (error) {
    throw new UserError("aws-list-failed", `Could not list the user pools in ${input.region}: ${describeAwsError(error)}`, "region");
  }
  const ids = pools.map((p) => p.Id ?? "").filter(Boolean);
  const [targets, imported] = await Promise.all([
    db.target.findMany({ where: { userPoolId: { in: ids }, pool: { workspaceId: account.workspaceId } }, select: { userPoolId: true, pool: { select: { id: true, name: true } } } }),
    db.pool.findMany({ where: { awsUserPoolId: { in: ids }, workspaceId: account.workspaceId }, select: { id: true, name: true, awsUserPoolId: true } }),
  ]);
  return pools
    .filter((p) => p.Id)
    .map((p) => {
      const links = new Map<string, string>();
      for (const t of targets) if (t.userPoolId === p.Id) links.set(t.pool.id, t.pool.name);
      for (const d of imported) if (d.awsUserPoolId === p.Id) links.set(d.id, d.name);
      return {
        id: p.Id as string,
        name: p.Name ?? "",
        ...(p.CreationDate ? { createdAt: p.CreationDate.toISOString() } : {}),
        linkedTo: [...links].map(([poolId, name]) => ({ poolId, name })),
      };
    })
    .sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
}

export interface AwsImportOutcome {
  userPoolId: string;
  /** Set when the pool was imported. */
  pool?: { id: string; name: string; targetId: string; valid: boolean; renamedFrom?: string };
  /** What to add before applying (identity providers whose secret AWS holds). */
  notes: string[];
  /** Why it was not imported (an AWS error). */
  error?: string;
}

/**
 * Imports live pools, each as a design (read with readLivePool, as Pull does) with a target named after the
 * environment that links the live pool id: one transaction per pool with its audit event, so one pool that cannot
 * be read does not stop the others. A name already taken gets the next free one (`NAME-2`), said in the outcome.
 */
export async function importAwsPools(account: Account, input: ImportAwsPoolsInput, db: Db = getDb().db): Promise<AwsImportOutcome[]> {
  const connection = await resolveAwsConnection(account, input, db);
  const port = connectTarget(connection);
  const outcomes: AwsImportOutcome[] = [];
  for (const userPoolId of [...new Set(input.userPoolIds)]) {
    let live;
    try {
      live = await readLivePool(port, userPoolId, { branding: true });
    } catch (error) {
      outcomes.push({ userPoolId, notes: [], error: `Could not read ${userPoolId}: ${describeAwsError(error)}` });
      continue;
    }
    const document = { ...live.document, spec: { ...live.document.spec, region: input.region } };
    const liveName = document.metadata.name;
    const pool = await db.$transaction(async (tx) => {
      const taken = await takenNames(account.workspaceId, tx);
      const name = taken.has(liveName) ? nextFreeName(liveName, taken) : liveName;
      const stored = { ...document, metadata: { ...document.metadata, name } };
      const { document: clean, removed } = removeProviderSecrets(stored);
      const valid = !hasErrors([...removed, ...validatePoolDocument(clean).diagnostics]);
      const created = await tx.pool.create({
        data: {
          workspaceId: account.workspaceId,
          name,
          region: input.region,
          environment: input.environment,
          awsUserPoolId: userPoolId,
          draft: { create: { document: JSON.stringify(clean), valid, updatedBy: account.email } },
          targets: {
            create: {
              name: input.environment,
              region: input.region,
              endpoint: connection.endpoint,
              roleArn: connection.roleArn,
              userPoolId,
              requiredApprovals: defaultRequiredApprovals(input.environment),
            },
          },
        },
        include: { targets: { select: { id: true } } },
      });
      await tx.auditEvent.create({
        data: {
          actor: account.email,
          action: "pool.import-aws",
          target: created.id,
          workspaceId: account.workspaceId,
          poolId: created.id,
          after: `imported ${name} from live pool ${userPoolId} in ${input.region}${connection.endpoint ? ` at ${connection.endpoint}` : ""}, target ${input.environment}${valid ? "" : " (draft has errors)"}`,
          details: JSON.stringify({ userPoolId, region: input.region, providersWithSecret: live.live.providersWithSecret, ...(name !== liveName ? { renamedFrom: liveName } : {}) }),
        },
      });
      return { id: created.id, name, targetId: created.targets[0]?.id ?? "", valid, ...(name !== liveName ? { renamedFrom: liveName } : {}) };
    });
    outcomes.push({ userPoolId, pool, notes: [...live.live.providersWithSecret.map(providerSecretNote), ...live.live.unreadable.map((u) => u.note)] });
  }
  return outcomes;
}

export interface TargetConnectionChoice {
  /** A target that has this endpoint/role (the one Import from AWS names). */
  targetId: string;
  label: string;
}

/** The distinct endpoints and roles of the workspace's targets, for Import from AWS to reuse (no region: the form gives it). */
export async function listTargetConnections(workspaceId: string, db: Db = getDb().db): Promise<TargetConnectionChoice[]> {
  const targets = await db.target.findMany({
    where: { pool: { workspaceId }, OR: [{ endpoint: { not: null } }, { roleArn: { not: null } }] },
    select: { id: true, name: true, endpoint: true, roleArn: true, pool: { select: { name: true } } },
    orderBy: { createdAt: "desc" },
  });
  const seen = new Map<string, TargetConnectionChoice>();
  for (const t of targets) {
    const key = `${t.endpoint ?? ""} ${t.roleArn ?? ""}`;
    if (seen.has(key)) continue;
    const what = [t.endpoint, t.roleArn && `role ${t.roleArn}`].filter(Boolean).join(", ");
    seen.set(key, { targetId: t.id, label: `${what} (target ${t.name} of ${t.pool.name})` });
  }
  return [...seen.values()];
}
