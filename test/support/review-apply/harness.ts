/**
 * The studio and moto the review-and-apply suite runs against: a database of the given kind, three members
 * (admin, editor, approver), moto as every target's endpoint, and the steps a team takes (a pool from a preset,
 * a target, a change request, an approval).
 */
import { CognitoIdentityProviderClient, ListUserPoolsCommand } from "@aws-sdk/client-cognito-identity-provider";
import { CreateEmailIdentityCommand, SESv2Client } from "@aws-sdk/client-sesv2";
import { afterAll, beforeAll, expect } from "vitest";
import type { CognitoPort } from "@/lib/cognito/aws";
import { createSdkPort, readLivePool } from "@/lib/cognito/aws";
import { createSdkPreflightPort } from "@/lib/cognito/preflight";
import { applyClientPreset, type ClientPreset, getPreset } from "@/lib/cognito/presets";
import type { PoolDocument } from "@/lib/cognito/spec";
import type { Db } from "@/lib/server/db";
import type { Role } from "@/lib/contracts/roles";
import { migrate } from "@/prisma/migrate.mjs";
import { startMoto, type MotoServer } from "@/test/support/moto";
import { createMotoClient } from "@/test/support/moto-cognito";
import { addMembers, byRole } from "@/test/support/studio-db";

/** A database for the suite: its URL (set as DATABASE_URL before the first query) and how to drop it. */
export interface SuiteDatabase {
  url: string;
  stop(): Promise<void>;
}

export const REGION = "eu-west-1";
const credentials = { accessKeyId: "testing", secretAccessKey: "testing" };

/** What the suite's tests use; filled in by `beforeAll`. */
export interface Harness {
  kind: string;
  db(): Db;
  moto(): MotoServer;
  sdk(): CognitoIdentityProviderClient;
  poolActions(): typeof import("@/app/pools/actions");
  actions(): typeof import("@/app/pools/review-actions");
  /** The next action runs as this member. */
  as(role: Role): void;
  /** A hardened pool with a SPA and a confidential client (which gets a secret). */
  newPool(name: string): Promise<{ id: string; document: PoolDocument }>;
  addTarget(poolId: string, name: string, requiredApprovals: number, userPoolId?: string): Promise<string>;
  submit(poolId: string, targetId: string, title: string): Promise<string>;
  approve(changeRequestId: string, planVersion?: number): Promise<void>;
  poolsNamed(name: string): Promise<number>;
  readLive(userPoolId: string, desired: PoolDocument): ReturnType<typeof readLivePool>;
  /** Holds every AWS write of the studio until the returned release is called: an apply held mid-flight. */
  holdWrites(): () => void;
}

/** What the set-up makes and the harness reads. */
interface State {
  database: SuiteDatabase;
  getDb: () => { db: Db };
  setSessionLookup: (typeof import("@/lib/server/session"))["setSessionLookup"];
  targetPort: typeof import("@/lib/server/target-port");
  poolActions: typeof import("@/app/pools/actions");
  actions: typeof import("@/app/pools/review-actions");
  moto: MotoServer;
  sdk: CognitoIdentityProviderClient;
  users: Partial<Record<Role, string>>;
  writeGate?: Promise<void>;
}

/** Registers the suite's set-up and tear-down and returns the harness its tests use. */
export function useHarness(kind: string, startDatabase: () => Promise<SuiteDatabase>): Harness {
  const state = { users: {} } as State;
  beforeAll(() => setUp(state, startDatabase));
  afterAll(() => tearDown(state));
  return harnessOn(kind, state);
}

async function setUp(state: State, startDatabase: () => Promise<SuiteDatabase>): Promise<void> {
  state.database = await startDatabase();
  process.env.DATABASE_URL = state.database.url;
  ({ getDb: state.getDb } = await import("@/lib/server/db"));
  ({ setSessionLookup: state.setSessionLookup } = await import("@/lib/server/session"));
  state.targetPort = await import("@/lib/server/target-port");
  state.poolActions = await import("@/app/pools/actions");
  state.actions = await import("@/app/pools/review-actions");
  state.moto = await startMoto();
  state.sdk = new CognitoIdentityProviderClient({ region: REGION, endpoint: state.moto.endpoint, credentials });
  // The target's endpoint is what the server uses; only moto's one UpdateUserPool bug is worked around.
  const gated = (port: CognitoPort): CognitoPort => gateWrites(port, () => state.writeGate);
  state.targetPort.setTargetPortFactory((target) => gated(createSdkPort(createMotoClient({ region: target.region, endpoint: target.endpoint ?? "", credentials }), { rateLimit: "off" })));
  // Preflight runs on every apply with the same endpoint; the hardened preset sends email through the
  // SES identity shop.test in us-east-1, which is set up here as it would be in the account.
  state.targetPort.setTargetPreflightFactory((target) => createSdkPreflightPort({ region: target.region, endpoint: target.endpoint ?? "", credentials }));
  await new SESv2Client({ region: "us-east-1", endpoint: state.moto.endpoint, credentials }).send(new CreateEmailIdentityCommand({ EmailIdentity: "shop.test" }));
  await migrate(process.env.DATABASE_URL);
  Object.assign(state.users, await addMembers(byRole("editor", "approver"), "shop.test"));
}

async function tearDown(state: State): Promise<void> {
  state.setSessionLookup(undefined);
  state.targetPort.setTargetPortFactory(undefined);
  state.targetPort.setTargetPreflightFactory(undefined);
  await state.getDb().db.$disconnect();
  await state.moto?.stop();
  await state.database?.stop();
}

function harnessOn(kind: string, state: State): Harness {
  const harness: Harness = {
    kind,
    db: () => state.getDb().db,
    moto: () => state.moto,
    sdk: () => state.sdk,
    poolActions: () => state.poolActions,
    actions: () => state.actions,
    as: (role) => state.setSessionLookup(async () => ({ userId: state.users[role] ?? "" })),
    newPool: (name) => newPresetPool(harness, name),
    async addTarget(poolId, name, requiredApprovals, userPoolId = "") {
      harness.as("admin");
      const created = await state.actions.createTargetAction({ poolId, name, region: REGION, endpoint: state.moto.endpoint, roleArn: "", userPoolId, requiredApprovals });
      if (!created.ok) throw new Error(JSON.stringify(created));
      return created.data.id;
    },
    async submit(poolId, targetId, title) {
      harness.as("editor");
      const draft = await harness.db().draft.findUniqueOrThrow({ where: { poolId } });
      const result = await state.actions.submitChangeRequestAction({ poolId, targetId, draftVersion: draft.version, title, description: "" });
      if (!result.ok) throw new Error(JSON.stringify(result));
      return result.data.id;
    },
    async approve(changeRequestId, planVersion = 1) {
      harness.as("approver");
      const result = await state.actions.approveAction({ changeRequestId, planVersion });
      expect(result.ok, JSON.stringify(result)).toBe(true);
    },
    async poolsNamed(name) {
      const listed = await state.sdk.send(new ListUserPoolsCommand({ MaxResults: 60 }));
      return (listed.UserPools ?? []).filter((p) => p.Name === name).length;
    },
    readLive: (userPoolId, desired) =>
      readLivePool(createSdkPort(createMotoClient({ region: REGION, endpoint: state.moto.endpoint, credentials }), { rateLimit: "off" }), userPoolId, { desired }),
    holdWrites() {
      let release: () => void = () => {};
      state.writeGate = new Promise<void>((resolve) => (release = resolve));
      return () => {
        release();
        state.writeGate = undefined;
      };
    },
  };
  return harness;
}

/** While `gate()` is a promise, every write of `port` waits for it. */
function gateWrites(port: CognitoPort, gate: () => Promise<void> | undefined): CognitoPort {
  return new Proxy(port, {
    get(target, prop, receiver) {
      const value: unknown = Reflect.get(target, prop, receiver);
      if (typeof value !== "function") return value;
      const write = typeof prop === "string" && /^(create|update|delete|set|add)/u.test(prop);
      return async (...args: unknown[]) => {
        if (write) await gate();
        return (value as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
}

async function newPresetPool(h: Harness, name: string): Promise<{ id: string; document: PoolDocument }> {
  h.as("editor");
  const created = await h.poolActions().createPoolAction({ name, region: REGION, environment: "dev", preset: "hardened-production" });
  if (!created.ok) throw new Error(JSON.stringify(created));
  const draft = await h.db().draft.findUniqueOrThrow({ where: { poolId: created.data.id } });
  let document = JSON.parse(draft.document) as PoolDocument;
  for (const preset of ["spa", "confidential-server"]) {
    const applied = applyClientPreset(document.spec, getPreset(preset) as ClientPreset, { clientName: preset });
    document = { ...document, spec: applied.spec };
  }
  // The presets' example values replaced as a team would before going beyond dev (placeholders are refused
  // there): the shop's own domain (.test, reserved for testing) and the team's account.
  document = JSON.parse(JSON.stringify(document).replaceAll("example.com", "shop.test").replaceAll("123456789012", "111122223333").replaceAll("Example <", "Shop <")) as PoolDocument;
  const saved = await h.poolActions().saveDraftAction({ poolId: created.data.id, version: draft.version, document });
  if (!saved.ok || !saved.data.valid) throw new Error(`draft not valid: ${JSON.stringify(saved)}`);
  return { id: created.data.id, document };
}
