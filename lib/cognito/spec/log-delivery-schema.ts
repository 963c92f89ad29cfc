/**
 * Log delivery: Smithy `SetLogDeliveryConfigurationRequest` / `LogConfigurationType`
 * (https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_SetLogDeliveryConfiguration.html).
 * Unset = not managed; `logConfigurations: []` = no logs are exported. At most one entry per event source and
 * exactly one destination per entry; which level and destination each source takes is a cross-field rule
 * (rules/log-delivery.ts).
 */
import { z } from "zod";
import { arnSchema } from "./primitives";

/** `EventSourceName`: user notification (message delivery) logs and user authentication (threat protection) logs. */
export const LOG_EVENT_SOURCES = ["userNotification", "userAuthEvents"] as const;
/** `LogLevel`. */
export const LOG_LEVELS = ["ERROR", "INFO"] as const;
/** The destination members of `LogConfigurationType`, one of which an entry sets. */
export const LOG_DESTINATIONS = ["cloudWatchLogsConfiguration", "s3Configuration", "firehoseConfiguration"] as const;

/** Smithy `S3ArnType`: 3–1024 characters, `arn:aws:s3:::bucket`. */
const s3ArnSchema = z
  .string()
  .min(3)
  .max(1024)
  .regex(/^arn:[\w+=/,.@-]+:[\w+=/,.@-]+:::[\w+=/,.@-]+(:[\w+=/,.@-]+)?(:[\w+=/,.@-]+)?$/u, { error: "must be an S3 bucket ARN like arn:aws:s3:::my-bucket" });

export const logConfigurationSchema = z.strictObject({
  eventSource: z.enum(LOG_EVENT_SOURCES),
  logLevel: z.enum(LOG_LEVELS),
  cloudWatchLogsConfiguration: z
    .strictObject({
      logGroupArn: arnSchema.regex(/^arn:[\w-]+:logs:/u, { error: "must be a CloudWatch Logs log group ARN like arn:aws:logs:eu-west-1:123456789012:log-group:name" }).optional(),
    })
    .optional(),
  s3Configuration: z.strictObject({ bucketArn: s3ArnSchema.optional() }).optional(),
  firehoseConfiguration: z
    .strictObject({
      streamArn: arnSchema.regex(/^arn:[\w-]+:firehose:/u, { error: "must be a Firehose stream ARN like arn:aws:firehose:eu-west-1:123456789012:deliverystream/name" }).optional(),
    })
    .optional(),
});

export const logDeliveryConfigurationSchema = z.strictObject({
  /** `LogConfigurationListType`: 0–2 entries. */
  logConfigurations: z.array(logConfigurationSchema).max(2),
});

export type LogConfigurationSpec = z.infer<typeof logConfigurationSchema>;
export type LogDeliveryConfigurationSpec = z.infer<typeof logDeliveryConfigurationSchema>;
