/**
 * Threat protection settings and log delivery through plan, apply, read-back and re-plan, against moto with the
 * repository's extension (test/support/moto_ext/: moto 5.2 lacks SetRiskConfiguration, DescribeRiskConfiguration,
 * SetLogDeliveryConfiguration and GetLogDeliveryConfiguration). The extension's behaviour is modelled from the API
 * reference, not observed on AWS:
 * https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_SetRiskConfiguration.html
 * https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_DescribeRiskConfiguration.html
 * https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_SetLogDeliveryConfiguration.html
 */
import { DescribeRiskConfigurationCommand } from "@aws-sdk/client-cognito-identity-provider";
import { expect, test } from "vitest";
import { useMotoCognito } from "@/test/support/moto-cognito";
import { readLivePool } from "../aws/read-live-pool";
import type { PoolDocument } from "../spec/document-schema";
import { validatePoolDocument } from "../spec/validate";
import { planAgainstLive, planAndApply } from "../../../test/support/apply-testing";

const REGION = "eu-west-1";
const moto = useMotoCognito(REGION);

const SES = "arn:aws:ses:eu-west-1:123456789012:identity/shop.test";
const LOG_GROUP = "arn:aws:logs:eu-west-1:123456789012:log-group:/aws/vendedlogs/cognito/shop";

let counter = 0;
function plusPool(): PoolDocument {
  counter++;
  return {
    apiVersion: "cognito-studio.dev/v1",
    kind: "UserPool",
    metadata: { name: `risk-logs-${counter}` },
    spec: {
      region: REGION,
      userPoolTier: "PLUS",
      userPoolAddOns: { advancedSecurityMode: "ENFORCED" },
      clients: [{ name: "web" }, { name: "admin" }],
      riskConfiguration: {
        compromisedCredentialsRiskConfiguration: { eventFilter: ["SIGN_IN", "PASSWORD_CHANGE"], actions: { eventAction: "BLOCK" } },
        accountTakeoverRiskConfiguration: {
          notifyConfiguration: {
            from: "security@shop.test",
            sourceArn: SES,
            blockEmail: { subject: "Blocked sign-in", textBody: "We blocked a sign-in to your account." },
          },
          actions: {
            lowAction: { notify: false, eventAction: "NO_ACTION" },
            mediumAction: { notify: true, eventAction: "MFA_IF_CONFIGURED" },
            highAction: { notify: true, eventAction: "BLOCK" },
          },
        },
        riskExceptionConfiguration: { blockedIPRangeList: ["192.0.2.0/24"], skippedIPRangeList: ["2001:db8::/32"] },
        clients: [{ clientName: "admin", riskExceptionConfiguration: { skippedIPRangeList: ["198.51.100.7/32"] } }],
      },
      logDeliveryConfiguration: {
        logConfigurations: [
          { eventSource: "userNotification", logLevel: "ERROR", cloudWatchLogsConfiguration: { logGroupArn: LOG_GROUP } },
          { eventSource: "userAuthEvents", logLevel: "INFO", s3Configuration: { bucketArn: "arn:aws:s3:::shop-auth-logs" } },
        ],
      },
    },
  };
}

async function expectConverged(doc: PoolDocument, userPoolId: string) {
  const plan = await planAgainstLive(moto.port, doc, userPoolId);
  expect(plan.errors).toEqual([]);
  expect(plan.entries.filter((e) => e.action !== "noop").map((e) => `${e.address} ${e.action} ${JSON.stringify(e.changes)}`)).toEqual([]);
}

test("a new Plus pool gets its threat protection settings and log delivery; read back, it plans no change", async () => {
  const doc = plusPool();
  expect(validatePoolDocument(doc).diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  const { plan, result } = await planAndApply(moto.port, doc);
  expect(plan.entries.filter((e) => e.type === "riskConfiguration" || e.type === "logDelivery").map((e) => `${e.address} ${e.action}`)).toEqual([
    "risk_configuration create",
    'risk_configuration["admin"] create',
    "log_delivery create",
  ]);
  expect(result.steps.filter((s) => s.outcome !== "ok")).toEqual([]);
  const userPoolId = result.userPoolId!;
  await expectConverged(doc, userPoolId);

  // The client without settings of its own is answered with the pool's (no ClientId), as the API reference says.
  const { ClientId: webId } = (await moto.port.listUserPoolClients(userPoolId)).items.find((c) => c.ClientName === "web")!;
  const web = await moto.sdk.send(new DescribeRiskConfigurationCommand({ UserPoolId: userPoolId, ClientId: webId }));
  expect(web.RiskConfiguration?.ClientId).toBeUndefined();
  expect(web.RiskConfiguration?.RiskExceptionConfiguration?.BlockedIPRangeList).toEqual(["192.0.2.0/24"]);
});

test("an update sends the settings whole: a part left out goes back to AWS's default, and a client's own settings can go", async () => {
  const doc = plusPool();
  const { result } = await planAndApply(moto.port, doc);
  const userPoolId = result.userPoolId!;

  const next = structuredClone(doc);
  const risk = next.spec.riskConfiguration!;
  delete risk.compromisedCredentialsRiskConfiguration;
  risk.accountTakeoverRiskConfiguration!.actions.highAction = { notify: true, eventAction: "MFA_REQUIRED" };
  risk.clients = [];
  next.spec.logDeliveryConfiguration = { logConfigurations: [next.spec.logDeliveryConfiguration!.logConfigurations[0]!] };

  const plan = await planAgainstLive(moto.port, next, userPoolId);
  const pool = plan.entries.find((e) => e.address === "risk_configuration")!;
  expect(pool.action).toBe("update");
  expect(pool.changes.map((c) => `${c.path}${c.resetsToDefault ? " (reset)" : ""}`)).toEqual([
    "accountTakeoverRiskConfiguration.actions.highAction.eventAction",
    "compromisedCredentialsRiskConfiguration.actions.eventAction (reset)",
    "compromisedCredentialsRiskConfiguration.eventFilter (reset)",
  ]);
  expect(plan.entries.find((e) => e.address === 'risk_configuration["admin"]')?.action).toBe("delete");
  expect(plan.entries.find((e) => e.address === "log_delivery")?.changes.map((c) => c.path)).toEqual(['logConfigurations["userAuthEvents"]']);
  // Settings, not resources: nothing here is destroyed, so nothing needs the typed confirmation.
  expect(plan.worstImpact.level).toBe("in-place");

  const { result: second } = await planAndApply(moto.port, next, userPoolId);
  expect(second.steps.filter((s) => s.outcome !== "ok")).toEqual([]);
  await expectConverged(next, userPoolId);
});

test("a design that leaves both settings out never touches them, nor reads them; a pull reads them back", async () => {
  const doc = plusPool();
  const { result } = await planAndApply(moto.port, doc);
  const userPoolId = result.userPoolId!;
  const unmanaged = structuredClone(doc);
  delete unmanaged.spec.riskConfiguration;
  delete unmanaged.spec.logDeliveryConfiguration;
  const before = { ...moto.port.calls };
  await expectConverged(unmanaged, userPoolId);
  const read = (op: string) => (moto.port.calls[op as keyof typeof moto.port.calls] ?? 0) - (before[op as keyof typeof before] ?? 0);
  expect([read("GetLogDeliveryConfiguration"), read("DescribeRiskConfiguration")]).toEqual([0, 0]);

  const pulled = await readLivePool(moto.port, userPoolId);
  expect(pulled.document.spec.riskConfiguration).toEqual(doc.spec.riskConfiguration);
  expect(pulled.document.spec.logDeliveryConfiguration).toEqual(doc.spec.logDeliveryConfiguration);
});
