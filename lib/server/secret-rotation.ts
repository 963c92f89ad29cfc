import "server-only";
import type { ClientSecretRef, FinishRotationInput } from "@/lib/contracts/secret-inputs";
import {
  type ClientSecretInfo,
  describeClientSecrets,
  type FinishedRotation,
  finishSecretRotation,
  RotationRefusedError,
  type RotationTarget,
  type StartedRotation,
  startSecretRotation,
} from "@/lib/cognito/rotation";
import { readLiveIds } from "@/lib/cognito/connect";
import { UserError } from "./errors";
import { connectTarget, connectTargetSecrets, describeAwsError } from "./target-port";
import { getTarget, type TargetView } from "./targets";
import type { Account } from "./users";

/**
 * Client secret rotation on a target's live pool. Nothing here is written to the database: the state
 * between the steps is Cognito's list of secrets, and the new value goes back to the person who asked,
 * once, in the action's answer (never into the audit log).
 */
async function resolve(account: Account, ref: ClientSecretRef): Promise<{ target: TargetView; rotation: RotationTarget }> {
  const target = await getTarget(account.workspaceId, ref.targetId);
  if (!target) throw new UserError("target-not-found", "This target no longer exists.");
  if (!target.userPoolId) throw new UserError("target-not-applied", `Target ${target.name} has no pool yet.`);
  let clientId: string | undefined;
  try {
    clientId = (await readLiveIds(connectTarget(target), target.userPoolId)).clientIds[ref.clientName];
  } catch (error) {
    throw new UserError("aws-read-failed", `Could not read the clients of pool ${target.userPoolId}: ${describeAwsError(error)}`);
  }
  if (clientId) return { target, rotation: { userPoolId: target.userPoolId, clientId, clientName: ref.clientName } };
  throw new UserError("client-not-found", `Pool ${target.userPoolId} of target ${target.name} has no app client named ${ref.clientName}.`, "clientName");
}

async function guarded<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof RotationRefusedError) throw new UserError(error.code, error.message);
    if (error instanceof UserError) throw error;
    throw new UserError("aws-call-failed", `AWS refused: ${describeAwsError(error)}`);
  }
}

export async function listClientSecrets(account: Account, ref: ClientSecretRef): Promise<{ secrets: ClientSecretInfo[]; poolId: string }> {
  const { target, rotation } = await resolve(account, ref);
  return { secrets: await guarded(() => describeClientSecrets(connectTargetSecrets(target), rotation)), poolId: target.poolId };
}

export async function startClientSecretRotation(account: Account, ref: ClientSecretRef): Promise<StartedRotation & { poolId: string; targetName: string }> {
  const { target, rotation } = await resolve(account, ref);
  const started = await guarded(() => startSecretRotation(connectTargetSecrets(target), rotation));
  return { ...started, poolId: target.poolId, targetName: target.name };
}

export async function finishClientSecretRotation(account: Account, input: FinishRotationInput): Promise<FinishedRotation & { poolId: string; targetName: string }> {
  const { target, rotation } = await resolve(account, input);
  const finished = await guarded(() => finishSecretRotation(connectTargetSecrets(target), rotation, input.keepSecretId, input.confirmed));
  return { ...finished, poolId: target.poolId, targetName: target.name };
}
