/**
 * `cognito-studio preflight FILE [--user-pool-id ID]`: checks the other AWS services a pool document
 * depends on (lib/cognito/preflight), the same checks apply runs before its first Cognito call.
 */
import { renderCognitoPolicy } from "../../lib/cognito/preflight/cognito-permissions";
import { renderPreflightText } from "../../lib/cognito/preflight/render-text";
import { runPreflight } from "../../lib/cognito/preflight/run-preflight";
import { oneOf, parseCommandArgs } from "../args";
import { checkPoolId, connect, connectPreflight, describeAwsError, regionOf } from "../cognito-target";
import { type CliIo, type Command, EXIT_INVALID, EXIT_OK, UsageError } from "../io";
import { readValidDocument } from "../read-document";

const USAGE = `Usage: cognito-studio preflight FILE [options]

Checks, with each service's own API, what the pool in FILE depends on outside Cognito:
  - a custom domain's ACM certificate: in us-east-1, ISSUED, covering the domain (exact or wildcard)
  - DEVELOPER email: the SES identity of sourceArn exists and is verified, its Region, the From address
  - SMS: the IAM role of snsCallerArn exists and trusts cognito-idp.amazonaws.com with the external id
  - Lambda triggers: each function exists and lets cognito-idp.amazonaws.com invoke it (for this pool)
  - custom sender triggers: the KMS key exists, is enabled and symmetric
Each result has a code, what was found, and a fix. apply runs the same checks and stops on a failure.
With --policy it prints instead the IAM policy of the Cognito calls the design needs (plan, apply, drift check),
one statement per setting (its Sid names it: TermsDocuments, ManagedLoginBranding, UiCustomization,
ThreatProtection, LogDelivery only when the design manages them), and calls nothing.

Options:
      --user-pool-id ID   the live pool (its ARN is what Lambda permissions must name)
      --region REGION     the Region, for a FILE without spec.region (else the pool id's, or AWS_REGION)
      --endpoint URL      an AWS-compatible endpoint for every service (moto, LocalStack)
      --role-arn ARN      an IAM role to assume (STS AssumeRole from the default chain)
  -f, --format text|json  json prints the report: {"results": [...], "blocked": bool, "summary": {...}}
      --policy            print the IAM policy document the design needs (JSON) and exit

Exit status: 0 nothing blocks an apply (warnings allowed), 1 a check failed or FILE is invalid, 2 usage error.
`;

async function run(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, {
    "user-pool-id": { type: "string" },
    region: { type: "string" },
    endpoint: { type: "string" },
    "role-arn": { type: "string" },
    format: { type: "string", short: "f" },
    policy: { type: "boolean" },
  });
  const format = oneOf("format", values.format, ["text", "json"] as const, "text");
  if (positionals.length !== 1) throw new UsageError("give exactly one FILE");
  const userPoolId = checkPoolId(values["user-pool-id"]);
  const file = positionals[0] ?? "";
  const document = await readValidDocument(io, "preflight", file);
  if (typeof document === "number") return document;
  if (values.policy === true) {
    io.stdout(renderCognitoPolicy(document.spec));
    return EXIT_OK;
  }
  const region = regionOf(io, document, values.region, userPoolId);
  let userPoolArn: string | undefined;
  if (userPoolId) {
    try {
      userPoolArn = (await (await connect(io, region, values.endpoint, values["role-arn"])).describeUserPool(userPoolId)).Arn;
    } catch (error) {
      io.stderr(`cognito-studio preflight: cannot read pool ${userPoolId}: ${describeAwsError(error)}\n`);
      return EXIT_INVALID;
    }
  }
  const report = await runPreflight(document, await connectPreflight(region, values.endpoint, values["role-arn"]), { region, ...(userPoolArn ? { userPoolArn } : {}) });
  io.stdout(format === "json" ? `${JSON.stringify(report, null, 2)}\n` : renderPreflightText(report));
  return report.blocked ? EXIT_INVALID : EXIT_OK;
}

export const preflightCommand: Command = {
  name: "preflight",
  usage: USAGE,
  run,
};
