/**
 * Preflight of log delivery destinations against a real moto server (CloudWatch Logs DescribeLogGroups, S3
 * HeadBucket, Firehose DescribeDeliveryStream), set up with boto3 and checked through the SDK-backed port.
 */
import { afterAll, beforeAll, expect, test } from "vitest";
import { runBoto3 } from "../../../test/support/boto3";
import { startMoto, type MotoServer } from "../../../test/support/moto";
import type { PoolSpec } from "../spec/pool-schema";
import { checkLogDestinations } from "./checks/log-destinations";
import { createSdkPreflightPort } from "./sdk-preflight-port";
import type { PreflightPort } from "./types";

const REGION = "eu-west-1";
const ACCOUNT = "123456789012";
let moto: MotoServer;
let port: PreflightPort;

beforeAll(async () => {
  moto = await startMoto();
  port = createSdkPreflightPort({ region: REGION, endpoint: moto.endpoint, credentials: { accessKeyId: "testing", secretAccessKey: "testing" } });
  await runBoto3(
    moto.endpoint,
    REGION,
    `
client("logs").create_log_group(logGroupName="/aws/vendedlogs/cognito/shop")
client("s3").create_bucket(Bucket="shop-auth-logs", CreateBucketConfiguration={"LocationConstraint": "${REGION}"})
client("firehose").create_delivery_stream(DeliveryStreamName="shop-auth", DeliveryStreamType="DirectPut",
    ExtendedS3DestinationConfiguration={"RoleARN": "arn:aws:iam::${ACCOUNT}:role/firehose", "BucketARN": "arn:aws:s3:::shop-auth-logs"})
`,
  );
});
afterAll(async () => {
  await moto?.stop();
});

const logGroup = (name: string) => `arn:aws:logs:${REGION}:${ACCOUNT}:log-group:${name}`;
const stream = (name: string) => `arn:aws:firehose:${REGION}:${ACCOUNT}:deliverystream/${name}`;

function spec(logConfigurations: NonNullable<PoolSpec["logDeliveryConfiguration"]>["logConfigurations"]): PoolSpec {
  return { userPoolTier: "PLUS", logDeliveryConfiguration: { logConfigurations } };
}

test("each destination that exists passes; one that does not fails and blocks, naming it", async () => {
  const found = await checkLogDestinations(
    spec([
      { eventSource: "userNotification", logLevel: "ERROR", cloudWatchLogsConfiguration: { logGroupArn: logGroup("/aws/vendedlogs/cognito/shop") } },
      { eventSource: "userAuthEvents", logLevel: "INFO", firehoseConfiguration: { streamArn: stream("shop-auth") } },
    ]),
    port,
    { region: REGION },
  );
  expect(found.map((r) => [r.code, r.outcome])).toEqual([
    ["log-destination-ok", "pass"],
    ["log-destination-ok", "pass"],
  ]);
  const bucket = await checkLogDestinations(spec([{ eventSource: "userAuthEvents", logLevel: "INFO", s3Configuration: { bucketArn: "arn:aws:s3:::shop-auth-logs" } }]), port, { region: REGION });
  expect(bucket.map((r) => r.code)).toEqual(["log-destination-ok"]);

  const missing = await checkLogDestinations(
    spec([
      { eventSource: "userNotification", logLevel: "ERROR", cloudWatchLogsConfiguration: { logGroupArn: logGroup("/aws/vendedlogs/cognito/shop-typo") } },
      { eventSource: "userAuthEvents", logLevel: "INFO", s3Configuration: { bucketArn: "arn:aws:s3:::no-such-bucket" } },
    ]),
    port,
    { region: REGION },
  );
  expect(missing.map((r) => [r.code, r.blocking, r.path])).toEqual([
    ["log-destination-not-found", true, "spec.logDeliveryConfiguration.logConfigurations[0].cloudWatchLogsConfiguration.logGroupArn"],
    ["log-destination-not-found", true, "spec.logDeliveryConfiguration.logConfigurations[1].s3Configuration.bucketArn"],
  ]);
  expect(missing[0]?.message).toBe("There is no CloudWatch Logs log group /aws/vendedlogs/cognito/shop-typo.");
  const noStream = await checkLogDestinations(spec([{ eventSource: "userAuthEvents", logLevel: "INFO", firehoseConfiguration: { streamArn: stream("nope") } }]), port, { region: REGION });
  expect(noStream.map((r) => r.code)).toEqual(["log-destination-not-found"]);
});

test("a port that cannot read a kind of destination says it was not checked, and never blocks", async () => {
  const { logGroupExists: _omitted, ...rest } = port;
  const results = await checkLogDestinations(spec([{ eventSource: "userNotification", logLevel: "ERROR", cloudWatchLogsConfiguration: { logGroupArn: logGroup("x") } }]), rest as PreflightPort, { region: REGION });
  expect(results.map((r) => [r.code, r.blocking])).toEqual([["log-destination-not-checked", false]]);
});
