/**
 * A target's own Lambda trigger, SES identity and resource server identifier, end to end against a real moto
 * server and a real SQLite file: saved through the target page's action, planned and applied (preflight
 * included: the design's own function and identity do not exist in this account, so an apply that sent the
 * design's values would be refused before its first Cognito call), read back with the SDK, planned again
 * with nothing to do, and pulled back into the draft without the target's values.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import {
  CognitoIdentityProviderClient,
  DescribeUserPoolClientCommand,
  DescribeUserPoolCommand,
  ListResourceServersCommand,
  ListUserPoolClientsCommand,
} from "@aws-sdk/client-cognito-identity-provider";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { createMotoClient } from "@/test/support/moto-cognito";
import { createSdkPort } from "@/lib/cognito/aws";
import { createSdkPreflightPort } from "@/lib/cognito/preflight";
import type { PoolDocument } from "@/lib/cognito/spec";
import { migrate } from "@/prisma/migrate.mjs";
import { runBoto3 } from "@/test/support/boto3";
import { startMoto, type MotoServer } from "@/test/support/moto";
import type { Role } from "@/lib/contracts/roles";

const dir = mkdtempSync(path.join(tmpdir(), "studio-env-settings-"));
process.env.DATABASE_URL = `file:${path.join(dir, "studio.db")}`;

const { getDb } = await import("./db");
const { setSessionLookup } = await import("./session");
const { createAccount } = await import("./users");
const { setTargetPortFactory, setTargetPreflightFactory } = await import("./target-port");
const poolActions = await import("@/app/pools/actions");
const actions = await import("@/app/pools/review-actions");

const REGION = "eu-west-1";
const credentials = { accessKeyId: "testing", secretAccessKey: "testing" };
const DESIGN_API = "https://api.design.shop.test";
const DEV_API = "https://api.dev.shop.test";
const users: Partial<Record<Role, string>> = {};
let moto: MotoServer;
let sdk: CognitoIdentityProviderClient;
let setup: { functionArn: string; identityArn: string };

function as(role: Role) {
  setSessionLookup(async () => ({ userId: users[role] ?? "" }));
}

/** moto's account (123456789012) holds dev's function and SES identity; the design names others that do not exist. */
const SETUP = `
import io, json, zipfile
iam = client("iam", "us-east-1")
role = iam.create_role(RoleName="lambda-exec", AssumeRolePolicyDocument=json.dumps({"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"Service": "lambda.amazonaws.com"}, "Action": "sts:AssumeRole"}]}))["Role"]["Arn"]
buf = io.BytesIO()
with zipfile.ZipFile(buf, "w") as z:
    z.writestr("index.py", "def handler(event, context):\\n    return event\\n")
lam = client("lambda")
arn = lam.create_function(FunctionName="dev-pre-sign-up", Runtime="python3.12", Role=role, Handler="index.handler", Code={"ZipFile": buf.getvalue()})["FunctionArn"]
lam.add_permission(FunctionName="dev-pre-sign-up", StatementId="cognito", Action="lambda:InvokeFunction", Principal="cognito-idp.amazonaws.com")
client("sesv2").create_email_identity(EmailIdentity="dev.shop.test")
result = {"functionArn": arn, "identityArn": "arn:aws:ses:eu-west-1:123456789012:identity/dev.shop.test"}
`;

beforeAll(async () => {
  moto = await startMoto();
  sdk = new CognitoIdentityProviderClient({ region: REGION, endpoint: moto.endpoint, credentials });
  setTargetPortFactory((target) => createSdkPort(createMotoClient({ region: target.region, endpoint: target.endpoint ?? "", credentials }), { rateLimit: "off" }));
  setTargetPreflightFactory((target) => createSdkPreflightPort({ region: target.region, endpoint: target.endpoint ?? "", credentials }));
  setup = await runBoto3(moto.endpoint, REGION, SETUP);
  await migrate(process.env.DATABASE_URL);
  users.admin = (await createAccount({ email: "admin@shop.test", name: "Admin", password: "password-admin" })).id;
  for (const role of ["viewer", "editor", "approver"] as const) {
    users[role] = (await createAccount({ email: `${role}@shop.test`, name: role, password: `password-${role}` })).id;
    await getDb().db.membership.updateMany({ where: { userId: users[role] }, data: { role } });
  }
}, 120_000);

afterAll(async () => {
  setSessionLookup(undefined);
  setTargetPortFactory(undefined);
  setTargetPreflightFactory(undefined);
  await getDb().db.$disconnect();
  await moto?.stop();
  rmSync(dir, { recursive: true, force: true });
});

/** The design's values: what a team writes once (another environment's function, identity and API URL). */
function designOf(base: PoolDocument): PoolDocument {
  return {
    ...base,
    spec: {
      ...base.spec,
      lambdaConfig: { preSignUp: "arn:aws:lambda:eu-west-1:123456789012:function:design-pre-sign-up" },
      emailConfiguration: { emailSendingAccount: "DEVELOPER", sourceArn: "arn:aws:ses:eu-west-1:123456789012:identity/design.shop.test", from: "no-reply@design.shop.test" },
      resourceServers: [{ identifier: DESIGN_API, name: "Orders API", scopes: [{ name: "read", description: "Read orders" }] }],
      clients: [{ name: "svc", generateSecret: true, allowedOAuthFlowsUserPoolClient: true, allowedOAuthFlows: ["client_credentials"], allowedOAuthScopes: [`${DESIGN_API}/read`] }],
    },
  };
}

describe("a target's trigger, SES identity and resource server identifier on moto", () => {
  let poolId: string;
  let targetId: string;
  let design: PoolDocument;
  let userPoolId: string;

  test("the target page's action refuses a bad value at its row, and editors save the target's values with an audit event", async () => {
    as("editor");
    const created = await poolActions.createPoolAction({ name: "env-orders", region: REGION, environment: "dev", preset: "" });
    if (!created.ok) throw new Error(JSON.stringify(created));
    poolId = created.data.id;
    const draft = await getDb().db.draft.findUniqueOrThrow({ where: { poolId } });
    design = designOf(JSON.parse(draft.document) as PoolDocument);
    const saved = await poolActions.saveDraftAction({ poolId, version: draft.version, document: design });
    expect(saved.ok && saved.data.valid, JSON.stringify(saved)).toBe(true);
    as("admin");
    const target = await actions.createTargetAction({ poolId, name: "dev", region: REGION, endpoint: moto.endpoint, roleArn: "", userPoolId: "", requiredApprovals: 0 });
    if (!target.ok) throw new Error(JSON.stringify(target));
    targetId = target.data.id;
    const seen = (await getDb().db.target.findUniqueOrThrow({ where: { id: targetId } })).updatedAt.toISOString();

    const settings = [
      { kind: "trigger" as const, name: "preSignUp", value: setup.functionArn },
      { kind: "emailSourceArn" as const, name: "", value: setup.identityArn },
      { kind: "emailFrom" as const, name: "", value: "no-reply@dev.shop.test" },
      { kind: "resourceServerIdentifier" as const, name: DESIGN_API, value: DEV_API },
    ];
    as("viewer");
    expect(await actions.updateEnvironmentSettingsAction({ targetId, seen, settings })).toEqual({
      ok: false,
      fieldErrors: {},
      formError: "This needs the editor role; you are viewer. Ask an admin of the workspace.",
    });
    as("editor");
    const refused = await actions.updateEnvironmentSettingsAction({ targetId, seen, settings: [{ ...settings[0]!, value: "dev-pre-sign-up" }, ...settings.slice(1)] });
    expect(refused).toEqual({
      ok: false,
      fieldErrors: {
        "settings.0.value": ["must be a Lambda function ARN like arn:aws:lambda:eu-west-1:123456789012:function:pre-sign-up; copy it from the function's page in the Lambda console"],
      },
      formError: "Some fields need attention.",
    });
    const result = await actions.updateEnvironmentSettingsAction({ targetId, seen, settings });
    expect(result.ok, JSON.stringify(result)).toBe(true);
    // A second save from the page as it was loaded would overwrite this one: refused.
    const stale = await actions.updateEnvironmentSettingsAction({ targetId, seen, settings: settings.slice(0, 1) });
    expect(stale.ok === false && stale.formError).toMatch(/^Target dev was changed by someone else since you opened this page\./u);
    const event = await getDb().db.auditEvent.findFirstOrThrow({ where: { action: "target.environment-values", target: targetId } });
    expect(event.after).toBe(
      `Pre sign-up trigger ${setup.functionArn}; SES identity (email source ARN) ${setup.identityArn}; Email From address no-reply@dev.shop.test; Resource server ${DESIGN_API}: identifier ${DEV_API}`,
    );
    expect(event.before).toBe("none (the design's values)");
  });

  test("the plan shows the target's values; the apply passes preflight and AWS holds the target's values", async () => {
    as("editor");
    const draft = await getDb().db.draft.findUniqueOrThrow({ where: { poolId } });
    const submitted = await actions.submitChangeRequestAction({ poolId, targetId, draftVersion: draft.version, title: "Orders pool on dev", description: "" });
    if (!submitted.ok) throw new Error(JSON.stringify(submitted));
    const cr = await getDb().db.changeRequest.findUniqueOrThrow({ where: { id: submitted.data.id } });
    const plan = JSON.parse(cr.plan) as { entries: { address: string; action: string; changes: { path: string; after?: unknown }[] }[] };
    expect(plan.entries.map((e) => `${e.address} ${e.action}`)).toEqual(expect.arrayContaining([`resource_server["${DEV_API}"] create`, 'app_client["svc"] create', "user_pool create"]));
    const pool = plan.entries.find((e) => e.address === "user_pool");
    expect(JSON.stringify(pool?.changes)).toContain(setup.functionArn);
    expect(JSON.stringify(plan)).not.toContain("design-pre-sign-up");
    expect(JSON.stringify(plan)).not.toContain(DESIGN_API);

    as("approver");
    const applied = await actions.applyAction({ changeRequestId: cr.id, planVersion: 1 });
    expect(applied.ok && applied.data.status, JSON.stringify(applied)).toBe("succeeded");
    userPoolId = (applied.ok && applied.data.userPoolId) || "";

    const live = (await sdk.send(new DescribeUserPoolCommand({ UserPoolId: userPoolId }))).UserPool;
    expect(live?.LambdaConfig?.PreSignUp).toBe(setup.functionArn);
    expect(live?.EmailConfiguration).toMatchObject({ SourceArn: setup.identityArn, From: "no-reply@dev.shop.test" });
    const servers = await sdk.send(new ListResourceServersCommand({ UserPoolId: userPoolId, MaxResults: 50 }));
    expect(servers.ResourceServers?.map((s) => s.Identifier)).toEqual([DEV_API]);
    const clients = await sdk.send(new ListUserPoolClientsCommand({ UserPoolId: userPoolId, MaxResults: 60 }));
    const svc = await sdk.send(new DescribeUserPoolClientCommand({ UserPoolId: userPoolId, ClientId: clients.UserPoolClients?.[0]?.ClientId }));
    expect(svc.UserPoolClient?.AllowedOAuthScopes).toEqual([`${DEV_API}/read`]);
  });

  test("planned again, the target has nothing to change: the server pairs by the target's identifier", async () => {
    as("editor");
    const draft = await getDb().db.draft.findUniqueOrThrow({ where: { poolId } });
    const submitted = await actions.submitChangeRequestAction({ poolId, targetId, draftVersion: draft.version, title: "Nothing new", description: "" });
    if (!submitted.ok) throw new Error(JSON.stringify(submitted));
    const cr = await getDb().db.changeRequest.findUniqueOrThrow({ where: { id: submitted.data.id } });
    const plan = JSON.parse(cr.plan) as { hasChanges: boolean; entries: { address: string; action: string; changes: unknown[] }[] };
    expect(plan.entries.filter((e) => e.action !== "noop").map((e) => `${e.address} ${e.action} ${JSON.stringify(e.changes)}`)).toEqual([]);
    expect(plan.entries.map((e) => e.address)).toContain(`resource_server["${DEV_API}"]`);
    expect(cr.planUserPoolId).toBe(userPoolId);
  });

  test("pulling the target's live pool into the draft keeps the design's values, and other live changes come in", async () => {
    await runBoto3(moto.endpoint, REGION, `client("cognito-idp").create_group(UserPoolId=args["pool"], GroupName="made-by-hand")`, { pool: userPoolId });
    as("editor");
    const draft = await getDb().db.draft.findUniqueOrThrow({ where: { poolId } });
    const pulled = await actions.pullLiveIntoDraftAction({ targetId, draftVersion: draft.version });
    expect(pulled.ok, JSON.stringify(pulled)).toBe(true);
    const after = JSON.parse((await getDb().db.draft.findUniqueOrThrow({ where: { poolId } })).document) as PoolDocument;
    expect(after.spec.lambdaConfig?.preSignUp).toBe(design.spec.lambdaConfig?.preSignUp);
    expect(after.spec.emailConfiguration).toMatchObject({ sourceArn: design.spec.emailConfiguration?.sourceArn, from: "no-reply@design.shop.test" });
    expect(after.spec.resourceServers?.map((s) => s.identifier)).toEqual([DESIGN_API]);
    expect(after.spec.clients?.[0]?.allowedOAuthScopes).toEqual([`${DESIGN_API}/read`]);
    expect(JSON.stringify(after)).not.toContain("dev-pre-sign-up");
    expect(JSON.stringify(after)).not.toContain(DEV_API);
    expect(after.spec.groups?.map((g) => g.name)).toEqual(["made-by-hand"]);
  });
});
