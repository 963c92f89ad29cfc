/**
 * Preflight against a real moto server (ACM, SESv2, IAM, Lambda GetFunction/GetPolicy, KMS): every
 * dependency set up right and wrong with boto3, then checked through the SDK-backed port; and an apply
 * whose preflight fails makes no Cognito call at all. (moto marks every SES identity as verified, so the
 * "not verified" case is in preflight.test.ts with a port stub.)
 */
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { runBoto3 } from "../../../test/support/boto3";
import { startMoto, type MotoServer } from "../../../test/support/moto";
import { ApplyRefusedError, applyPlan } from "../apply/apply-plan";
import { createSdkPort } from "../aws/sdk-port";
import { planChanges } from "../plan/plan-changes";
import type { PoolDocument } from "../spec/document-schema";
import type { PoolSpec } from "../spec/pool-schema";
import { runPreflight } from "./run-preflight";
import { createSdkPreflightPort } from "./sdk-preflight-port";
import type { PreflightPort } from "./types";

const REGION = "eu-west-1";
const POOL_ARN = `arn:aws:cognito-idp:${REGION}:123456789012:userpool/${REGION}_Abc123`;
const OTHER_POOL_ARN = `arn:aws:cognito-idp:${REGION}:123456789012:userpool/${REGION}_Other9`;
let moto: MotoServer;
let port: PreflightPort;
let connection: { region: string; endpoint: string; credentials: { accessKeyId: string; secretAccessKey: string } };

interface Setup {
  certWildcard: string;
  certExact: string;
  certOther: string;
  certPending: string;
  roleTrusted: string;
  roleNoExternalId: string;
  roleNoPublish: string;
  roleLambdaOnly: string;
  fnOpen: string;
  fnScoped: string;
  fnNoPolicy: string;
  keyEnabled: string;
  keyDisabled: string;
  keyAsymmetric: string;
}
let setup: Setup;

const SETUP = `
import io, json, zipfile, datetime
from cryptography import x509
from cryptography.x509.oid import NameOID
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa

def certificate(name, sans):
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    subject = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, name)])
    now = datetime.datetime.now(datetime.timezone.utc)
    cert = (x509.CertificateBuilder().subject_name(subject).issuer_name(subject).public_key(key.public_key())
        .serial_number(x509.random_serial_number()).not_valid_before(now - datetime.timedelta(days=1))
        .not_valid_after(now + datetime.timedelta(days=90))
        .add_extension(x509.SubjectAlternativeName([x509.DNSName(n) for n in sans]), critical=False)
        .sign(key, hashes.SHA256()))
    pem = cert.public_bytes(serialization.Encoding.PEM)
    private = key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.TraditionalOpenSSL, serialization.NoEncryption())
    return client("acm", "us-east-1").import_certificate(Certificate=pem, PrivateKey=private)["CertificateArn"]

acm = client("acm", "us-east-1")
result = {
    "certWildcard": certificate("example.com", ["example.com", "*.example.com"]),
    "certExact": certificate("login.example.org", ["login.example.org"]),
    "certOther": certificate("other.example.net", ["other.example.net"]),
    # Requested, never validated: PENDING_VALIDATION (moto validates after 60 s).
    "certPending": acm.request_certificate(DomainName="pending.example.com")["CertificateArn"],
}

ses = client("sesv2")
ses.create_email_identity(EmailIdentity="example.com")
ses.create_email_identity(EmailIdentity="sender@example.org")
client("sesv2", "us-east-1").create_email_identity(EmailIdentity="useast.example.com")

iam = client("iam", "us-east-1")
def role(name, statement):
    return iam.create_role(RoleName=name, AssumeRolePolicyDocument=json.dumps({"Version": "2012-10-17", "Statement": [statement]}))["Role"]["Arn"]
result["roleTrusted"] = role("sms-trusted", {"Effect": "Allow", "Principal": {"Service": "cognito-idp.amazonaws.com"}, "Action": "sts:AssumeRole", "Condition": {"StringEquals": {"sts:ExternalId": "pool-external-id"}}})
result["roleNoExternalId"] = role("sms-open", {"Effect": "Allow", "Principal": {"Service": "cognito-idp.amazonaws.com"}, "Action": "sts:AssumeRole"})
publish = json.dumps({"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "sns:Publish", "Resource": "*"}]})
iam.put_role_policy(RoleName="sms-trusted", PolicyName="publish", PolicyDocument=publish)
managed = iam.create_policy(PolicyName="sms-publish", PolicyDocument=publish)["Policy"]["Arn"]
iam.attach_role_policy(RoleName="sms-open", PolicyArn=managed)
result["roleNoPublish"] = role("sms-no-publish", {"Effect": "Allow", "Principal": {"Service": "cognito-idp.amazonaws.com"}, "Action": "sts:AssumeRole", "Condition": {"StringEquals": {"sts:ExternalId": "pool-external-id"}}})
result["roleLambdaOnly"] = role("lambda-exec", {"Effect": "Allow", "Principal": {"Service": "lambda.amazonaws.com"}, "Action": "sts:AssumeRole"})

buf = io.BytesIO()
with zipfile.ZipFile(buf, "w") as z:
    z.writestr("index.py", "def handler(event, context):\\n    return event\\n")
lam = client("lambda")
def function(name):
    return lam.create_function(FunctionName=name, Runtime="python3.12", Role=result["roleLambdaOnly"], Handler="index.handler", Code={"ZipFile": buf.getvalue()})["FunctionArn"]
result["fnOpen"] = function("trigger-open")
lam.add_permission(FunctionName="trigger-open", StatementId="cognito", Action="lambda:InvokeFunction", Principal="cognito-idp.amazonaws.com")
result["fnScoped"] = function("trigger-scoped")
lam.add_permission(FunctionName="trigger-scoped", StatementId="cognito", Action="lambda:InvokeFunction", Principal="cognito-idp.amazonaws.com", SourceArn=args["poolArn"])
result["fnNoPolicy"] = function("trigger-no-policy")

kms = client("kms")
result["keyEnabled"] = kms.create_key(Description="sender")["KeyMetadata"]["Arn"]
disabled = kms.create_key(Description="disabled")["KeyMetadata"]
kms.disable_key(KeyId=disabled["KeyId"])
result["keyDisabled"] = disabled["Arn"]
result["keyAsymmetric"] = kms.create_key(KeySpec="RSA_2048", KeyUsage="SIGN_VERIFY")["KeyMetadata"]["Arn"]
`;

beforeAll(async () => {
  moto = await startMoto();
  connection = { region: REGION, endpoint: moto.endpoint, credentials: { accessKeyId: "testing", secretAccessKey: "testing" } };
  // The dependency checks below are read without the credentials check, which has its own test at the end.
  const { callerIdentity: _, ...dependencyReads } = createSdkPreflightPort(connection);
  port = dependencyReads;
  setup = await runBoto3<Setup>(moto.endpoint, REGION, SETUP, { poolArn: POOL_ARN });
});
afterAll(async () => {
  await moto?.stop();
});

const doc = (spec: Omit<PoolSpec, "region">): PoolDocument => ({ apiVersion: "cognito-studio.dev/v1", kind: "UserPool", metadata: { name: "preflight" }, spec: { region: REGION, ...spec } });

/** The report as `code@path` lines, in order. */
async function codes(spec: Omit<PoolSpec, "region">, userPoolArn?: string): Promise<string[]> {
  const report = await runPreflight(doc(spec), port, userPoolArn ? { userPoolArn } : {});
  return report.results.map((r) => `${r.code}@${r.path.replace(/^spec\./u, "")}`);
}

describe("custom domain certificate (ACM, us-east-1)", () => {
  test.each([
    ["a wildcard SAN covers a subdomain", "auth.example.com", "certWildcard", "certificate-ok"],
    ["an exact SAN", "login.example.org", "certExact", "certificate-ok"],
    ["a wildcard covers one label only", "a.auth.example.com", "certWildcard", "certificate-domain-mismatch"],
    ["a certificate for another name", "auth.example.com", "certOther", "certificate-domain-mismatch"],
    ["a certificate still pending validation", "pending.example.com", "certPending", "certificate-not-issued"],
  ] as const)("%s", async (_, domain, cert, code) => {
    expect(await codes({ domain: { domain, certificateArn: setup[cert] } })).toEqual([`${code}@domain.certificateArn`]);
  });

  test("a certificate that does not exist", async () => {
    const missing = setup.certWildcard.replace(/certificate\/.*/u, "certificate/00000000-0000-0000-0000-000000000000");
    expect(await codes({ domain: { domain: "auth.example.com", certificateArn: missing } })).toEqual(["certificate-not-found@domain.certificateArn"]);
  });

  test("a certificate outside us-east-1 is refused without a call", async () => {
    const elsewhere = setup.certWildcard.replace(":us-east-1:", ":eu-west-1:");
    expect(await codes({ domain: { domain: "auth.example.com", certificateArn: elsewhere } })).toEqual(["certificate-wrong-region@domain.certificateArn"]);
  });

  test("a prefix domain needs no certificate", async () => {
    expect(await codes({ domain: { domain: "my-prefix" } })).toEqual([]);
  });
});

describe("DEVELOPER email (SES)", () => {
  const developer = (sourceArn: string, from?: string) => ({ emailConfiguration: { emailSendingAccount: "DEVELOPER" as const, sourceArn, ...(from ? { from } : {}) } });
  const ses = (region: string, identity: string) => `arn:aws:ses:${region}:123456789012:identity/${identity}`;

  test("a verified domain identity in the pool's region with a From address on it", async () => {
    expect(await codes(developer(ses(REGION, "example.com"), "Shop <no-reply@mail.example.com>"))).toEqual(["email-identity-ok@emailConfiguration.sourceArn"]);
  });
  test("a verified address identity and From that address", async () => {
    expect(await codes(developer(ses(REGION, "sender@example.org"), "sender@example.org"))).toEqual(["email-identity-ok@emailConfiguration.sourceArn"]);
  });
  test("a From address outside the identity", async () => {
    expect(await codes(developer(ses(REGION, "example.com"), "Shop <no-reply@example.net>"))).toEqual([
      "email-identity-ok@emailConfiguration.sourceArn",
      "email-from-not-in-identity@emailConfiguration.from",
    ]);
  });
  test("an identity that does not exist", async () => {
    expect(await codes(developer(ses(REGION, "nowhere.example.com")))).toEqual(["email-identity-not-found@emailConfiguration.sourceArn"]);
  });
  test("an identity in another region than the pool's", async () => {
    expect(await codes(developer(ses("us-east-1", "useast.example.com")))).toEqual(["email-identity-ok@emailConfiguration.sourceArn", "email-region-differs@emailConfiguration.sourceArn"]);
  });
  test("COGNITO_DEFAULT email is not checked", async () => {
    expect(await codes({ emailConfiguration: { emailSendingAccount: "COGNITO_DEFAULT" } })).toEqual([]);
  });
});

describe("SMS role (IAM)", () => {
  test("trusted with the pool's external id", async () => {
    expect(await codes({ smsConfiguration: { snsCallerArn: setup.roleTrusted, externalId: "pool-external-id" } })).toEqual(["sms-role-ok@smsConfiguration.snsCallerArn"]);
  });
  test("trusted, but the pool sends another external id", async () => {
    expect(await codes({ smsConfiguration: { snsCallerArn: setup.roleTrusted, externalId: "something-else" } })).toEqual(["sms-role-external-id-mismatch@smsConfiguration.externalId"]);
  });
  test("trusted, but without permission to publish SMS", async () => {
    expect(await codes({ smsConfiguration: { snsCallerArn: setup.roleNoPublish, externalId: "pool-external-id" } })).toEqual(["sms-role-cannot-publish@smsConfiguration.snsCallerArn"]);
  });
  test("trusted without an external id condition (publishing through an attached managed policy): works, with a warning", async () => {
    const report = await runPreflight(doc({ smsConfiguration: { snsCallerArn: setup.roleNoExternalId, externalId: "x" } }), port);
    expect(report.results.map((r) => [r.code, r.outcome])).toEqual([["sms-role-no-external-id-condition", "warn"]]);
    expect(report.blocked).toBe(false);
  });
  test("a role Cognito may not assume", async () => {
    expect(await codes({ smsConfiguration: { snsCallerArn: setup.roleLambdaOnly } })).toEqual(["sms-role-not-trusted@smsConfiguration.snsCallerArn"]);
  });
  test("a role that does not exist", async () => {
    expect(await codes({ smsConfiguration: { snsCallerArn: "arn:aws:iam::123456789012:role/service-role/no-such-role" } })).toEqual(["sms-role-not-found@smsConfiguration.snsCallerArn"]);
  });
});

describe("Lambda triggers", () => {
  test("a permission for any pool", async () => {
    expect(await codes({ lambdaConfig: { preSignUp: setup.fnOpen } })).toEqual(["lambda-ok@lambdaConfig.preSignUp"]);
  });
  test("a permission scoped to this pool", async () => {
    expect(await codes({ lambdaConfig: { postConfirmation: setup.fnScoped } }, POOL_ARN)).toEqual(["lambda-ok@lambdaConfig.postConfirmation"]);
  });
  test("a permission scoped to another pool", async () => {
    expect(await codes({ lambdaConfig: { postConfirmation: setup.fnScoped } }, OTHER_POOL_ARN)).toEqual(["lambda-permission-other-pool@lambdaConfig.postConfirmation"]);
  });
  test("a scoped permission before the pool exists cannot be confirmed (warning)", async () => {
    const report = await runPreflight(doc({ lambdaConfig: { postConfirmation: setup.fnScoped } }), port);
    expect(report.results.map((r) => [r.code, r.outcome, r.blocking])).toEqual([["lambda-permission-unconfirmed", "warn", false]]);
  });
  test("a function without a resource policy", async () => {
    expect(await codes({ lambdaConfig: { customMessage: setup.fnNoPolicy } })).toEqual(["lambda-not-invokable@lambdaConfig.customMessage"]);
  });
  test("a function that does not exist; versioned triggers are checked by their lambdaArn", async () => {
    const missing = setup.fnOpen.replace("trigger-open", "no-such-function");
    expect(
      await codes({ lambdaConfig: { preAuthentication: missing, preTokenGenerationConfig: { lambdaVersion: "V2_0", lambdaArn: setup.fnOpen } } }),
    ).toEqual(["lambda-not-found@lambdaConfig.preAuthentication", "lambda-ok@lambdaConfig.preTokenGenerationConfig.lambdaArn"]);
  });
});

describe("custom sender KMS key", () => {
  const sender = (kmsKeyId?: string) => ({ lambdaConfig: { customEmailSender: { lambdaVersion: "V1_0" as const, lambdaArn: setup.fnOpen }, ...(kmsKeyId ? { kmsKeyId } : {}) } });
  test.each([
    ["an enabled symmetric key", "keyEnabled", "kms-key-ok"],
    ["a disabled key", "keyDisabled", "kms-key-disabled"],
    ["an asymmetric signing key", "keyAsymmetric", "kms-key-wrong-type"],
  ] as const)("%s", async (_, key, code) => {
    expect(await codes(sender(setup[key]))).toEqual(["lambda-ok@lambdaConfig.customEmailSender.lambdaArn", `${code}@lambdaConfig.kmsKeyId`]);
  });
  test("a key that does not exist", async () => {
    expect(await codes(sender(`arn:aws:kms:${REGION}:123456789012:key/00000000-0000-0000-0000-000000000000`))).toContain("kms-key-not-found@lambdaConfig.kmsKeyId");
  });
  test("no key at all", async () => {
    expect(await codes(sender())).toContain("kms-key-missing@lambdaConfig.kmsKeyId");
  });
});

describe("apply", () => {
  test("a blocking preflight result stops the apply before the first Cognito call", async () => {
    const cognito = createSdkPort(connection, { rateLimit: "off" });
    const desired = doc({ lambdaConfig: { preSignUp: setup.fnNoPolicy }, clients: [{ name: "web" }] });
    const plan = planChanges(null, desired);
    const refused = await applyPlan(plan, cognito, { desired, preflight: { port } }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ApplyRefusedError);
    expect((refused as ApplyRefusedError).code).toBe("preflight-failed");
    expect((refused as ApplyRefusedError).preflight?.results.map((r) => r.code)).toEqual(["lambda-not-invokable"]);
    expect(cognito.totalCalls()).toBe(0);
  });

  test("passing (and warning) checks let the apply run and come back with the result", async () => {
    const cognito = createSdkPort(connection, { rateLimit: "off" });
    const desired = doc({ lambdaConfig: { preSignUp: setup.fnOpen }, smsConfiguration: { snsCallerArn: setup.roleNoExternalId }, clients: [{ name: "web" }] });
    const result = await applyPlan(planChanges(null, desired), cognito, { desired, preflight: { port } });
    expect(result.ok).toBe(true);
    expect(result.preflight?.results.map((r) => r.code)).toEqual(["sms-role-no-external-id-condition", "lambda-ok"]);
    expect(cognito.calls.CreateUserPool).toBe(1);
  });
});

describe("the server's AWS credentials (STS GetCallerIdentity)", () => {
  test("with credentials, preflight passes and names who the server acts as", async () => {
    const report = await runPreflight(doc({}), createSdkPreflightPort(connection));
    expect(report.results.map((r) => [r.code, r.outcome])).toEqual([["aws-credentials-ok", "pass"]]);
    // moto answers GetCallerIdentity for its default account and user.
    expect(report.results[0].message).toMatch(/^The server acts as arn:aws:(iam|sts)::\d{12}:\S+ \(account \d{12}\)\.$/u);
  });
});
