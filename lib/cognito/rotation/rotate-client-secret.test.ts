/**
 * Rotation through the SDK-backed port. moto does not implement the client secret operations, so the SDK
 * client is a stub (test/support/secret-stub.ts) that behaves as the API model says.
 */
import { describe, expect, test } from "vitest";
import { describeClientSecrets, finishSecretRotation, RotationRefusedError, startSecretRotation } from "./rotate-client-secret";
import { createSdkClientSecretPort } from "./sdk-client-secret-port";
import { createSecretStub } from "@/test/support/secret-stub";

const target = { userPoolId: "eu-west-1_Pool", clientId: "client1", clientName: "backend" };

function setup() {
  const stub = createSecretStub();
  const original = stub.addClient(target.userPoolId, target.clientId);
  return { stub, original, port: createSdkClientSecretPort(stub) };
}

describe("a rotation without downtime", () => {
  test("start adds a second secret and returns its value once; both work until finish deletes the old one", async () => {
    const { stub, port } = setup();
    const [old] = await describeClientSecrets(port, target);
    const started = await startSecretRotation(port, target);
    expect(started.previous.map((s) => s.id)).toEqual([old?.id]);
    expect(started.newSecret.value).toBe(stub.secrets.get("eu-west-1_Pool/client1")?.[1]?.value);
    expect((await describeClientSecrets(port, target)).map((s) => s.id)).toEqual([old?.id, started.newSecret.id]);

    const finished = await finishSecretRotation(port, target, started.newSecret.id, true);
    expect(finished.deleted.map((s) => s.id)).toEqual([old?.id]);
    expect((await describeClientSecrets(port, target)).map((s) => s.id)).toEqual([started.newSecret.id]);
    expect(stub.calls).toEqual([
      "ListUserPoolClientSecrets",
      "ListUserPoolClientSecrets",
      "AddUserPoolClientSecret",
      "ListUserPoolClientSecrets",
      "ListUserPoolClientSecrets",
      "DeleteUserPoolClientSecret",
      "ListUserPoolClientSecrets",
    ]);
  });

  test("describing the secrets never carries a value", async () => {
    const { port, original } = setup();
    await startSecretRotation(port, target);
    const listed = await describeClientSecrets(port, target);
    expect(JSON.stringify(listed)).not.toContain(original);
    expect(listed.every((s) => !("value" in s))).toBe(true);
  });
});

describe("refusals", () => {
  test("a second start while two secrets exist adds nothing and shows nothing", async () => {
    const { stub, port } = setup();
    await startSecretRotation(port, target);
    const again = await startSecretRotation(port, target).catch((e: unknown) => e);
    expect(again).toBeInstanceOf(RotationRefusedError);
    expect((again as RotationRefusedError).code).toBe("rotation-in-progress");
    expect(stub.calls.filter((c) => c === "AddUserPoolClientSecret")).toHaveLength(1);
  });

  test("finish without confirmation deletes nothing", async () => {
    const { stub, port } = setup();
    const started = await startSecretRotation(port, target);
    await expect(finishSecretRotation(port, target, started.newSecret.id, false)).rejects.toMatchObject({ code: "not-confirmed" });
    expect(stub.calls).not.toContain("DeleteUserPoolClientSecret");
  });

  test("finish with an unknown secret id, or with only one secret left, deletes nothing", async () => {
    const { stub, port } = setup();
    const [only] = await describeClientSecrets(port, target);
    await expect(finishSecretRotation(port, target, only?.id ?? "", true)).rejects.toMatchObject({ code: "nothing-to-finish" });
    await startSecretRotation(port, target);
    await expect(finishSecretRotation(port, target, "client1--99", true)).rejects.toMatchObject({ code: "unknown-secret" });
    expect(stub.calls).not.toContain("DeleteUserPoolClientSecret");
  });

  test("a public client (no secret) cannot be rotated", async () => {
    const stub = createSecretStub();
    stub.secrets.set("eu-west-1_Pool/public", []);
    const port = createSdkClientSecretPort(stub);
    await expect(startSecretRotation(port, { ...target, clientId: "public" })).rejects.toMatchObject({ code: "not-confidential" });
  });

  test("AWS's own limits come through as AWS errors (the stub follows the model)", async () => {
    const { stub, port } = setup();
    await startSecretRotation(port, target);
    await expect(port.addClientSecret(target.userPoolId, target.clientId)).rejects.toMatchObject({ name: "LimitExceededException" });
    const [first, second] = stub.secrets.get("eu-west-1_Pool/client1") ?? [];
    await port.deleteClientSecret(target.userPoolId, target.clientId, first?.id ?? "");
    await expect(port.deleteClientSecret(target.userPoolId, target.clientId, second?.id ?? "")).rejects.toMatchObject({ name: "InvalidParameterException" });
  });
});
