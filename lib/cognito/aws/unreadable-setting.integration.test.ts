/**
 * A pull whose IAM policy lacks cognito-idp:ListTerms, against a real moto server through the SDK-backed port.
 * moto does not enforce IAM, so the denial is a port stub: the real port with its listTerms answering an
 * AccessDeniedException as AWS words it (the SDK's error name and "is not authorized to perform" message);
 * every other call goes to moto. What is tested is the mapping of that error to the explanation.
 */
import { CognitoIdentityProviderClient, CreateUserPoolClientCommand, CreateUserPoolCommand } from "@aws-sdk/client-cognito-identity-provider";
import { afterAll, beforeAll, expect, test } from "vitest";
import { startMoto, type MotoServer } from "../../../test/support/moto";
import type { PoolDocument } from "../spec/document-schema";
import type { CognitoPort } from "./port";
import { readLivePool } from "./read-live-pool";
import { createSdkPort } from "./sdk-port";
import { SettingUnreadableError } from "./unreadable-setting";

const REGION = "eu-west-1";
let moto: MotoServer;
let connection: { region: string; endpoint: string; credentials: { accessKeyId: string; secretAccessKey: string } };
let poolId: string;

beforeAll(async () => {
  moto = await startMoto();
  connection = { region: REGION, endpoint: moto.endpoint, credentials: { accessKeyId: "testing", secretAccessKey: "testing" } };
  const sdk = new CognitoIdentityProviderClient(connection);
  poolId = (await sdk.send(new CreateUserPoolCommand({ PoolName: "no-terms-permission" }))).UserPool!.Id!;
  await sdk.send(new CreateUserPoolClientCommand({ UserPoolId: poolId, ClientName: "web" }));
});
afterAll(async () => {
  await moto?.stop();
});

/** The SDK-backed port on moto, with ListTerms denied as AWS denies it (the stub this file's comment describes). */
function portWithoutListTerms(): CognitoPort {
  const port = createSdkPort(connection, { rateLimit: "off" });
  return new Proxy(port, {
    get(target, prop, receiver) {
      if (prop !== "listTerms") return Reflect.get(target, prop, receiver) as unknown;
      return async () => {
        const denied = new Error(`User: arn:aws:iam::123456789012:user/studio is not authorized to perform: cognito-idp:ListTerms on resource: arn:aws:cognito-idp:${REGION}:123456789012:userpool/${poolId}`);
        denied.name = "AccessDeniedException";
        throw denied;
      };
    },
  });
}

test("a pull without cognito-idp:ListTerms reads the rest and says which setting it left out and which permission it needs", async () => {
  const read = await readLivePool(portWithoutListTerms(), poolId);
  expect(read.document.spec.clients?.map((c) => c.name)).toEqual(["web"]);
  expect(read.document.spec.terms).toBeUndefined();
  expect(read.live.unreadable).toEqual([
    {
      setting: "Terms documents",
      action: "ListTerms",
      note: "Terms documents cannot be read: the server's AWS identity may not call cognito-idp:ListTerms, so the design leaves them out (not managed) until it can. Add cognito-idp:ListTerms to its IAM policy (or the target's role); `cognito-studio preflight FILE --policy` prints every permission a design needs.",
    },
  ]);
  // With the permission, nothing is left out.
  expect((await readLivePool(createSdkPort(connection, { rateLimit: "off" }), poolId)).live.unreadable).toEqual([]);
});

test("a design that manages terms cannot be compared without the permission: the error says so, keeping AWS's error name", async () => {
  const desired: PoolDocument = { apiVersion: "cognito-studio.dev/v1", kind: "UserPool", metadata: { name: "no-terms-permission" }, spec: { terms: [] } };
  const error = await readLivePool(portWithoutListTerms(), poolId, { desired }).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(SettingUnreadableError);
  expect((error as Error).name).toBe("AccessDeniedException");
  expect((error as Error).message).toMatch(/^Terms documents cannot be read: the server's AWS identity may not call cognito-idp:ListTerms, so the studio cannot compare the design with the live pool\. .* \(AWS said: User: .* is not authorized to perform: cognito-idp:ListTerms/u);
  // A design that does not manage terms never asks for them.
  const { live } = await readLivePool(portWithoutListTerms(), poolId, { desired: { ...desired, spec: {} } });
  expect(live.unreadable).toEqual([]);
});
