import type { PreflightPort } from "../preflight/types";

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
