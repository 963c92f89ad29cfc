/**
 * applyPlan unit tests over an SDK STUB (a real SdkPort whose CognitoIdentityProviderClient.send is
 * replaced by an in-memory fake). They cover what moto cannot: UpdateResourceServer and
 * DeleteResourceServer are not implemented by moto 5.2, and the refusals that need live state moto
 * cannot produce cheaply.
 */
import {
  CognitoIdentityProviderClient,
  type ResourceServerType,
  type UserPoolClientType,
  type UserPoolType,
} from "@aws-sdk/client-cognito-identity-provider";
import { describe, expect, test, vi } from "vitest";
import { readLivePool } from "../aws/read-live-pool";
import { createSdkPort } from "../aws/sdk-port";
import { planChanges } from "../plan/plan-changes";
import type { PoolDocument } from "../spec/document-schema";
import { ApplyRefusedError, applyPlan } from "./apply-plan";

const POOL_ID = "eu-west-1_stub";

/** An in-memory Cognito behind the SDK client's `send`; records every command with its input. */
function stubSdk(initial: { pool: UserPoolType; clients?: UserPoolClientType[]; servers?: ResourceServerType[] }) {
  const state = { pool: structuredClone(initial.pool), clients: structuredClone(initial.clients ?? []), servers: structuredClone(initial.servers ?? []) };
  const sent: { command: string; input: Record<string, unknown> }[] = [];
  const client = new CognitoIdentityProviderClient({ region: "eu-west-1", credentials: { accessKeyId: "x", secretAccessKey: "x" } });
  vi.spyOn(client, "send").mockImplementation((async (command: { constructor: { name: string }; input: Record<string, unknown> }) => {
    const name = command.constructor.name.replace(/Command$/u, "");
    const input = command.input;
    sent.push({ command: name, input });
    switch (name) {
      case "DescribeUserPool":
        return { UserPool: state.pool };
      case "GetUserPoolMfaConfig":
        return { MfaConfiguration: "OFF" };
      case "ListUserPoolClients":
        return { UserPoolClients: state.clients.map((c) => ({ ClientId: c.ClientId, ClientName: c.ClientName, UserPoolId: POOL_ID })) };
      case "DescribeUserPoolClient":
        return { UserPoolClient: state.clients.find((c) => c.ClientId === input.ClientId) };
      case "ListResourceServers":
        return { ResourceServers: state.servers };
      case "ListGroups":
        return { Groups: [] };
      case "ListIdentityProviders":
        return { Providers: [] };
      case "UpdateResourceServer": {
        const server = state.servers.find((s) => s.Identifier === input.Identifier);
        if (!server) throw Object.assign(new Error("not found"), { name: "ResourceNotFoundException" });
        server.Name = input.Name as string;
        server.Scopes = input.Scopes as ResourceServerType["Scopes"];
        return {};
      }
      case "DeleteResourceServer":
        state.servers = state.servers.filter((s) => s.Identifier !== input.Identifier);
        return {};
      case "CreateResourceServer":
        state.servers.push({ UserPoolId: POOL_ID, ...(input as ResourceServerType) });
        return {};
      case "UpdateUserPool":
        return {};
      default:
        throw Object.assign(new Error(`stub does not implement ${name}`), { name: "NotImplemented" });
    }
  }) as never);
  return { port: createSdkPort(client, { rateLimit: "off" }), state, sent };
}

const basePool: UserPoolType = { Id: POOL_ID, Name: "stubbed", Arn: `arn:aws:cognito-idp:eu-west-1:123456789012:userpool/${POOL_ID}` };
const servers: ResourceServerType[] = [
  { UserPoolId: POOL_ID, Identifier: "https://orders", Name: "orders", Scopes: [{ ScopeName: "read", ScopeDescription: "Read" }] },
  { UserPoolId: POOL_ID, Identifier: "https://legacy", Name: "legacy", Scopes: [] },
];

function doc(spec: Partial<PoolDocument["spec"]>): PoolDocument {
  return { apiVersion: "cognito-studio.dev/v1", kind: "UserPool", metadata: { name: "stubbed" }, spec: { region: "eu-west-1", ...spec } };
}

async function planFor(port: ReturnType<typeof stubSdk>["port"], desired: PoolDocument, allowReplace = false) {
  const live = await readLivePool(port, POOL_ID, { desired });
  return planChanges(live.document, desired, { allowReplace, live: { fingerprint: live.live.fingerprint, ids: { userPoolId: POOL_ID, clientIds: live.live.clientIds } } });
}

/** A stub pool whose resource server is renamed and a client added, with UpdateResourceServer failing (throttled). */
async function renameWithFailingUpdate() {
  const { port } = stubSdk({ pool: basePool, servers: [servers[0]!] });
  const desired = doc({
    resourceServers: [{ identifier: "https://orders", name: "orders renamed", scopes: [{ name: "read", description: "Read" }] }],
    clients: [{ name: "new-client" }],
  });
  const plan = await planFor(port, desired);
  const broken = Object.create(port) as typeof port;
  broken.updateResourceServer = async () => {
    throw Object.assign(new Error("Rate exceeded"), { name: "TooManyRequestsException" });
  };
  return { desired, plan, broken };
}

describe("resource servers (SDK stub: moto lacks UpdateResourceServer and DeleteResourceServer)", () => {
  test("SDK stub: a scope change sends UpdateResourceServer with the full scope list; a removed server is deleted first", async () => {
    const { port, state, sent } = stubSdk({ pool: basePool, servers });
    const desired = doc({
      resourceServers: [
        {
          identifier: "https://orders",
          name: "orders",
          scopes: [
            { name: "read", description: "Read" },
            { name: "write", description: "Write" },
          ],
        },
      ],
    });
    const plan = await planFor(port, desired);
    expect(plan.entries.filter((e) => e.action !== "noop").map((e) => `${e.address} ${e.action}`)).toEqual([
      'resource_server["https://legacy"] delete',
      'resource_server["https://orders"] update',
    ]);
    const result = await applyPlan(plan, port, { desired, userPoolId: POOL_ID });
    expect(result.ok).toBe(true);
    const writes = sent.filter((s) => !/^(Describe|Get|List)/u.test(s.command));
    expect(writes).toEqual([
      { command: "DeleteResourceServer", input: { UserPoolId: POOL_ID, Identifier: "https://legacy" } },
      {
        command: "UpdateResourceServer",
        input: {
          UserPoolId: POOL_ID,
          Identifier: "https://orders",
          Name: "orders",
          Scopes: [
            { ScopeName: "read", ScopeDescription: "Read" },
            { ScopeName: "write", ScopeDescription: "Write" },
          ],
        },
      },
    ]);
    expect(state.servers.map((s) => s.Identifier)).toEqual(["https://orders"]);
    // Planning again against the stub shows no change.
    expect((await planFor(port, desired)).hasChanges).toBe(false);
  });

  test("SDK stub: a failed UpdateResourceServer is recorded with its AWS code; later phases are skipped", async () => {
    const { desired, plan, broken } = await renameWithFailingUpdate();
    const result = await applyPlan(plan, broken, { desired, userPoolId: POOL_ID });
    expect(result.ok).toBe(false);
    expect(result.steps).toEqual([
      { resource: 'resource_server["https://orders"]', action: "update", outcome: "failed", error: { code: "TooManyRequestsException", message: "Rate exceeded" } },
      { resource: 'app_client["new-client"]', action: "create", outcome: "skipped" },
    ]);
  });
});

describe("onStepFinished (SDK stub)", () => {
  test("reports each step as it finishes, before applyPlan returns, with the number of steps", async () => {
    const { port } = stubSdk({ pool: basePool, servers });
    const desired = doc({ resourceServers: [servers[0]!].map((s) => ({ identifier: s.Identifier!, name: "orders v2", scopes: [{ name: "read", description: "Read" }] })) });
    const plan = await planFor(port, desired);
    const seen: string[] = [];
    let returned = false;
    const result = await applyPlan(plan, port, {
      desired,
      userPoolId: POOL_ID,
      onStepFinished: (step, total) => seen.push(`${returned ? "late" : "live"} ${step.resource} ${step.action} ${step.outcome} of ${total}`),
    });
    returned = true;
    expect(result.ok).toBe(true);
    // The delete runs in the delete phase, before the update of the remaining server.
    expect(seen).toEqual(['live resource_server["https://legacy"] delete ok of 2', 'live resource_server["https://orders"] update ok of 2']);
  });

  test("a failed step is reported with its AWS error; steps that never ran are not reported", async () => {
    const { desired, plan, broken } = await renameWithFailingUpdate();
    const seen: unknown[] = [];
    await applyPlan(plan, broken, { desired, userPoolId: POOL_ID, onStepFinished: (step) => seen.push(step) });
    expect(seen).toEqual([
      { resource: 'resource_server["https://orders"]', action: "update", outcome: "failed", error: { code: "TooManyRequestsException", message: "Rate exceeded" } },
    ]);
  });
});

describe("refusals (nothing is sent)", () => {
  test("a plan with errors is refused", async () => {
    const { port, sent } = stubSdk({ pool: basePool });
    const desired = doc({});
    const plan = { ...(await planFor(port, desired)), errors: [{ severity: "error" as const, path: "spec.schemaAttributes", code: "x", message: "cannot remove a custom attribute" }] };
    const before = sent.length;
    await expect(applyPlan(plan, port, { desired, userPoolId: POOL_ID })).rejects.toMatchObject({ code: "plan-has-errors" });
    expect(sent.length).toBe(before);
  });

  test("a plan without a live fingerprint is refused for an existing pool", async () => {
    const { port } = stubSdk({ pool: basePool });
    const desired = doc({ deletionProtection: "ACTIVE" });
    const live = await readLivePool(port, POOL_ID, { desired });
    const plan = planChanges(live.document, desired, { live: { ids: { userPoolId: POOL_ID } } });
    await expect(applyPlan(plan, port, { desired, userPoolId: POOL_ID })).rejects.toMatchObject({ code: "missing-live-state" });
  });

  test("replacing a protected pool is refused even with allowReplace: protection is never turned off silently", async () => {
    const { port, sent } = stubSdk({ pool: { ...basePool, DeletionProtection: "ACTIVE", UsernameAttributes: ["email"] } });
    const desired = doc({ usernameAttributes: ["phone_number"], deletionProtection: "ACTIVE" });
    const plan = await planFor(port, desired, true);
    expect(plan.entries[0]?.action).toBe("replace");
    const error = await applyPlan(plan, port, { desired, userPoolId: POOL_ID, allowReplace: true }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApplyRefusedError);
    expect((error as ApplyRefusedError).code).toBe("deletion-protection-active");
    expect(sent.filter((s) => !/^(Describe|Get|List)/u.test(s.command))).toEqual([]);
  });

  test("replacing a pool without allowReplace is refused before any call", async () => {
    const { port, sent } = stubSdk({ pool: { ...basePool, UsernameAttributes: ["email"] } });
    const desired = doc({ usernameAttributes: ["phone_number"] });
    const plan = await planFor(port, desired, true);
    const before = sent.length;
    await expect(applyPlan(plan, port, { desired, userPoolId: POOL_ID })).rejects.toMatchObject({ code: "replace-not-allowed" });
    expect(sent.length).toBe(before);
  });
});
