/**
 * `cognito-studio pull --user-pool-id ID`: prints a live pool as a spec document. Values equal to AWS
 * defaults are left out (lib/cognito/aws/normalise.ts), client secrets never appear.
 */
import { providerSecretNote, readLivePool } from "../../lib/cognito/aws/read-live-pool";
import { serialisePoolDocument } from "../../lib/cognito/spec/document";
import { oneOf, parseCommandArgs } from "../args";
import { checkPoolId, connect, describeAwsError, regionOfPoolId } from "../cognito-target";
import { type CliIo, type Command, EXIT_INVALID, EXIT_OK, UsageError } from "../io";

const USAGE = `Usage: cognito-studio pull --user-pool-id ID [options]

Reads a live user pool (with its app clients, resource servers, domain and MFA settings) and prints it as
a pool document. Settings equal to AWS defaults are left out; client secrets are never printed. Live
facts (ARN, issuer URL, client ids, the domain's CloudFront target) go to standard error as comments.

Options:
      --user-pool-id ID     the pool to read, e.g. eu-west-1_AbC123
      --region R            its AWS Region (default: the prefix of the pool id)
      --endpoint URL        a Cognito-compatible endpoint (moto, LocalStack); AWS_ENDPOINT_URL works too
      --role-arn ARN        an IAM role to assume for the Cognito calls (STS AssumeRole from the default chain)
  -f, --format yaml|json    output format (default yaml)

Credentials come from the AWS SDK's default chain (environment, profiles, SSO, instance roles).
Exit status: 0 success, 1 the pool could not be read, 2 usage error.
`;

async function run(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, {
    "user-pool-id": { type: "string" },
    region: { type: "string" },
    endpoint: { type: "string" },
    "role-arn": { type: "string" },
    format: { type: "string", short: "f" },
  });
  if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0]}"`);
  const userPoolId = checkPoolId(values["user-pool-id"]);
  if (!userPoolId) throw new UsageError("--user-pool-id is required");
  const format = oneOf("format", values.format, ["yaml", "json"] as const, "yaml");
  const region = values.region ?? regionOfPoolId(userPoolId);
  if (!region) throw new UsageError("--region is required when the pool id does not start with a Region");

  const port = await connect(io, region, values.endpoint, values["role-arn"]);
  try {
    const { document, live } = await readLivePool(port, userPoolId, { branding: true });
    io.stdout(serialisePoolDocument(document, format));
    io.stderr(
      [
        `# userPoolId: ${live.userPoolId}`,
        `# arn: ${live.arn}`,
        `# issuerUrl: ${live.issuerUrl}`,
        ...Object.entries(live.clientIds).map(([name, id]) => `# client ${name}: ${id}`),
        ...(live.domainCloudFrontTarget ? [`# domain CloudFront target: ${live.domainCloudFrontTarget}`] : []),
        // The secret itself is never printed: the document needs a reference to where it is kept.
        ...live.providersWithSecret.map((name) => `# ${providerSecretNote(name)}`),
        ...live.unreadable.map((u) => `# ${u.note}`),
        `# estimatedNumberOfUsers: ${live.estimatedNumberOfUsers}`,
        `# ${port.totalCalls()} API calls`,
        "",
      ].join("\n"),
    );
    return EXIT_OK;
  } catch (error) {
    io.stderr(`cognito-studio pull: cannot read pool ${userPoolId}: ${describeAwsError(error)}\n`);
    return EXIT_INVALID;
  }
}

export const pullCommand: Command = {
  name: "pull",
  usage: USAGE,
  run,
};
