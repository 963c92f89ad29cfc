/**
 * `cognito-studio review-plan PLAN.json`: reviews a saved Terraform plan (`terraform show -json PLANFILE`) for
 * what it does to Cognito: user pools replaced or destroyed with the users they delete, app clients whose id
 * and secret change, the domain going down, security-relevant changes, findings on the result. For CI: exit 0
 * when nothing risky, 2 when risky, 1 on any error (usage errors included, so 2 always means "risky").
 */
import { type RiskKind, DEFAULT_FAIL_ON, RISK_KINDS, blockingRisks, reviewTerraformPlan } from "../../lib/cognito/terraform-plan/review-plan";
import { renderReviewJson, renderReviewMarkdown, renderReviewText } from "../../lib/cognito/terraform-plan/render-review";
import { type CompiledPolicy, type PolicyTarget, evaluatePolicies } from "../../lib/cognito/policies";
import { readPolicyFile } from "../../lib/cognito/policies/read-policy-file";
import { regionSchema } from "../../lib/cognito/spec/primitives";
import type { PoolDocument } from "../../lib/cognito/spec/document-schema";
import { parseCommandArgs, oneOf } from "../args";
import { connect, describeAwsError } from "../cognito-target";
import { type CliIo, type Command, UsageError, readInputText } from "../io";

const FORMATS = ["text", "json", "markdown"] as const;
const EXIT_CLEAN = 0;
const EXIT_ERROR = 1;
const EXIT_RISKY = 2;

const USAGE = `Usage: cognito-studio review-plan PLAN.json [options]

Reviews the JSON of a saved Terraform plan (terraform plan -out PLANFILE; terraform show -json PLANFILE >
PLAN.json; - reads standard input) for what it does to Cognito. Every aws_cognito_* resource change (in the
root module or in modules, count and for_each instances included) is read into the studio's pool model, and
the studio's plan engine reports replacements with the rule that forces them, the blast radius (users deleted,
app clients whose id and secret change, the domain going down), security-relevant changes and findings on
the pool after apply. Sensitive values are never shown; values known only after apply are named.

Options:
  -f, --format text|json|markdown  output format (default text); markdown is for a pull-request comment
      --fail-on KINDS      comma-separated risks that fail the review (default ${DEFAULT_FAIL_ON.join(",")});
                           kinds: ${RISK_KINDS.join(", ")}; "none" never fails
      --endpoint URL       read EstimatedNumberOfUsers from this Cognito-compatible endpoint (moto, LocalStack)
      --region REGION      the Region when the plan does not say (provider region, pool id)
      --role-arn ARN       an IAM role to assume to read the user count
      --live               read the user count even without AWS settings in the environment (an instance
                           or task role: the SDK's default credential chain)
      --no-live            do not call AWS: the users a replacement deletes are "not read"
      --policy FILE        the workspace's guardrail policies (a PolicySet file, as the Policies page exports),
                           checked on each pool as it will be after apply: a blocking one is a "policy" risk
      --target NAME        the target the plan goes to (target.name in the policies, e.g. prod), as
                           \`validate --policy\` takes it; without it target.name is ""
      --target-region REGION  the target's Region (target.region); default each pool's own region

The live user count (DescribeUserPool) is read when AWS credentials are in the environment (AWS_ACCESS_KEY_ID,
AWS_PROFILE, a web identity or container role), with --endpoint, or with --live; otherwise the review says
"not read" and names the count the plan's state recorded at its refresh.

Exit status: 0 nothing risky, 2 risky (see --fail-on), 1 any error (unreadable file, not a plan, usage).
`;

function parseFailOn(value: string | undefined): RiskKind[] {
  if (value === undefined) return [...DEFAULT_FAIL_ON];
  if (value.trim() === "none") return [];
  const kinds = value.split(",").map((k) => k.trim()).filter(Boolean);
  const wrong = kinds.filter((k) => !(RISK_KINDS as readonly string[]).includes(k));
  if (wrong.length) throw new UsageError(`--fail-on: unknown risk ${wrong.map((w) => `"${w}"`).join(", ")}; use ${RISK_KINDS.join(", ")} or none`);
  return kinds as RiskKind[];
}

/** Whether the environment can reach AWS at all: credentials, a profile, or a custom endpoint. */
function hasAwsAccess(io: CliIo, endpoint: string | undefined): boolean {
  const env = io.env;
  return endpoint !== undefined || !!(env.AWS_ACCESS_KEY_ID || env.AWS_PROFILE || env.AWS_WEB_IDENTITY_TOKEN_FILE || env.AWS_CONTAINER_CREDENTIALS_FULL_URI || env.AWS_CONTAINER_CREDENTIALS_RELATIVE_URI);
}

/**
 * `--policy FILE` (a PolicySet file, as the Policies page exports and `validate --policy` reads); a file that
 * cannot be read or holds a policy that does not compile stops the review: a pipeline must not pass because
 * one of its rules was silently skipped.
 */
async function readPolicies(file: string | undefined, io: CliIo): Promise<CompiledPolicy[] | undefined> {
  if (file === undefined) return [];
  let text: string;
  try {
    text = await io.readFile(file);
  } catch (cause) {
    io.stderr(`cognito-studio review-plan: cannot read --policy ${file}: ${cause instanceof Error ? cause.message : String(cause)}\n`);
    return undefined;
  }
  const read = readPolicyFile(text);
  for (const problem of read.problems) io.stderr(`cognito-studio review-plan: ${file}: ${problem}\n`);
  return read.problems.length > 0 ? undefined : read.compiled;
}

/** `--target` and `--target-region`: the target the policies are checked for, as `validate --policy` reads them. */
function readTarget(values: { policy?: string; target?: string; "target-region"?: string }): PolicyTarget | undefined {
  const name = values.target;
  const region = values["target-region"];
  if (name === undefined && region === undefined) return undefined;
  if (values.policy === undefined) throw new UsageError("--target and --target-region say which target the policies are checked for; give --policy FILE too");
  if (region !== undefined && !regionSchema.safeParse(region).success) throw new UsageError(`--target-region must be an AWS Region code like us-east-1 or eu-west-2; got "${region}"`);
  return { name: name ?? "", region: region ?? "" };
}

async function review(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, {
    format: { type: "string", short: "f" },
    "fail-on": { type: "string" },
    endpoint: { type: "string" },
    region: { type: "string" },
    "role-arn": { type: "string" },
    live: { type: "boolean" },
    "no-live": { type: "boolean" },
    policy: { type: "string" },
    target: { type: "string" },
    "target-region": { type: "string" },
  });
  const format = oneOf("format", values.format, FORMATS, "text");
  const target = readTarget(values);
  const failOn = parseFailOn(values["fail-on"]);
  if (positionals.length !== 1) throw new UsageError("give one file: the output of `terraform show -json PLANFILE` (or - for standard input)");
  const file = positionals[0] ?? "";
  const policies = await readPolicies(values.policy, io);
  if (policies === undefined) return EXIT_ERROR;
  const text = await readInputText(io, "review-plan", file, { stdin: true });
  if (text === undefined) return EXIT_ERROR;
  const endpoint = values.endpoint;
  if (values.live === true && values["no-live"] === true) throw new UsageError("give either --live or --no-live");
  const live = values["no-live"] !== true && (values.live === true || hasAwsAccess(io, endpoint));
  const result = await reviewTerraformPlan(text, {
    ...(values.region ? { region: values.region } : {}),
    ...(policies.length > 0
      ? { evaluatePolicies: (after: PoolDocument) => evaluatePolicies(policies, after, target).map((v) => ({ policyId: v.policyId, path: v.path, message: v.message, blocking: v.blocking })) }
      : {}),
    ...(live
      ? {
          readUserCount: async (userPoolId: string, region: string) => {
            try {
              const port = await connect(io, region, endpoint, values["role-arn"]);
              const pool = await port.describeUserPool(userPoolId);
              return pool.EstimatedNumberOfUsers ?? 0;
            } catch (cause) {
              throw new Error(`DescribeUserPool ${userPoolId} failed: ${describeAwsError(cause)}`);
            }
          },
        }
      : {}),
  });
  const render = format === "json" ? renderReviewJson : format === "markdown" ? renderReviewMarkdown : renderReviewText;
  io.stdout(render(result, failOn));
  if (result.diagnostics.some((d) => d.severity === "error")) return EXIT_ERROR;
  return blockingRisks(result, failOn).length ? EXIT_RISKY : EXIT_CLEAN;
}

async function run(args: string[], io: CliIo): Promise<number> {
  try {
    return await review(args, io);
  } catch (error) {
    // 2 means "risky" to a pipeline: a usage error must not look like one.
    if (error instanceof UsageError) {
      io.stderr(`cognito-studio review-plan: ${error.message}\n\n${USAGE}`);
      return EXIT_ERROR;
    }
    throw error;
  }
}

export const reviewPlanCommand: Command = { name: "review-plan", usage: USAGE, run };
