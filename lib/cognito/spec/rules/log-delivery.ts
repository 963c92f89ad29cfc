/**
 * Log delivery: what each event source takes
 * (https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_LogConfigurationType.html):
 * - exactly one destination per entry, and one entry per event source;
 * - user notification logs (`userNotification`) go at level ERROR to CloudWatch Logs;
 * - user authentication logs (`userAuthEvents`) go at level INFO to CloudWatch Logs, S3 or Firehose, and need the
 *   Plus feature plan ("with the Plus feature plan", same page): another plan is an error, an unset one a warning;
 * - S3 and Firehose destinations need the Plus tier (`S3ConfigurationType`, `FirehoseConfigurationType`).
 */
import type { Diagnostic } from "../diagnostics";
import { error, warning } from "../diagnostics";
import { LOG_DESTINATIONS } from "../log-delivery-schema";
import { type Rule, at } from "./rule";

const SOURCE_WORDS = { userNotification: "User notification logs", userAuthEvents: "User authentication logs" } as const;

export const logDeliveryRule: Rule = (ctx) => {
  const entries = ctx.spec.logDeliveryConfiguration?.logConfigurations;
  if (entries === undefined) return [];
  const out: Diagnostic[] = [];
  const seen = new Set<string>();
  entries.forEach((entry, index) => {
    const path = (...rest: string[]) => at(ctx, "logDeliveryConfiguration", "logConfigurations", index, ...rest);
    const words = SOURCE_WORDS[entry.eventSource];
    if (seen.has(entry.eventSource)) out.push(error(path("eventSource"), "log-source-duplicate", `${words} are exported more than once; AWS takes one destination per kind of log`));
    seen.add(entry.eventSource);
    const destinations = LOG_DESTINATIONS.filter((d) => entry[d] !== undefined);
    if (destinations.length !== 1) out.push(error(path(), "log-destination-count", `${words} need exactly one destination: CloudWatch Logs, S3 or Firehose`));
    if (entry.eventSource === "userNotification") {
      if (entry.logLevel !== "ERROR") out.push(error(path("logLevel"), "log-level", `${words} are exported at the Error level`));
      if (destinations.some((d) => d !== "cloudWatchLogsConfiguration")) out.push(error(path(), "log-destination", `${words} go to CloudWatch Logs only`));
    } else {
      if (entry.logLevel !== "INFO") out.push(error(path("logLevel"), "log-level", `${words} are exported at the Info level`));
      const tier = ctx.spec.userPoolTier;
      if (tier === undefined) out.push(warning(path("eventSource"), "log-plan-unset", `${words} need the Plus feature plan; choose Plus under Advanced > Feature plan (AWS's default is Essentials)`));
      else if (tier !== "PLUS") out.push(error(path("eventSource"), "log-plan", `${words} need the Plus feature plan, not ${tier === "LITE" ? "Lite" : "Essentials"}; choose Plus under Advanced > Feature plan`));
    }
    for (const d of destinations) {
      const arn = d === "cloudWatchLogsConfiguration" ? entry[d]?.logGroupArn : d === "s3Configuration" ? entry[d]?.bucketArn : entry[d]?.streamArn;
      if (arn === undefined) out.push(error(path(d), "log-destination-arn", `${words} need the destination's ARN`));
    }
  });
  return out;
};
