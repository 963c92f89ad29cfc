import "server-only";
import type { CreateTargetInput, EnvironmentSettingsInput, EnvironmentValuesInput, UpdateTargetInput } from "@/lib/contracts/review-inputs";
import { describeSetting, type EnvironmentValues, listSettingEntries, readEnvironmentValues, replaceEnvironmentValuesPart } from "@/lib/cognito/environments";
import { type Db, getDb } from "./db";
import { UserError } from "./errors";

export interface TargetView {
  id: string;
  poolId: string;
  name: string;
  region: string;
  endpoint: string | null;
  roleArn: string | null;
  userPoolId: string | null;
  requiredApprovals: number;
  updatedAt: Date;
  /** Values that replace the design's on this target (callback and logout URLs, domain). */
  environmentValues: EnvironmentValues;
}

const SELECT = { id: true, poolId: true, name: true, region: true, endpoint: true, roleArn: true, userPoolId: true, requiredApprovals: true, updatedAt: true, environmentValues: true } as const;

type TargetRow = Omit<TargetView, "environmentValues"> & { environmentValues: string };
function toView(row: TargetRow): TargetView {
  return { ...row, environmentValues: readEnvironmentValues(row.environmentValues).values };
}

export async function listTargets(workspaceId: string, poolId: string, db: Db = getDb().db): Promise<TargetView[]> {
  return (await db.target.findMany({ where: { poolId, pool: { workspaceId } }, orderBy: { createdAt: "asc" }, select: SELECT })).map(toView);
}

export async function getTarget(workspaceId: string, targetId: string, db: Db = getDb().db): Promise<TargetView | null> {
  const row = await db.target.findFirst({ where: { id: targetId, pool: { workspaceId } }, select: SELECT });
  return row ? toView(row) : null;
}

/** One line for the audit log: a target's per-environment values. */
export function describeEnvironmentValues(values: EnvironmentValues): string {
  const parts: string[] = [];
  if (values.domain !== undefined) parts.push(`domain ${values.domain}`);
  if (values.certificateArn !== undefined) parts.push(`certificate ${values.certificateArn}`);
  for (const [name, c] of Object.entries(values.clients ?? {})) {
    if (c.callbackUrls) parts.push(`${name} callbackUrls ${c.callbackUrls.join(" ")}`);
    if (c.logoutUrls) parts.push(`${name} logoutUrls ${c.logoutUrls.join(" ")}`);
  }
  for (const { kind, name, value } of listSettingEntries(values)) parts.push(`${describeSetting(kind, name)} ${value}`);
  return parts.length > 0 ? parts.join("; ") : "none (the design's values)";
}

/** Replaces a target's addresses (domain, certificate, the clients' URLs), keeping its other settings. */
export async function updateEnvironmentValues(workspaceId: string, input: EnvironmentValuesInput, db: Db = getDb().db): Promise<{ before: TargetView; after: TargetView }> {
  const before = await getTarget(workspaceId, input.targetId, db);
  if (!before) throw new UserError("target-not-found", "This target no longer exists.");
  const values = replaceEnvironmentValuesPart(before.environmentValues, "addresses", input.values);
  const after = toView(await db.target.update({ where: { id: before.id }, data: { environmentValues: JSON.stringify(values) }, select: SELECT }));
  return { before, after };
}

/**
 * Replaces a target's other per-environment settings (the page's table), keeping its addresses. Conditional on
 * the target being as the person saw it: a save by someone else in between is not overwritten.
 */
export async function updateEnvironmentSettings(workspaceId: string, input: EnvironmentSettingsInput, db: Db = getDb().db): Promise<{ before: TargetView; after: TargetView }> {
  const before = await getTarget(workspaceId, input.targetId, db);
  if (!before) throw new UserError("target-not-found", "This target no longer exists.");
  const stale = () =>
    new UserError("target-changed", `Target ${before.name} was changed by someone else since you opened this page. Your entries are still in the table: copy them, reload the page and save again.`);
  if (before.updatedAt.toISOString() !== input.seen) throw stale();
  const values = replaceEnvironmentValuesPart(before.environmentValues, "settings", input.values);
  const written = await db.target.updateMany({ where: { id: before.id, updatedAt: before.updatedAt }, data: { environmentValues: JSON.stringify(values) } });
  if (written.count !== 1) throw stale();
  const after = await getTarget(workspaceId, before.id, db);
  if (!after) throw new UserError("target-not-found", "This target no longer exists.");
  return { before, after };
}

/** One line for the audit log: what a target points at. */
export function describeTarget(t: Pick<TargetView, "name" | "region" | "endpoint" | "roleArn" | "userPoolId" | "requiredApprovals">): string {
  return [
    `${t.name} in ${t.region}`,
    t.endpoint && `endpoint ${t.endpoint}`,
    t.roleArn && `role ${t.roleArn}`,
    `pool ${t.userPoolId ?? "(none yet)"}`,
    `${t.requiredApprovals} approval(s)`,
  ]
    .filter(Boolean)
    .join(", ");
}

/** The columns a target's form sets; empty optional fields are stored as null. */
function targetFields(input: CreateTargetInput | UpdateTargetInput) {
  return {
    name: input.name,
    region: input.region,
    endpoint: input.endpoint ?? null,
    roleArn: input.roleArn ?? null,
    userPoolId: input.userPoolId ?? null,
    requiredApprovals: input.requiredApprovals,
  };
}

export async function createTarget(workspaceId: string, input: CreateTargetInput, db: Db = getDb().db): Promise<TargetView> {
  const pool = await db.pool.findFirst({ where: { id: input.poolId, workspaceId }, select: { id: true } });
  if (!pool) throw new UserError("pool-not-found", "This pool no longer exists.");
  if (await db.target.findFirst({ where: { poolId: pool.id, name: input.name }, select: { id: true } })) {
    throw new UserError("target-name-taken", `This pool already has a target named "${input.name}".`, "name");
  }
  const created = await db.target.create({
    data: { poolId: pool.id, ...targetFields(input) },
    select: SELECT,
  });
  return toView(created);
}

export async function updateTarget(workspaceId: string, input: UpdateTargetInput, db: Db = getDb().db): Promise<{ before: TargetView; after: TargetView }> {
  const before = await getTarget(workspaceId, input.targetId, db);
  if (!before) throw new UserError("target-not-found", "This target no longer exists.");
  if (input.name !== before.name && (await db.target.findFirst({ where: { poolId: before.poolId, name: input.name }, select: { id: true } }))) {
    throw new UserError("target-name-taken", `This pool already has a target named "${input.name}".`, "name");
  }
  const after = await db.target.update({
    where: { id: before.id },
    data: targetFields(input),
    select: SELECT,
  });
  return { before, after: toView(after) };
}
