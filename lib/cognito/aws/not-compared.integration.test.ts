/**
 * The hosted UI (classic) logo and drift, against moto through the SDK-backed port. moto 5.2 lacks
 * SetUICustomization and GetUICustomization: test/support/moto_ext/ui_customization.py adds them, modelled from
 * the API reference (GetUICustomization answers an ImageUrl, never the file:
 * https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_UICustomizationType.html).
 * A logo replaced outside the studio cannot be seen from that answer; this test pins that down, and that the
 * drift check's page lists the logo as not compared. A logo removed outside the studio is seen.
 */
import { afterAll, beforeAll, expect, test } from "vitest";
import { startMoto, type MotoServer } from "../../../test/support/moto";
import { planAgainstLive } from "../../../test/support/apply-testing";
import { motoCognito } from "@/test/support/moto-cognito";
import { applyPlan } from "../apply/apply-plan";
import type { PoolDocument } from "../spec/document-schema";
import { settingsNotCompared } from "./not-compared";
import type { SdkPort } from "./sdk-port";

const REGION = "eu-west-1";
const BLUE_PNG = "iVBORw0KGgoAAAANSUhEUgAAAAQAAAAECAIAAAAmkwkpAAAAEElEQVR4nGPgLLoMRwzEcQASchThTOT9gwAAAABJRU5ErkJggg==";
const RED_PNG = "iVBORw0KGgoAAAANSUhEUgAAAAQAAAAECAIAAAAmkwkpAAAAEElEQVR4nGM4IWcDRwzEcQDgQxIh0JD36gAAAABJRU5ErkJggg==";
const CSS = ".submitButton-customizable { background-color: #0972d3; }";

let moto: MotoServer;
let port: SdkPort;
beforeAll(async () => {
  moto = await startMoto();
  ({ port } = motoCognito(moto.endpoint, REGION));
});
afterAll(async () => {
  await moto?.stop();
});

const doc: PoolDocument = {
  apiVersion: "cognito-studio.dev/v1",
  kind: "UserPool",
  metadata: { name: "logo-drift" },
  spec: { region: REGION, clients: [{ name: "web" }], domain: { domain: "logo-drift-auth", managedLoginVersion: 1 }, uiCustomizations: [{ clientName: "ALL", css: CSS, imageFile: BLUE_PNG }] },
};
const changes = async (userPoolId: string) => (await planAgainstLive(port, doc, userPoolId)).entries.filter((e) => e.action !== "noop").map((e) => `${e.address} ${e.action} ${e.changes.map((c) => c.path).join(",")}`);

test("a logo replaced in the console is not seen (AWS gives its address, not the file), and the page says it is not compared; a logo removed is seen", async () => {
  const result = await applyPlan(await planAgainstLive(port, doc), port, { desired: doc });
  expect(result.steps.filter((s) => s.outcome !== "ok")).toEqual([]);
  const userPoolId = result.userPoolId!;
  expect(await changes(userPoolId)).toEqual([]);

  // As the console would: the same CSS with another logo.
  await port.setUICustomization({ UserPoolId: userPoolId, ClientId: "ALL", CSS, ImageFile: Buffer.from(RED_PNG, "base64") });
  expect(await changes(userPoolId)).toEqual([]);
  expect(settingsNotCompared(doc)).toEqual([
    {
      path: "spec.uiCustomizations[0].imageFile",
      setting: "Hosted UI (classic) logo of every app client (ALL)",
      reason: "not compared: AWS returns the logo's address, not the file, so a logo replaced in the console is not seen here (one removed there is)",
    },
  ]);

  // The logo removed in the console: GetUICustomization answers no ImageUrl, a difference.
  await port.setUICustomization({ UserPoolId: userPoolId, ClientId: "ALL", CSS });
  expect(await changes(userPoolId)).toEqual(['ui_customization["ALL"] update imageFile']);
});

test("a design without a classic logo has nothing left uncompared", () => {
  expect(settingsNotCompared({ ...doc, spec: { ...doc.spec, uiCustomizations: [{ clientName: "web", css: CSS }] } })).toEqual([]);
  expect(settingsNotCompared({ ...doc, spec: { region: REGION } })).toEqual([]);
});
