import type { CognitoPort } from "../aws/port";

/**
 * For tests that stub Cognito (the last resort, said in each test): a port that answers only the calls `methods`
 * defines and rejects every other one by name, so a test shows any call it did not expect.
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
