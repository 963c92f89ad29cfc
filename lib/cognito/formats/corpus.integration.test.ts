/**
 * The real-world corpus (test/fixtures/corpus) applied to a real moto server through the apply path the CLI and
 * the server use, read back, and planned again: the plan must be empty. Each pool is imported with the inputs a
 * person would supply and, where the file leaves gaps no input fills, the values typed in the editor (entry.fill),
 * exactly as the corpus unit test builds the document it round-trips.
 *
 * No Region is supplied at import: a design whose files name none takes the target's (the moto port's) when
 * planned and applied; one whose Terraform provider names a Region is applied to a target in that Region.
 * Identity provider secrets come from where the design points: an environment variable set on the server that
 * applies, or a Secrets Manager secret the template itself creates (made here in moto, as the stack would).
 *
 * Entries that do not apply on moto are listed in NOT_APPLIED with the reason, and a test checks that the reason
 * still holds, so an entry that starts to apply is noticed and moved.
 */
import { CreateSecretCommand, SecretsManagerClient } from "@aws-sdk/client-secrets-manager";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { corpusEntries, corpusFiles, fillDraft, type CorpusEntry } from "../../../test/support/corpus";
import { startMoto, type MotoServer } from "../../../test/support/moto";
import { applyPlan } from "../apply/apply-plan";
import { planAgainstLive } from "@/test/support/apply-testing";
import { motoCognito } from "@/test/support/moto-cognito";
import { createSecretResolver } from "../aws/secret-resolver";
import { type PoolDocument, poolDocumentSchema } from "../spec/document-schema";
import { importFiles } from "./index";

/** The target's Region when the design names none. */
const TARGET_REGION = "eu-west-1";
/** The Google client secret goldstack-user-management is pointed at once its literal is left out (entry.fill). */
const SERVER_ENV = { IDP_SECRET_GOOGLE: "GOCSPX-corpus-goldstack-3c9e1f", STUDIO_SECRET_NAME_PREFIX: "*" };
/** The Secrets Manager secret cdk-idp-google's template creates (AWS::SecretsManager::Secret, Name GoogleClientSecretValueName). */
const CDK_GOOGLE_SECRET = { Name: "GoogleClientSecretValueName", SecretString: "GOCSPX-corpus-cdk-7a2d4b" };

/**
 * Entries that do not apply and re-plan empty on moto, and where they stop. None today: the mineiros defaults
 * (MFA OPTIONAL with TOTP and an SMS message but no SMS configuration) apply since SMS MFA is its own switch and
 * SmsMfaConfiguration is sent only with its SMS configuration; goldstack's custom domain re-plans empty since the
 * moto extension answers CustomDomainConfig (test/support/moto_ext/domains.py).
 */
type Stop = { at: "apply"; resource: string; message: string } | { at: "re-plan"; address: string; path: string };
const NOT_APPLIED: Record<string, Stop> = {};

let moto: MotoServer;

beforeAll(async () => {
  moto = await startMoto();
  const { connection } = motoCognito(moto.endpoint, TARGET_REGION);
  await new SecretsManagerClient(connection).send(new CreateSecretCommand(CDK_GOOGLE_SECRET));
});
afterAll(async () => {
  await moto?.stop();
});

/** The document the corpus unit test round-trips: the import's own, or the draft with entry.fill typed in. */
async function documentOf(entry: CorpusEntry): Promise<PoolDocument> {
  const [pool] = (await importFiles({ files: corpusFiles(entry), format: entry.format, ...entry.supply })).pools;
  if (entry.roundTrip) {
    expect(pool?.document, JSON.stringify(pool?.diagnostics ?? [])).toBeDefined();
    return pool!.document!;
  }
  return poolDocumentSchema.parse(fillDraft(pool!.draft, entry.fill ?? {}));
}

/** Plans against nothing, applies through the SDK to moto in the design's Region (else the target's). */
async function apply(doc: PoolDocument) {
  const { port, connection } = motoCognito(moto.endpoint, doc.spec.region ?? TARGET_REGION);
  const plan = await planAgainstLive(port, doc);
  const result = await applyPlan(plan, port, { desired: doc, resolveSecret: createSecretResolver(connection, SERVER_ENV) });
  return { port, plan, result };
}

const entries = corpusEntries();
const applied = entries.filter((e) => !Object.hasOwn(NOT_APPLIED, e.id));

test("every corpus entry is applied or listed with the reason it is not, and most apply", () => {
  expect(Object.keys(NOT_APPLIED).filter((id) => !entries.some((e) => e.id === id))).toEqual([]);
  expect(applied.length).toBeGreaterThanOrEqual(20);
  expect(new Set(applied.map((e) => e.id.split("/")[0]))).toEqual(new Set(["terraform", "cloudformation", "cdk"]));
});

describe.each(applied.map((e) => [e.id, e] as const))("%s on moto", (_id, entry) => {
  test("applies, and plans empty against what it created", async () => {
    const doc = await documentOf(entry);
    const { port, plan, result } = await apply(doc);
    expect(plan.errors).toEqual([]);
    expect(result.steps.filter((s) => s.outcome !== "ok")).toEqual([]);
    expect(result.userPoolId).toBeTruthy();
    const again = await planAgainstLive(port, doc, result.userPoolId);
    expect(again.entries.filter((e) => e.action !== "noop").map((e) => `${e.address} ${JSON.stringify(e.changes)}`)).toEqual([]);
  });
});

describe.each(Object.entries(NOT_APPLIED))("%s on moto", (id, stop) => {
  test(`still stops at the ${stop.at} for the reason given`, async () => {
    const doc = await documentOf(entries.find((e) => e.id === id)!);
    const { port, result } = await apply(doc);
    if (stop.at === "apply") {
      expect(result.steps.find((s) => s.outcome === "failed")).toMatchObject({ resource: stop.resource, error: { message: stop.message } });
      return;
    }
    expect(result.steps.filter((s) => s.outcome !== "ok")).toEqual([]);
    const again = await planAgainstLive(port, doc, result.userPoolId);
    const changed = again.entries.filter((e) => e.action !== "noop");
    expect(changed.map((e) => [e.address, e.changes.map((c) => c.path)])).toEqual([[stop.address, [stop.path]]]);
  });
});
