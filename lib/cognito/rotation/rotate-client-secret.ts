/**
 * Guided rotation of a confidential client's secret without downtime, in two steps with the user's
 * confirmation between them:
 *
 * 1. {@link startSecretRotation}: the client must have exactly one secret; a second one is added and its
 *    value returned, once. Both secrets work now, so the application can switch at its own pace.
 * 2. {@link finishSecretRotation}: once the user confirms the application uses the new secret, every other
 *    secret is deleted. It needs the id of the secret to keep, so it can never delete the new one.
 *
 * Nothing is kept between the steps: the state is Cognito's own list of secrets. A value is never stored,
 * and since List never returns values, a second call cannot show it again; a start while two secrets exist
 * is refused rather than adding (and showing) another.
 */
import type { ClientSecretInfo, ClientSecretPort, NewClientSecret } from "./port";

export type RotationRefusalCode = "not-confidential" | "rotation-in-progress" | "nothing-to-finish" | "unknown-secret" | "not-confirmed";

export class RotationRefusedError extends Error {
  override name = "RotationRefusedError";
  constructor(
    readonly code: RotationRefusalCode,
    message: string,
  ) {
    super(message);
  }
}

export interface RotationTarget {
  userPoolId: string;
  clientId: string;
  /** For messages. */
  clientName: string;
}

export interface StartedRotation {
  /** Show once, then forget. */
  newSecret: NewClientSecret;
  /** The secret(s) the application still uses; deleted by finish. */
  previous: ClientSecretInfo[];
}

export interface FinishedRotation {
  kept: ClientSecretInfo;
  deleted: ClientSecretInfo[];
}

/** What the client's secrets are now (ids and dates only). */
export async function describeClientSecrets(port: ClientSecretPort, target: RotationTarget): Promise<ClientSecretInfo[]> {
  return port.listClientSecrets(target.userPoolId, target.clientId);
}

export async function startSecretRotation(port: ClientSecretPort, target: RotationTarget): Promise<StartedRotation> {
  const secrets = await port.listClientSecrets(target.userPoolId, target.clientId);
  if (secrets.length === 0) throw new RotationRefusedError("not-confidential", `App client ${target.clientName} has no secret (a public client); there is nothing to rotate.`);
  if (secrets.length >= 2) {
    throw new RotationRefusedError(
      "rotation-in-progress",
      `App client ${target.clientName} has two secrets already (${secrets.map((s) => s.id).join(", ")}): a rotation is under way. Finish it (keep the secret your application uses) before starting another; the new secret cannot be shown again.`,
    );
  }
  const newSecret = await port.addClientSecret(target.userPoolId, target.clientId);
  return { newSecret, previous: secrets };
}

export async function finishSecretRotation(port: ClientSecretPort, target: RotationTarget, keepSecretId: string, confirmed: boolean): Promise<FinishedRotation> {
  if (!confirmed) throw new RotationRefusedError("not-confirmed", "Confirm that your application uses the new secret before the old one is deleted.");
  const secrets = await port.listClientSecrets(target.userPoolId, target.clientId);
  const kept = secrets.find((s) => s.id === keepSecretId);
  if (!kept) throw new RotationRefusedError("unknown-secret", `App client ${target.clientName} has no secret ${keepSecretId}; its secrets are ${secrets.map((s) => s.id).join(", ") || "none"}.`);
  const others = secrets.filter((s) => s.id !== keepSecretId);
  if (others.length === 0) throw new RotationRefusedError("nothing-to-finish", `App client ${target.clientName} has only the secret ${keepSecretId}; there is no old secret to delete.`);
  for (const secret of others) await port.deleteClientSecret(target.userPoolId, target.clientId, secret.id);
  return { kept, deleted: others };
}
