/**
 * Plain advice for the AWS errors people meet first: no credentials on the server, a denied action, throttling,
 * expired or invalid credentials, an endpoint that does not answer. One table, each row with the error names it
 * covers and where they are documented; anything else is described as it came (its name and message).
 *
 * Sources: the SDK's credential chain errors (https://docs.aws.amazon.com/sdk-for-javascript/v3/developer-guide/setting-credentials-node.html),
 * the common errors every AWS API returns (https://docs.aws.amazon.com/STS/latest/APIReference/CommonErrors.html)
 * and Cognito's own (https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/CommonErrors.html).
 */

export type AwsErrorAdvice = { code: string; advice: string };

type Row = { code: string; names: readonly string[]; messages?: RegExp; advise: (message: string) => string };

/** "User: arn:... is not authorized to perform: cognito-idp:CreateUserPool on resource: ..." */
const DENIED_ACTION = /not authorized to perform:?\s*([a-z0-9-]+:[A-Za-z0-9]+)/u;

export const AWS_ERROR_ADVICE: readonly Row[] = [
  {
    code: "no-credentials",
    names: ["CredentialsProviderError"],
    advise: () =>
      "No AWS credentials on the server: set AWS_PROFILE, or AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or run the studio with a role (instance, task or web identity), then try again",
  },
  {
    code: "credentials-expired",
    names: ["ExpiredToken", "ExpiredTokenException", "RequestExpired", "TokenRefreshRequired"],
    advise: () => "The server's AWS credentials have expired: renew them (for SSO profiles, `aws sso login`) and try again",
  },
  {
    code: "credentials-invalid",
    names: ["UnrecognizedClientException", "InvalidClientTokenId", "InvalidSignatureException", "SignatureDoesNotMatch", "IncompleteSignature"],
    advise: () => "AWS does not accept the server's credentials (unknown access key or wrong secret): check AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY or the profile",
  },
  {
    code: "access-denied",
    names: ["AccessDeniedException", "AccessDenied", "UnauthorizedOperation"],
    messages: DENIED_ACTION,
    advise: (message) => {
      const action = DENIED_ACTION.exec(message)?.[1];
      return action
        ? `The server's AWS identity may not call ${action}: add it to the identity's IAM policy (or to the target's role), then try again`
        : "The server's AWS identity is not allowed this call: check its IAM policy (or the target's role)";
    },
  },
  {
    code: "throttled",
    names: ["TooManyRequestsException", "ThrottlingException", "Throttling", "LimitExceededException", "RequestLimitExceeded"],
    advise: () => "AWS is throttling the requests (the studio already retried with back-off): wait a minute and try again, or ask AWS for a higher quota",
  },
  {
    code: "endpoint-unreachable",
    names: ["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN", "ETIMEDOUT", "TimeoutError", "RequestTimeout"],
    advise: () => "The AWS endpoint did not answer: check the target's endpoint (for moto or LocalStack, that it is running) and the server's network",
  },
];

function nameOf(error: unknown): string {
  if (error && typeof error === "object") {
    const e = error as { name?: unknown; code?: unknown; Code?: unknown };
    for (const candidate of [e.code, e.Code, e.name]) if (typeof candidate === "string" && candidate !== "Error") return candidate;
  }
  return "Error";
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : textOf(error);
}

/** A thrown value as text. String() throws for an object whose toString is not a function ({ toString: 0 }): that reads as its type. */
function textOf(value: unknown): string {
  try {
    return String(value);
  } catch {
    return Object.prototype.toString.call(value);
  }
}

/** The advice for a known AWS error, or undefined. Never throws. */
export function adviseAwsError(error: unknown): AwsErrorAdvice | undefined {
  const name = nameOf(error);
  const message = messageOf(error);
  const row = AWS_ERROR_ADVICE.find((r) => r.names.includes(name) || (r.messages !== undefined && r.messages.test(message)));
  return row ? { code: row.code, advice: row.advise(message) } : undefined;
}

/**
 * One line for an AWS (or network) error: the advice when there is one, then the error's name and message
 * (never the request, so no secret it carried).
 */
export function describeAwsError(error: unknown): string {
  const raw = error instanceof Error ? `${error.name}: ${error.message}` : textOf(error);
  const advice = adviseAwsError(error);
  return advice ? `${advice.advice} (${raw})` : raw;
}
