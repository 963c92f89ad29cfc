/**
 * `cognito-studio plan CURRENT DESIRED`: what would change to take a pool from CURRENT to DESIRED, printed like
 * `terraform plan` (or as JSON). `plan DESIRED --create` plans a new pool. Planning against a live pool
 * (`plan FILE --user-pool-id ID`) comes with the AWS reader: it only has to supply `current` and `live` below.
 */
import { readPoolDocument } from "../../lib/cognito/formats/read-pool-document";
import { planChanges, renderPlanJson, renderPlanText, type Plan, type PlanOptions } from "../../lib/cognito/plan";
import { type Diagnostic, hasErrors } from "../../lib/cognito/spec/diagnostics";
import type { PoolDocument } from "../../lib/cognito/spec/document-schema";
import { oneOf, parseCommandArgs } from "../args";
import { applyValuesFile, VALUES_OPTION_HELP } from "../read-document";
import { checkPoolId, connect, describeAwsError, readAppliedFile, readLiveForPlan, regionOf } from "../cognito-target";
import { type CliIo, type Command, EXIT_INVALID, EXIT_OK, EXIT_USAGE, UsageError } from "../io";

const FORMATS = ["text", "json"] as const;
const STDIN = "-";
/** `--detailed-exitcode`: as `terraform plan -detailed-exitcode`. */
const EXIT_CHANGES = 2;

const USAGE = `Usage: cognito-studio plan CURRENT DESIRED [options]
       cognito-studio plan DESIRED --create [options]
       cognito-studio plan DESIRED --user-pool-id ID [--endpoint URL] [--role-arn ARN] [options]

Compares two pool documents (native or OpenMCF, YAML or JSON; - reads standard input) and prints what would
change to take the pool from CURRENT to DESIRED: each resource (pool, MFA configuration, resource servers,
app clients, domain) with + create, ~ update in-place, -/+ replace or - destroy, the attributes that change,
what forces a replacement, the worst impact (a replaced pool deletes every user) and security-relevant changes.
Settings DESIRED leaves unset are not managed and never reported as changes.

Options:
  -f, --format text|json  output format (default text); json is the documented plan format (formatVersion 2)
      --create            there is no current pool: plan creating everything in DESIRED
      --user-pool-id ID   plan against the live pool ID (read with the AWS SDK's default credentials, in
                          DESIRED's spec.region, else --region, the pool id's Region or AWS_REGION); the
                          plan records the pool's fingerprint for apply
      --region REGION     with --user-pool-id: the Region, for a DESIRED without spec.region
      --endpoint URL      with --user-pool-id: a Cognito-compatible endpoint (moto, LocalStack)
      --role-arn ARN      with --user-pool-id: an IAM role to assume for the Cognito calls
      --applied FILE      with --user-pool-id: the document last applied to the pool, so that a change of an
                          identity provider's secretRef alone shows as an update
${VALUES_OPTION_HELP} (DESIRED's)
      --allow-replace     plan a pool replacement (which deletes every user) for changes AWS cannot make in
                          place, such as removing a custom attribute; without it they are errors
      --detailed-exitcode exit 0 when there are no changes, 2 when there are, 1 on any error

Exit status: 0 success, 1 invalid input or a plan with errors, 2 usage error or unreadable file
(with --detailed-exitcode: 0 no changes, 2 changes, 1 any error, usage errors included).
`;

function describe(d: Diagnostic): string {
  return `${d.severity}${d.path ? ` ${d.path}` : ""} (${d.code}): ${d.message}`;
}

class InputError extends Error {
  constructor(
    message: string,
    readonly code: number,
  ) {
    super(message);
  }
}

/** Reads and validates one document. A document with schema errors is unusable; cross-field rules are checked by `strict`. */
async function readDocument(file: string, io: CliIo, strict: boolean): Promise<PoolDocument> {
  let text: string;
  try {
    text = file === STDIN ? await io.readStdin() : await io.readFile(file);
  } catch (cause) {
    throw new InputError(`cannot read ${file}: ${cause instanceof Error ? cause.message : String(cause)}`, EXIT_USAGE);
  }
  const label = file === STDIN ? "<stdin>" : file;
  const { document, diagnostics } = readPoolDocument(text, file === STDIN ? undefined : file);
  const blocking = !document || (strict && hasErrors(diagnostics));
  // Warnings (and, for CURRENT, cross-field findings on what exists already) are shown but do not block.
  for (const d of diagnostics) io.stderr(`${label}: ${blocking || d.severity === "warning" ? describe(d) : `note: ${describe(d)}`}\n`);
  if (!document || blocking) throw new InputError(`${label} is not a valid pool document`, EXIT_INVALID);
  return document;
}

async function run(args: string[], io: CliIo): Promise<number> {
  const detailed = args.includes("--detailed-exitcode");
  try {
    return await plan(args, io, detailed);
  } catch (error) {
    // Under --detailed-exitcode, 2 means "changes": every failure must be 1 so a pipeline cannot mistake it.
    if (detailed && error instanceof UsageError) {
      io.stderr(`cognito-studio plan: ${error.message}\n\n${USAGE}`);
      return EXIT_INVALID;
    }
    throw error;
  }
}

async function plan(args: string[], io: CliIo, detailed: boolean): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, {
    format: { type: "string", short: "f" },
    create: { type: "boolean" },
    "allow-replace": { type: "boolean" },
    "detailed-exitcode": { type: "boolean" },
    "user-pool-id": { type: "string" },
    region: { type: "string" },
    endpoint: { type: "string" },
    "role-arn": { type: "string" },
    applied: { type: "string" },
    values: { type: "string" },
  });
  const format = oneOf("format", values.format, FORMATS, "text");
  const creating = values.create === true;
  const userPoolId = checkPoolId(values["user-pool-id"]);
  if (userPoolId !== undefined) return planAgainstLive(io, values, positionals, userPoolId, format, detailed);
  if (values.endpoint !== undefined) throw new UsageError("--endpoint is only used with --user-pool-id");
  if (values.region !== undefined) throw new UsageError("--region is only used with --user-pool-id");
  if (values.applied !== undefined) throw new UsageError("--applied is only used with --user-pool-id");
  if (creating && positionals.length !== 1) throw new UsageError("with --create, give only the DESIRED file");
  if (!creating && positionals.length !== 2) throw new UsageError("give the CURRENT and the DESIRED file (or DESIRED with --create)");
  if (positionals.filter((p) => p === STDIN).length > 1) throw new UsageError("standard input (-) can be read only once");

  let current: PoolDocument | null;
  let desired: PoolDocument;
  try {
    current = creating ? null : await readDocument(positionals[0] ?? "", io, false);
    desired = await readDocument(positionals[creating ? 0 : 1] ?? "", io, true);
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    io.stderr(`cognito-studio plan: ${error.message}\n`);
    return detailed ? EXIT_INVALID : error.code;
  }

  const forTarget = await applyValuesFile(io, "plan", desired, values.values);
  if (typeof forTarget === "number") return detailed ? EXIT_INVALID : forTarget;
  const options: PlanOptions = { allowReplace: values["allow-replace"] === true };
  return printPlan(io, planChanges(current, forTarget, options), format, detailed);
}

/** `plan DESIRED --user-pool-id ID`: the current side is the live pool read from AWS. */
async function planAgainstLive(
  io: CliIo,
  values: { create?: boolean; region?: string; endpoint?: string; "role-arn"?: string; "allow-replace"?: boolean; applied?: string; values?: string },
  positionals: string[],
  userPoolId: string,
  format: (typeof FORMATS)[number],
  detailed: boolean,
): Promise<number> {
  if (values.create === true) throw new UsageError("give either --user-pool-id or --create");
  if (positionals.length !== 1) throw new UsageError("with --user-pool-id, give only the DESIRED file");
  let design: PoolDocument;
  try {
    design = await readDocument(positionals[0] ?? "", io, true);
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    io.stderr(`cognito-studio plan: ${error.message}\n`);
    return detailed ? EXIT_INVALID : error.code;
  }
  const desired = await applyValuesFile(io, "plan", design, values.values);
  if (typeof desired === "number") return detailed ? EXIT_INVALID : desired;
  const applied = await readAppliedFile(io, values.applied);
  const region = regionOf(io, desired, values.region, userPoolId);
  const port = await connect(io, region, values.endpoint, values["role-arn"]);
  let result: Plan;
  try {
    const { live, options } = await readLiveForPlan(port, userPoolId, desired, applied);
    result = planChanges(live.document, desired, { allowReplace: values["allow-replace"] === true, region, live: options });
  } catch (error) {
    io.stderr(`cognito-studio plan: cannot read pool ${userPoolId}: ${describeAwsError(error)}\n`);
    return EXIT_INVALID;
  }
  return printPlan(io, result, format, detailed);
}

function printPlan(io: CliIo, result: Plan, format: (typeof FORMATS)[number], detailed: boolean): number {
  io.stdout(format === "json" ? renderPlanJson(result) : renderPlanText(result));
  if (result.errors.length > 0) {
    io.stderr(`cognito-studio plan: the plan has ${result.errors.length === 1 ? "an error" : `${result.errors.length} errors`}; it cannot be applied\n`);
    return EXIT_INVALID;
  }
  if (detailed) return result.hasChanges ? EXIT_CHANGES : EXIT_OK;
  return EXIT_OK;
}

export const planCommand: Command = {
  name: "plan",
  usage: USAGE,
  run,
};
