/**
 * `cognito-studio rotate-secret start|finish|status --user-pool-id ID --client NAME`: rotates a confidential
 * client's secret without downtime (lib/cognito/rotation). `start` adds a second secret and prints it once;
 * on a terminal it then waits for "yes" (the application uses the new secret) and deletes the old one.
 * Elsewhere, `finish --keep SECRET_ID --confirmed` does the second step. No secret is written to a file, and
 * none can be printed twice: Cognito never returns a value again, and `start` refuses while two exist.
 */
import type { CognitoConnectionOptions } from "../../lib/cognito/aws/sdk-port";
import {
  type ClientSecretPort,
  createSdkClientSecretPort,
  describeClientSecrets,
  finishSecretRotation,
  RotationRefusedError,
  type RotationTarget,
  startSecretRotation,
} from "../../lib/cognito/rotation";
import { readLiveIds } from "../../lib/cognito/connect/live-ids";
import { oneOf, parseCommandArgs } from "../args";
import { checkPoolId, connect, describeAwsError, regionOfPoolId } from "../cognito-target";
import { type CliIo, type Command, EXIT_INVALID, EXIT_OK, UsageError } from "../io";
import { type ConfirmingIo, confirm } from "../confirm";

const USAGE = `Usage: cognito-studio rotate-secret start|finish|status --user-pool-id ID --client NAME [options]

Rotates the secret of a confidential app client without downtime (a client may have two secrets at once):
  start    add a second secret and print it once; both secrets work. On a terminal, you are then asked to
           confirm that your application uses the new secret, and the old one is deleted.
  finish   delete every secret but the one to keep (--keep SECRET_ID --confirmed)
  status   list the client's secrets (ids and dates; values are never shown)

Options:
      --user-pool-id ID   the pool (its Region is the id's prefix, or --region)
      --client NAME       the app client, by name
      --keep SECRET_ID    finish: the secret your application now uses
      --confirmed         finish: you confirm the application uses it (required)
      --region R          the pool's Region, when the id does not start with it
      --endpoint URL      a Cognito-compatible endpoint
      --role-arn ARN      an IAM role to assume (STS AssumeRole from the default chain)
  -f, --format text|json

The new secret is printed once and stored nowhere; put it in your secret store right away.
Exit status: 0 done, 1 refused or an AWS error, 2 usage error.
`;

export type ClientSecretPortFactory = (connection: CognitoConnectionOptions) => ClientSecretPort;
let factory: ClientSecretPortFactory = (connection) => createSdkClientSecretPort(connection);

/** For tests: moto lacks the secret operations, so tests point them at an SDK stub (undefined restores the SDK). */
export function setClientSecretPortFactory(fn: ClientSecretPortFactory | undefined): void {
  factory = fn ?? ((connection) => createSdkClientSecretPort(connection));
}

async function clientIdOf(io: CliIo, region: string, endpoint: string | undefined, roleArn: string | undefined, userPoolId: string, name: string): Promise<string | undefined> {
  return (await readLiveIds(await connect(io, region, endpoint, roleArn), userPoolId)).clientIds[name];
}

async function run(args: string[], io: ConfirmingIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, {
    "user-pool-id": { type: "string" },
    client: { type: "string" },
    keep: { type: "string" },
    confirmed: { type: "boolean" },
    region: { type: "string" },
    endpoint: { type: "string" },
    "role-arn": { type: "string" },
    format: { type: "string", short: "f" },
  });
  const step = oneOf("step", positionals[0], ["start", "finish", "status"] as const, "status");
  if (positionals.length !== 1) throw new UsageError("give one step: start, finish or status");
  const format = oneOf("format", values.format, ["text", "json"] as const, "text");
  const userPoolId = checkPoolId(values["user-pool-id"]);
  if (!userPoolId) throw new UsageError("--user-pool-id is required");
  if (!values.client) throw new UsageError("--client NAME is required");
  if (step === "finish" && !values.keep) throw new UsageError("finish needs --keep SECRET_ID (the secret your application uses now)");
  const region = values.region ?? regionOfPoolId(userPoolId);
  if (!region) throw new UsageError("--region is required when the pool id does not start with a Region");
  const endpoint = values.endpoint;
  const roleArn = values["role-arn"];

  try {
    const clientId = await clientIdOf(io, region, endpoint, roleArn, userPoolId, values.client);
    if (!clientId) {
      io.stderr(`cognito-studio rotate-secret: pool ${userPoolId} has no app client named ${values.client}\n`);
      return EXIT_INVALID;
    }
    const target: RotationTarget = { userPoolId, clientId, clientName: values.client };
    const port = factory({ region, ...(endpoint ? { endpoint } : {}), ...(roleArn ? { roleArn } : {}) });
    const print = (data: unknown, text: string) => io.stdout(format === "json" ? `${JSON.stringify(data, null, 2)}\n` : text);

    if (step === "status") {
      const secrets = await describeClientSecrets(port, target);
      print({ secrets }, `${secrets.map((s) => `${s.id}  created ${s.createdAt?.toISOString() ?? "?"}`).join("\n")}\n${secrets.length === 2 ? "Two secrets: a rotation is under way; finish it with --keep the one your application uses.\n" : ""}`);
      return EXIT_OK;
    }
    if (step === "finish") {
      const finished = await finishSecretRotation(port, target, values.keep ?? "", values.confirmed === true);
      print(finished, `Kept ${finished.kept.id}; deleted ${finished.deleted.map((s) => s.id).join(", ")}.\n`);
      return EXIT_OK;
    }
    const started = await startSecretRotation(port, target);
    // The one time the value is printed. It goes to stdout only, never to a file or stderr.
    print(
      { newSecret: started.newSecret, previous: started.previous },
      `New secret of ${values.client} (id ${started.newSecret.id}), shown once; store it now:\n${started.newSecret.value}\n` +
        `Both secrets work. Deploy the new one, then delete the old one (${started.previous.map((s) => s.id).join(", ")}).\n`,
    );
    const answer = format === "json" ? undefined : await confirm(io, `Does your application use the new secret now? Type "yes" to delete the old one: `);
    if (answer !== true) {
      io.stderr(`When your application uses the new secret: cognito-studio rotate-secret finish --user-pool-id ${userPoolId} --client ${values.client} --keep ${started.newSecret.id} --confirmed\n`);
      return EXIT_OK;
    }
    const finished = await finishSecretRotation(port, target, started.newSecret.id, true);
    io.stdout(`Deleted ${finished.deleted.map((s) => s.id).join(", ")}; ${values.client} now has only the new secret.\n`);
    return EXIT_OK;
  } catch (error) {
    if (error instanceof RotationRefusedError) {
      io.stderr(`cognito-studio rotate-secret: refused (${error.code}): ${error.message}\n`);
      return EXIT_INVALID;
    }
    io.stderr(`cognito-studio rotate-secret: ${describeAwsError(error)}\n`);
    return EXIT_INVALID;
  }
}

export const rotateSecretCommand: Command = {
  name: "rotate-secret",
  usage: USAGE,
  run,
};
