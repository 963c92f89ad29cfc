/**
 * pull, apply and plan --user-pool-id through runCli against a real moto server (credentials from the
 * environment, as the SDK's default chain reads them).
 */
import { afterAll, beforeAll, expect, test, vi } from "vitest";
import { parse } from "yaml";
import { createCognitoClient } from "../../lib/cognito/aws/sdk-port";
import { startMoto, type MotoServer } from "../../test/support/moto";
import { runCli } from "../main";
import { memoryIo } from "@/test/support/cli-io";

let moto: MotoServer;
beforeAll(async () => {
  moto = await startMoto();
  vi.stubEnv("AWS_ACCESS_KEY_ID", "testing");
  vi.stubEnv("AWS_SECRET_ACCESS_KEY", "testing");
});
afterAll(async () => {
  vi.unstubAllEnvs();
  await moto?.stop();
});

const documentYaml = (clients: string) => `apiVersion: cognito-studio.dev/v1
kind: UserPool
metadata:
  name: cli-pool
spec:
  region: eu-west-1
  passwordPolicy:
    minimumLength: 12
  clients:
${clients}
`;
const twoClients = documentYaml(`    - name: web
      explicitAuthFlows: [ALLOW_USER_SRP_AUTH, ALLOW_REFRESH_TOKEN_AUTH]
    - name: backend
      generateSecret: true`);

test("apply --create --yes --format json, pull, plan --user-pool-id, apply a change, refusals", async () => {
  // Without --yes on a non-terminal: the plan is shown, nothing is applied.
  const refused = memoryIo({ files: { "pool.yaml": twoClients } });
  expect(await runCli(["apply", "pool.yaml", "--create", "--endpoint", moto.endpoint], refused)).toBe(1);
  expect(refused.out()).toContain("3 to add");
  expect(refused.err()).toContain("not a terminal");

  const create = memoryIo({ files: { "pool.yaml": twoClients } });
  expect(await runCli(["apply", "pool.yaml", "--create", "--endpoint", moto.endpoint, "--yes", "--format", "json"], create)).toBe(0);
  const created = JSON.parse(create.out()) as { userPoolId: string; steps: { resource: string; outcome: string }[]; newClientSecrets: Record<string, string> };
  expect(created.userPoolId).toMatch(/^eu-west-1_/u);
  // The steps are the plan's entries in the plan's order (clients by name), for a new pool too.
  expect(created.steps.map((s) => `${s.resource}:${s.outcome}`)).toEqual(["user_pool:ok", 'app_client["backend"]:ok', 'app_client["web"]:ok']);
  expect(Object.keys(created.newClientSecrets)).toEqual(["backend"]);
  const id = created.userPoolId;

  const pull = memoryIo();
  expect(await runCli(["pull", "--user-pool-id", id, "--endpoint", moto.endpoint], pull)).toBe(0);
  const pulled = parse(pull.out()) as { metadata: { name: string }; spec: { passwordPolicy: unknown; clients: { name: string }[] } };
  expect(pulled.metadata.name).toBe("cli-pool");
  // Created with only a minimum length: the API reads the absent requirement switches as off.
  expect(pulled.spec.passwordPolicy).toEqual({ minimumLength: 12, requireUppercase: false, requireLowercase: false, requireNumbers: false, requireSymbols: false });
  // The clients are created concurrently, so moto lists them in either order.
  expect(pulled.spec.clients.map((c) => c.name).sort()).toEqual(["backend", "web"]);
  expect(pull.out()).not.toContain(created.newClientSecrets.backend);
  expect(pull.err()).toContain(`# issuerUrl: https://cognito-idp.eu-west-1.amazonaws.com/${id}`);

  const noChange = memoryIo({ files: { "pool.yaml": twoClients } });
  expect(await runCli(["plan", "pool.yaml", "--user-pool-id", id, "--endpoint", moto.endpoint, "--detailed-exitcode"], noChange)).toBe(0);

  const changed = documentYaml(`    - name: web
      explicitAuthFlows: [ALLOW_USER_SRP_AUTH, ALLOW_REFRESH_TOKEN_AUTH]
    - name: reports`);
  const planChanged = memoryIo({ files: { "pool.yaml": changed } });
  expect(await runCli(["plan", "pool.yaml", "--user-pool-id", id, "--endpoint", moto.endpoint, "--detailed-exitcode"], planChanged)).toBe(2);
  expect(planChanged.out()).toContain("1 to add, 0 to change, 0 to replace, 1 to destroy");

  // Asked before a destructive apply, the question names what is destroyed (the plan's destructive entries).
  const asked: string[] = [];
  const cancelled = Object.assign(memoryIo({ files: { "pool.yaml": changed } }), { confirm: async (question: string) => (asked.push(question), false) });
  expect(await runCli(["apply", "pool.yaml", "--user-pool-id", id, "--endpoint", moto.endpoint], cancelled)).toBe(1);
  expect(asked).toEqual([`Apply these changes to ${id} (eu-west-1)? This plan deletes app client "backend". Only "yes" is accepted: `]);

  const apply = memoryIo({ files: { "pool.yaml": changed } });
  expect(await runCli(["apply", "pool.yaml", "--user-pool-id", id, "--endpoint", moto.endpoint, "--yes"], apply)).toBe(0);
  expect(apply.out()).toContain('ok      delete  app_client["backend"]');
  expect(apply.out()).toContain('ok      create  app_client["reports"]');
  expect(apply.out()).toContain("Apply complete.");

  const again = memoryIo({ files: { "pool.yaml": changed } });
  expect(await runCli(["apply", "pool.yaml", "--user-pool-id", id, "--endpoint", moto.endpoint, "--yes", "--format", "json"], again)).toBe(0);
  expect(JSON.parse(again.out())).toEqual({ userPoolId: id, steps: [] });

  // A secret added to a client replaces it: refused without --allow-replace.
  const replace = memoryIo({ files: { "pool.yaml": documentYaml(`    - name: web
      explicitAuthFlows: [ALLOW_USER_SRP_AUTH, ALLOW_REFRESH_TOKEN_AUTH]
      generateSecret: true
    - name: reports`) } });
  expect(await runCli(["apply", "pool.yaml", "--user-pool-id", id, "--endpoint", moto.endpoint, "--yes"], replace)).toBe(1);
  expect(replace.err()).toContain("refused (replace-not-allowed)");
});

test("usage and read errors", async () => {
  const both = memoryIo({ files: { "pool.yaml": twoClients } });
  expect(await runCli(["apply", "pool.yaml", "--create", "--user-pool-id", "eu-west-1_abc"], both)).toBe(2);
  const missing = memoryIo();
  expect(await runCli(["pull", "--user-pool-id", "eu-west-1_doesnotexist", "--endpoint", moto.endpoint], missing)).toBe(1);
  expect(missing.err()).toContain("ResourceNotFoundException");
});

test("--role-arn assumes the role through STS (moto's STS on the same endpoint) before calling Cognito", async () => {
  const create = memoryIo({ files: { "pool.yaml": twoClients } });
  expect(await runCli(["apply", "pool.yaml", "--create", "--endpoint", moto.endpoint, "--yes", "--format", "json"], create)).toBe(0);
  const id = (JSON.parse(create.out()) as { userPoolId: string }).userPoolId;

  const pull = memoryIo();
  const code = await runCli(["pull", "--user-pool-id", id, "--endpoint", moto.endpoint, "--role-arn", "arn:aws:iam::123456789012:role/cognito-admin"], pull);
  expect(pull.err()).not.toContain("Error");
  expect(code).toBe(0);
  expect(pull.out()).toContain("name: cli-pool");

  // The Cognito client really uses the role's temporary credentials, not the environment's keys.
  const client = createCognitoClient({ region: "eu-west-1", endpoint: moto.endpoint, roleArn: "arn:aws:iam::123456789012:role/cognito-admin" });
  const credentials = await client.config.credentials();
  expect(credentials.accessKeyId).not.toBe("testing");
  expect(credentials.sessionToken).toBeTruthy();

  const bad = memoryIo();
  expect(await runCli(["pull", "--user-pool-id", id, "--endpoint", moto.endpoint, "--role-arn", "cognito-admin"], bad)).toBe(2);
  expect(bad.err()).toContain("--role-arn must be an IAM role ARN");
});

test("--applied FILE: a change of an identity provider's secretRef alone is planned and applied (the new secret is sent)", async () => {
  // The CLI reads provider secrets from its own environment (io.env; the process's when run for real).
  const env = { IDP_SECRET_OKTA_FIRST: "cli-okta-secret-first", IDP_SECRET_OKTA_SECOND: "cli-okta-secret-second" };
  const withSecret = (name: string) => `apiVersion: cognito-studio.dev/v1
kind: UserPool
metadata:
  name: cli-federated
spec:
  region: eu-west-1
  identityProviders:
    - providerName: Okta
      providerType: OIDC
      providerDetails:
        client_id: okta-client
        authorize_scopes: openid
        oidc_issuer: https://corp.okta.com
        attributes_request_method: GET
      secretRef:
        source: env
        name: ${name}
`;
  const files = { "applied.yaml": withSecret("IDP_SECRET_OKTA_FIRST"), "moved.yaml": withSecret("IDP_SECRET_OKTA_SECOND") };
  const create = memoryIo({ files, env });
  expect(await runCli(["apply", "applied.yaml", "--create", "--endpoint", moto.endpoint, "--yes", "--format", "json"], create)).toBe(0);
  const id = (JSON.parse(create.out()) as { userPoolId: string }).userPoolId;
  const liveSecret = async () => {
    const { DescribeIdentityProviderCommand } = await import("@aws-sdk/client-cognito-identity-provider");
    const client = createCognitoClient({ region: "eu-west-1", endpoint: moto.endpoint });
    return (await client.send(new DescribeIdentityProviderCommand({ UserPoolId: id, ProviderName: "Okta" }))).IdentityProvider?.ProviderDetails?.client_secret;
  };
  expect(await liveSecret()).toBe("cli-okta-secret-first");

  // Without the applied document the live pool cannot tell where its secret came from: no change.
  const blind = memoryIo({ files, env });
  expect(await runCli(["plan", "moved.yaml", "--user-pool-id", id, "--endpoint", moto.endpoint, "--detailed-exitcode"], blind)).toBe(0);
  // With it, the reference's change is an update of that provider (and a flagged security change).
  const planned = memoryIo({ files, env });
  expect(await runCli(["plan", "moved.yaml", "--user-pool-id", id, "--endpoint", moto.endpoint, "--applied", "applied.yaml", "--format", "json", "--detailed-exitcode"], planned)).toBe(2);
  const plan = JSON.parse(planned.out()) as { entries: { address: string; action: string; changes: { path: string }[] }[]; securityChanges: { code: string }[] };
  expect(plan.entries.filter((e) => e.action !== "noop").map((e) => [e.address, e.action, e.changes.map((c) => c.path)])).toEqual([['identity_provider["Okta"]', "update", ["secretRef"]]]);
  expect(plan.securityChanges.map((c) => c.code)).toEqual(["identity-provider-secret-changed"]);

  const apply = memoryIo({ files, env });
  expect(await runCli(["apply", "moved.yaml", "--user-pool-id", id, "--endpoint", moto.endpoint, "--applied", "applied.yaml", "--yes"], apply)).toBe(0);
  expect(await liveSecret()).toBe("cli-okta-secret-second");
  expect(apply.out()).not.toContain("cli-okta-secret");

  const misuse = memoryIo({ files, env });
  expect(await runCli(["plan", "applied.yaml", "moved.yaml", "--applied", "applied.yaml"], misuse)).toBe(2);
  expect(misuse.err()).toContain("--applied is only used with --user-pool-id");
});
