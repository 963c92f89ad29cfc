"use server";
// Server actions of client secret rotation only (ARCHITECTURE.md, "Server actions"): the logic lives in lib/server.
import { defineAction } from "@/lib/server/action";
import { finishClientSecretRotation, listClientSecrets, startClientSecretRotation } from "@/lib/server/secret-rotation";
import { clientSecretRefSchema, finishRotationSchema } from "@/lib/contracts/secret-inputs";

/** Read-only: the client's secrets by id and date (Cognito never returns values here). */
export const listClientSecretsAction = defineAction({ schema: clientSecretRefSchema, role: "viewer", audit: false }, async (input, { account }) => {
  const { secrets } = await listClientSecrets(account, input);
  return { secrets: secrets.map((s) => ({ id: s.id, createdAt: s.createdAt?.toISOString() ?? null })) };
});

/** Adds a second secret. Its value is in this answer, once, for the person who asked; the audit names only its id. */
export const startSecretRotationAction = defineAction({ schema: clientSecretRefSchema, role: "approver", audit: "client-secret.add", external: true }, async (input, { account, audit }) => {
  const started = await startClientSecretRotation(account, input);
  audit({
    target: input.targetId,
    poolId: started.poolId,
    before: `secrets ${started.previous.map((s) => s.id).join(", ")}`,
    after: `added secret ${started.newSecret.id} to app client ${input.clientName} on target ${started.targetName}; waiting for confirmation`,
  });
  return { newSecret: { id: started.newSecret.id, value: started.newSecret.value }, previous: started.previous.map((s) => s.id) };
});

/** Deletes every secret but the confirmed one. */
export const finishSecretRotationAction = defineAction({ schema: finishRotationSchema, role: "approver", audit: "client-secret.delete", external: true }, async (input, { account, audit }) => {
  const finished = await finishClientSecretRotation(account, input);
  audit({
    target: input.targetId,
    poolId: finished.poolId,
    before: `secrets ${[finished.kept, ...finished.deleted].map((s) => s.id).join(", ")}`,
    after: `kept ${finished.kept.id}, deleted ${finished.deleted.map((s) => s.id).join(", ")} of app client ${input.clientName} on target ${finished.targetName} (confirmed in use)`,
  });
  return { kept: finished.kept.id, deleted: finished.deleted.map((s) => s.id) };
});
