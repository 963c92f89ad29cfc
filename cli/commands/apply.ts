/**
 * `cognito-studio apply FILE (--user-pool-id ID | --create)`: plans the document against the live pool
 * (or against nothing), shows the plan, and applies it once confirmed (`--yes`, or "yes" typed on a
 * terminal). The Region is the spec's, else --region. New client secrets are printed once and never written anywhere.
 */
import { ApplyRefusedError, applyPlan, type ApplyResult } from "../../lib/cognito/apply";
import { createSecretResolver } from "../../lib/cognito/aws/secret-resolver";
import { describeDestruction, planChanges, renderPlanText, type Plan } from "../../lib/cognito/plan";
import { oneOf, parseCommandArgs } from "../args";
import { renderPreflightText } from "../../lib/cognito/preflight/render-text";
import { checkPoolId, connect, connectPreflight, describeAwsError, readAppliedFile, readLiveForPlan, regionOf } from "../cognito-target";
import { type CliIo, type Command, EXIT_INVALID, EXIT_OK, UsageError } from "../io";
import { type ConfirmingIo, confirm } from "../confirm";
import { applyValuesFile, readValidDocument, VALUES_OPTION_HELP } from "../read-document";
import { StudioLockRefused, withStudioLock } from "../studio-lock";

const USAGE = `Usage: cognito-studio apply FILE (--user-pool-id ID | --create) [options]

Plans FILE (a pool document; - reads standard input) against the live pool, prints the plan and applies it:
pool, MFA configuration, resource servers, app clients, domain (deletions first, in reverse). Settings the
document leaves unset are not managed and keep their live values. The Region is the document's spec.region;
a document without one takes --region, the pool id's Region, or AWS_REGION.

Options:
      --user-pool-id ID   the live pool to change
      --create            create a new pool from FILE
      --region REGION     the Region, for a document without spec.region (else AWS_REGION)
      --endpoint URL      a Cognito-compatible endpoint (moto, LocalStack); AWS_ENDPOINT_URL works too
      --role-arn ARN      an IAM role to assume for the Cognito calls (STS AssumeRole from the default chain)
      --applied FILE      the document last applied to this pool: a change of an identity provider's
                          secretRef alone is then planned (and the new secret sent)
${VALUES_OPTION_HELP}
      --skip-preflight    do not check the other AWS services the pool depends on first (see preflight)
      --allow-replace     allow replacing or deleting the pool (deletes every user) and replacing clients
                          (new client ids and secrets)
      --yes               apply without asking; without it the plan is shown and, on a terminal, you are
                          asked to type "yes" (elsewhere apply refuses)
  -f, --format text|json  json prints {"userPoolId": ..., "steps": [...]} (and "newClientSecrets" once, if any)

With DATABASE_URL set to the studio's database, applying to a pool a studio target links takes the
studio's apply lock for that target and pool (as the studio does): refused while the studio applies to it.

Before the first Cognito call, preflight checks the custom domain's certificate, the SES identity, the SMS
role, the Lambda triggers and the KMS key (cognito-studio preflight --help); a failed check refuses.
Apply refuses a plan with errors, a pool that changed since it was read, and deleting or replacing a pool
with deletion protection on (turn it off in the document and apply that first).
Exit status: 0 applied (or nothing to do), 1 refused, invalid input or a failed step, 2 usage error.
`;

function printResult(io: CliIo, result: ApplyResult, format: "text" | "json") {
  if (format === "json") {
    io.stdout(`${JSON.stringify({ userPoolId: result.userPoolId ?? null, steps: result.steps, ...(result.newClientSecrets ? { newClientSecrets: result.newClientSecrets } : {}) }, null, 2)}\n`);
    return;
  }
  for (const step of result.steps) {
    io.stdout(`${step.outcome.padEnd(7)} ${step.action.padEnd(7)} ${step.resource}${step.error ? `: ${step.error.code}: ${step.error.message}` : ""}\n`);
  }
  if (result.userPoolId) io.stdout(`userPoolId: ${result.userPoolId}\n`);
  for (const [name, secret] of Object.entries(result.newClientSecrets ?? {})) {
    io.stdout(`client secret of ${name} (shown once, store it now): ${secret}\n`);
  }
  const failed = result.steps.filter((s) => s.outcome === "failed").length;
  io.stdout(failed ? `Apply failed: ${failed} step(s) failed; plan again to see what is left, then apply again.\n` : `Apply complete.\n`);
}

async function run(args: string[], io: ConfirmingIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, {
    "user-pool-id": { type: "string" },
    create: { type: "boolean" },
    region: { type: "string" },
    endpoint: { type: "string" },
    "role-arn": { type: "string" },
    "allow-replace": { type: "boolean" },
    "skip-preflight": { type: "boolean" },
    applied: { type: "string" },
    yes: { type: "boolean" },
    format: { type: "string", short: "f" },
    values: { type: "string" },
  });
  const format = oneOf("format", values.format, ["text", "json"] as const, "text");
  if (positionals.length !== 1) throw new UsageError("give exactly one FILE");
  const userPoolId = checkPoolId(values["user-pool-id"]);
  if ((userPoolId === undefined) === (values.create !== true)) throw new UsageError("give either --user-pool-id ID or --create");
  const allowReplace = values["allow-replace"] === true;

  const file = positionals[0] ?? "";
  const read = await readValidDocument(io, "apply", file);
  if (typeof read === "number") return read;
  const document = await applyValuesFile(io, "apply", read, values.values);
  if (typeof document === "number") return document;

  if (values.applied !== undefined && !userPoolId) throw new UsageError("--applied is only used with --user-pool-id");
  const applied = await readAppliedFile(io, values.applied);
  const region = regionOf(io, document, values.region, userPoolId);
  const port = await connect(io, region, values.endpoint, values["role-arn"]);
  // Plan progress and the plan go to stderr with --format json, so stdout stays one JSON document.
  const show = format === "json" ? io.stderr : io.stdout;
  let plan: Plan;
  let userPoolArn: string | undefined;
  try {
    if (userPoolId) {
      const { live, options } = await readLiveForPlan(port, userPoolId, document, applied);
      userPoolArn = live.live.arn || undefined;
      plan = planChanges(live.document, document, { allowReplace, region, live: options });
    } else {
      plan = planChanges(null, document, { allowReplace, region });
    }
  } catch (error) {
    io.stderr(`cognito-studio apply: cannot read pool ${userPoolId}: ${describeAwsError(error)}\n`);
    return EXIT_INVALID;
  }
  show(renderPlanText(plan));
  if (plan.errors.length > 0) {
    io.stderr(`cognito-studio apply: the plan has errors; nothing was applied\n`);
    return EXIT_INVALID;
  }
  if (!plan.hasChanges) {
    if (format === "json") io.stdout(`${JSON.stringify({ userPoolId: userPoolId ?? null, steps: [] }, null, 2)}\n`);
    return EXIT_OK;
  }
  if (values.yes !== true) {
    const destruction = describeDestruction(plan);
    const warning = destruction === "" ? "" : ` This plan ${destruction}.`;
    const answer = await confirm(io, `Apply these changes to ${userPoolId ?? "a new pool"} (${region})?${warning} Only "yes" is accepted: `);
    if (answer === undefined) {
      io.stderr(`cognito-studio apply: not a terminal; review the plan and run again with --yes to apply\n`);
      return EXIT_INVALID;
    }
    if (!answer) {
      io.stderr(`cognito-studio apply: cancelled; nothing was applied\n`);
      return EXIT_INVALID;
    }
  }
  try {
    // Secrets are read from the CLI's own environment (io.env: the process's, or a test's).
    const endpoint = values.endpoint ?? io.env.AWS_ENDPOINT_URL;
    const roleArn = values["role-arn"];
    const resolveSecret = createSecretResolver({ region, ...(endpoint ? { endpoint } : {}), ...(roleArn ? { roleArn } : {}) }, io.env);
    const preflight = values["skip-preflight"] ? undefined : { port: await connectPreflight(region, endpoint, roleArn), ...(userPoolArn ? { userPoolArn } : {}) };
    const run = () => applyPlan(plan, port, { desired: document, allowReplace, resolveSecret, ...(userPoolId ? { userPoolId } : {}), ...(preflight ? { preflight } : {}) });
    // A pool a studio target links is applied under the studio's lock (DATABASE_URL), as the studio applies it.
    const cognitoEndpoint = values.endpoint ?? io.env.AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER ?? io.env.AWS_ENDPOINT_URL;
    const result = userPoolId ? await withStudioLock(io, { region, endpoint: cognitoEndpoint, userPoolId }, run) : await run();
    if (result.preflight && result.preflight.results.length > 0) show(renderPreflightText(result.preflight));
    printResult(io, result, format);
    return result.ok ? EXIT_OK : EXIT_INVALID;
  } catch (error) {
    if (error instanceof StudioLockRefused) {
      io.stderr(`cognito-studio apply: refused: ${error.message.replace(/\.$/u, "")}; nothing was applied\n`);
      return EXIT_INVALID;
    }
    if (error instanceof ApplyRefusedError) {
      if (error.preflight) io.stderr(renderPreflightText(error.preflight));
      io.stderr(`cognito-studio apply: refused (${error.code}): ${error.message}\n`);
      return EXIT_INVALID;
    }
    io.stderr(`cognito-studio apply: ${describeAwsError(error)}\n`);
    return EXIT_INVALID;
  }
}

export const applyCommand: Command = {
  name: "apply",
  usage: USAGE,
  run,
};
