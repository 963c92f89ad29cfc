/**
 * Three pools of the real-world corpus (test/fixtures/corpus), one of each kind, imported with the inputs a
 * person would supply, applied to a real moto server through the apply path the CLI and the server use, read
 * back, and planned again: the plan must be empty. None of the files names a Region: the Terraform design is
 * imported without one and takes the target's (the moto port's) when planned and applied; the templates are
 * imported with the target's Region given, as when a person picks the target at import.
 */
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { corpusEntries, corpusFiles } from "../../../test/support/corpus";
import { startMoto, type MotoServer } from "../../../test/support/moto";
import { planAgainstLive, planAndApply } from "../apply/testing";
import { motoCognito } from "../aws/moto-compat.testing";
import type { SdkPort } from "../aws/sdk-port";
import { importFiles } from "./index";

const REGION = "eu-west-1";
const APPLIED = ["terraform/sp-apigw-bedrock", "cloudformation/mechanicalrock-sso-azure-excerpt", "cdk/cdk-resource-server"];

let moto: MotoServer;
let port: SdkPort;

beforeAll(async () => {
  moto = await startMoto();
  ({ port } = motoCognito(moto.endpoint, REGION));
});
afterAll(async () => {
  await moto?.stop();
});

describe.each(APPLIED)("%s on moto", (id) => {
  const entry = corpusEntries().find((e) => e.id === id);
  if (!entry) throw new Error(`no corpus entry ${id}`);

  test("applies, and plans empty against what it created", async () => {
    const region = entry.format === "cloudformation" ? { region: REGION } : {};
    const [pool] = (await importFiles({ files: corpusFiles(entry), format: entry.format, ...entry.supply, ...region })).pools;
    const doc = pool?.document;
    expect(doc, JSON.stringify(pool?.diagnostics ?? [])).toBeDefined();
    if (entry.format === "terraform") expect(doc!.spec.region).toBeUndefined();
    const { plan, result } = await planAndApply(port, doc!);
    expect(plan.errors).toEqual([]);
    expect(result.steps.filter((s) => s.outcome !== "ok")).toEqual([]);
    expect(result.userPoolId).toBeTruthy();
    const again = await planAgainstLive(port, doc!, result.userPoolId);
    expect(again.entries.filter((e) => e.action !== "noop").map((e) => `${e.address} ${JSON.stringify(e.changes)}`)).toEqual([]);
  });
});
