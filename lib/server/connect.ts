import "server-only";
import { type AppConnection, appConnection, type LiveIds, readLiveIds } from "@/lib/cognito/connect";
import { applyEnvironmentValues } from "@/lib/cognito/environments";
import type { PoolDocument } from "@/lib/cognito/spec";
import { UserError } from "./errors";
import { connectTarget, describeAwsError } from "./target-port";
import type { TargetView } from "./targets";

/** The live pool and client ids of a target's pool, for "connect your app" (client secrets are never read out). */
export async function liveIdsOfTarget(target: TargetView, customDomain?: string): Promise<LiveIds> {
  if (!target.userPoolId) throw new UserError("target-not-applied", `Target ${target.name} has no pool yet; apply a change request to it first.`);
  try {
    return await readLiveIds(connectTarget(target), target.userPoolId, customDomain);
  } catch (error) {
    throw new UserError("aws-read-failed", `Could not read pool ${target.userPoolId} of target ${target.name}: ${describeAwsError(error)}`);
  }
}

/**
 * The connection of one app client as an application on `target` sees it: the target's own callback URLs
 * and domain (its per-environment values) with its live ids, in the target's Region when the design names none;
 * without a target, the design's values (a design without a Region then throws NoRegionError).
 */
export function connectionOn(design: PoolDocument, clientName: string, target?: Pick<TargetView, "environmentValues"> & { region?: string }, live?: LiveIds): AppConnection {
  const document = target ? applyEnvironmentValues(design, target.environmentValues).document : design;
  return appConnection(document, clientName, live, target?.region);
}
