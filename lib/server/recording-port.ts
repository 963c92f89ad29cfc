import "server-only";
import { redactSecrets } from "@/lib/cognito/apply";
import { type CognitoPort, toAwsErrorInfo } from "@/lib/cognito/aws";
import { SECRET_DETAIL_KEYS } from "@/lib/cognito/spec";
import type { ProgressEntry } from "@/lib/contracts/apply-run";

const WRITE = /^(create|update|delete|add|set)/u;

function subjectOf(args: unknown[]): string {
  const first = args[0];
  if (typeof first === "string") return typeof args[1] === "string" ? `${first} ${args[1]}` : first;
  if (first && typeof first === "object") {
    const r = first as Record<string, unknown>;
    for (const key of ["ClientName", "PoolName", "Identifier", "GroupName", "ProviderName", "Domain", "ClientId", "UserPoolId"]) if (typeof r[key] === "string") return r[key];
  }
  return "";
}

/** The identity-provider secrets a request carries (Create/UpdateIdentityProvider's ProviderDetails). */
function secretsOf(args: unknown[]): string[] {
  const first = args[0];
  const details = first && typeof first === "object" ? (first as { ProviderDetails?: unknown }).ProviderDetails : undefined;
  if (!details || typeof details !== "object") return [];
  return SECRET_DETAIL_KEYS.map((key) => (details as Record<string, unknown>)[key]).filter((v): v is string => typeof v === "string" && v !== "");
}

/**
 * Wraps a port so that every write reports itself to `onWrite` when it finishes (never with secrets:
 * only the method, the subject's name and the AWS error). Reads pass through untouched. `onPoolCreated`
 * hears the id of a pool the moment CreateUserPool returns it, so that a server killed later in the
 * apply leaves the pool known (re-planning then plans the rest, not a second pool).
 */
export function recordingPort(inner: CognitoPort, onWrite: (entry: ProgressEntry) => void, onPoolCreated?: (userPoolId: string) => void): CognitoPort {
  return new Proxy(inner, {
    get(target, prop, receiver) {
      const value: unknown = Reflect.get(target, prop, receiver);
      if (typeof prop !== "string" || typeof value !== "function" || !WRITE.test(prop)) return typeof value === "function" ? value.bind(target) : value;
      return async (...args: unknown[]) => {
        const subject = subjectOf(args);
        try {
          const result: unknown = await (value as (...a: unknown[]) => Promise<unknown>).apply(target, args);
          const createdId = prop === "createUserPool" ? (result as { Id?: unknown } | undefined)?.Id : undefined;
          if (typeof createdId === "string") onPoolCreated?.(createdId);
          onWrite({ at: new Date().toISOString(), call: prop, subject, outcome: "ok" });
          return result;
        } catch (error) {
          const info = toAwsErrorInfo(error);
          // An AWS error may quote the request: the provider secret it carried is cut out before it is recorded.
          const secrets = secretsOf(args);
          onWrite({ at: new Date().toISOString(), call: prop, subject, outcome: "failed", error: { code: redactSecrets(info.code, secrets), message: redactSecrets(info.message, secrets) } });
          throw error;
        }
      };
    },
  });
}
