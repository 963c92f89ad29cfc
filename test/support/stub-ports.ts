/**
 * Stub ports for tests that cannot reach moto for a call (the last resort, said in each test that uses one).
 */
import type { CognitoPort } from "@/lib/cognito/aws";
import type { PreflightPort } from "@/lib/cognito/preflight/types";

/**
 * A Cognito port that answers only the calls `methods` defines and rejects every other one by name, so a test
 * shows any call it did not expect.
 */
export function strictFakePort(methods: object): CognitoPort {
  return new Proxy(methods, {
    get(target, prop) {
      if (prop in target) return target[prop as keyof typeof target];
      return async () => {
        throw new Error(`fake port: unexpected call ${String(prop)}`);
      };
    },
  }) as unknown as CognitoPort;
}

/**
 * For tests whose Cognito port is a stub: a preflight port whose credentials check passes (as a server with
 * credentials would) and whose dependency reads reject, so a test shows any read a check makes (reported
 * `unknown`, which never blocks).
 */
export function stubPreflightPort(overrides: Partial<PreflightPort> = {}): PreflightPort {
  const refuse = () => Promise.reject(new Error("unexpected call"));
  return {
    callerIdentity: async () => ({ account: "111122223333", arn: "arn:aws:iam::111122223333:user/studio-test" }),
    describeCertificate: refuse,
    getEmailIdentity: refuse,
    getRole: refuse,
    getRolePermissionPolicies: refuse,
    functionExists: refuse,
    getFunctionPolicy: refuse,
    describeKey: refuse,
    ...overrides,
  };
}
