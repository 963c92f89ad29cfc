/**
 * `preflight` and the preflight step of `apply` through runCli against a real moto server (Lambda, IAM and
 * Cognito on one endpoint; credentials from the environment).
 */
import { afterAll, beforeAll, expect, test, vi } from "vitest";
import { runBoto3 } from "../../test/support/boto3";
import { startMoto, type MotoServer } from "../../test/support/moto";
import { runCli } from "../main";
import { memoryIo } from "@/test/support/cli-io";

const REGION = "eu-west-1";
let moto: MotoServer;
let functionArn: string;

beforeAll(async () => {
  moto = await startMoto();
  vi.stubEnv("AWS_ACCESS_KEY_ID", "testing");
  vi.stubEnv("AWS_SECRET_ACCESS_KEY", "testing");
  functionArn = await runBoto3<string>(
    moto.endpoint,
    REGION,
    `
import io, json, zipfile
role = client("iam").create_role(RoleName="exec", AssumeRolePolicyDocument=json.dumps({"Statement": [{"Effect": "Allow", "Principal": {"Service": "lambda.amazonaws.com"}, "Action": "sts:AssumeRole"}]}))["Role"]["Arn"]
buf = io.BytesIO()
with zipfile.ZipFile(buf, "w") as z:
    z.writestr("index.py", "def handler(e, c):\\n    return e\\n")
result = client("lambda").create_function(FunctionName="pre-sign-up", Runtime="python3.12", Role=role, Handler="index.handler", Code={"ZipFile": buf.getvalue()})["FunctionArn"]
`,
  );
});
afterAll(async () => {
  vi.unstubAllEnvs();
  await moto?.stop();
});

const poolYaml = () => `apiVersion: cognito-studio.dev/v1
kind: UserPool
metadata:
  name: preflight-cli
spec:
  region: ${REGION}
  lambdaConfig:
    preSignUp: ${functionArn}
  clients:
    - name: web
`;

async function poolCount(): Promise<number> {
  return runBoto3<number>(moto.endpoint, REGION, `result = len(client("cognito-idp").list_user_pools(MaxResults=60)["UserPools"])`);
}

test("preflight reports the missing invoke permission; apply refuses before creating anything; with the permission both pass", async () => {
  const check = memoryIo({ files: { "pool.yaml": poolYaml() } });
  expect(await runCli(["preflight", "pool.yaml", "--endpoint", moto.endpoint, "--format", "json"], check)).toBe(1);
  const report = JSON.parse(check.out()) as { blocked: boolean; results: { code: string; path: string; fix: string; awsErrorWithout: string }[] };
  expect(report.blocked).toBe(true);
  expect(report.results.map((r) => [r.code, r.path])).toEqual([
    ["aws-credentials-ok", ""],
    ["lambda-not-invokable", "spec.lambdaConfig.preSignUp"],
  ]);
  expect(report.results[1]?.fix).toContain("add-permission");
  expect(report.results[1]?.awsErrorWithout).toContain("UnexpectedLambdaException");

  const text = memoryIo({ files: { "pool.yaml": poolYaml() } });
  expect(await runCli(["preflight", "pool.yaml", "--endpoint", moto.endpoint], text)).toBe(1);
  expect(text.out()).toMatch(/^FAIL lambda-not-invokable {2}spec\.lambdaConfig\.preSignUp$/mu);
  expect(text.out()).toContain("Apply is blocked.");

  const apply = memoryIo({ files: { "pool.yaml": poolYaml() } });
  expect(await runCli(["apply", "pool.yaml", "--create", "--yes", "--endpoint", moto.endpoint], apply)).toBe(1);
  expect(apply.err()).toContain("refused (preflight-failed)");
  expect(await poolCount()).toBe(0);

  await runBoto3(moto.endpoint, REGION, `client("lambda").add_permission(FunctionName="pre-sign-up", StatementId="cognito", Action="lambda:InvokeFunction", Principal="cognito-idp.amazonaws.com")`);
  const ok = memoryIo({ files: { "pool.yaml": poolYaml() } });
  expect(await runCli(["preflight", "pool.yaml", "--endpoint", moto.endpoint], ok)).toBe(0);
  expect(ok.out()).toContain("ok   lambda-ok");

  const applied = memoryIo({ files: { "pool.yaml": poolYaml() } });
  expect(await runCli(["apply", "pool.yaml", "--create", "--yes", "--endpoint", moto.endpoint, "--format", "json"], applied)).toBe(0);
  const id = (JSON.parse(applied.out()) as { userPoolId: string }).userPoolId;
  expect(await poolCount()).toBe(1);

  // With the pool: --user-pool-id reads its ARN, against which the (unscoped) permission still holds.
  const withPool = memoryIo({ files: { "pool.yaml": poolYaml() } });
  expect(await runCli(["preflight", "pool.yaml", "--user-pool-id", id, "--endpoint", moto.endpoint, "--format", "json"], withPool)).toBe(0);
  expect((JSON.parse(withPool.out()) as { results: { code: string }[] }).results.map((r) => r.code)).toEqual(["aws-credentials-ok", "lambda-ok"]);
});

test("usage errors and an invalid document", async () => {
  const none = memoryIo();
  expect(await runCli(["preflight"], none)).toBe(2);
  const invalid = memoryIo({ files: { "bad.yaml": "apiVersion: cognito-studio.dev/v1\nkind: UserPool\nmetadata: { name: x }\nspec: { region: nowhere }\n" } });
  expect(await runCli(["preflight", "bad.yaml", "--endpoint", moto.endpoint], invalid)).toBe(1);
  expect(invalid.err()).toContain("spec.region");
});
