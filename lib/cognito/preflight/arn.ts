/** ARNs: `arn:partition:service:region:account:resource`. */
export interface Arn {
  partition: string;
  service: string;
  region: string;
  account: string;
  resource: string;
}

export function parseArn(value: string): Arn | undefined {
  const parts = value.split(":");
  if (parts.length < 6 || parts[0] !== "arn") return undefined;
  const [, partition = "", service = "", region = "", account = "", ...rest] = parts;
  return { partition, service, region, account, resource: rest.join(":") };
}

/** The region of an ARN, or `fallback` when the ARN has none (IAM) or does not parse. */
export function regionOfArn(value: string, fallback: string): string {
  return parseArn(value)?.region || fallback;
}
