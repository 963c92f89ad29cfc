/**
 * Log delivery destinations exist before SetLogDeliveryConfiguration names them
 * (https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_LogConfigurationType.html):
 * a CloudWatch Logs log group (DescribeLogGroups by name), an S3 bucket (HeadBucket), a Firehose stream
 * (DescribeDeliveryStream). Not checked: the log group's resource policy and KMS encryption, the bucket policy,
 * and the stream's permissions, which AWS checks when the logs are delivered.
 */
import { joinPath } from "../../spec/diagnostics";
import type { PoolSpec } from "../../spec/pool-schema";
import { parseArn } from "../arn";
import { type PreflightContext, resultOf, unknownResult } from "../result";
import type { PreflightPort, PreflightResult } from "../types";

const KINDS = [
  { member: "cloudWatchLogsConfiguration", arnKey: "logGroupArn", what: "CloudWatch Logs log group", read: "logGroupExists" },
  { member: "s3Configuration", arnKey: "bucketArn", what: "S3 bucket", read: "bucketExists" },
  { member: "firehoseConfiguration", arnKey: "streamArn", what: "Firehose stream", read: "deliveryStreamExists" },
] as const;

/** The name in a destination ARN: `log-group:NAME[:*]`, `:::BUCKET`, `deliverystream/NAME`. */
export function destinationName(arn: string): string {
  const resource = parseArn(arn)?.resource ?? arn;
  return resource.replace(/^log-group:/u, "").replace(/:\*$/u, "").replace(/^deliverystream\//u, "");
}

export async function checkLogDestinations(spec: PoolSpec, port: PreflightPort, _context: PreflightContext): Promise<PreflightResult[]> {
  const entries = spec.logDeliveryConfiguration?.logConfigurations ?? [];
  const results: PreflightResult[] = [];
  for (const [index, entry] of entries.entries()) {
    for (const kind of KINDS) {
      const arn = (entry[kind.member] as Record<string, string | undefined> | undefined)?.[kind.arnKey];
      if (arn === undefined) continue;
      const path = joinPath("spec", "logDeliveryConfiguration", "logConfigurations", index, kind.member, kind.arnKey);
      const name = destinationName(arn);
      const read = port[kind.read];
      if (read === undefined) {
        results.push(resultOf("log-destination-not-checked", path, `The ${kind.what} ${name} was not checked: this connection cannot read ${kind.what}s.`));
        continue;
      }
      try {
        const exists = await read.call(port, arn);
        results.push(exists ? resultOf("log-destination-ok", path, `The ${kind.what} ${name} exists.`) : resultOf("log-destination-not-found", path, `There is no ${kind.what} ${name}.`));
      } catch (error) {
        results.push(unknownResult("log-destination", path, `the ${kind.what} ${name}`, error));
      }
    }
  }
  return results;
}
