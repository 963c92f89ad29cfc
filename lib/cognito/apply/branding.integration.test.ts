/**
 * Branding of the sign-in pages against moto, round trip: a pool with two clients, a managed login style per
 * client and classic hosted UI customizations (ALL and one client) is planned, applied, read back and
 * re-planned empty; then changed (settings, an image, the CSS), removed, and re-planned empty each time.
 *
 * moto 5.2 lacks these operations: test/support/moto_ext/ adds them, and their behaviour is modelled from the
 * API reference, not observed on AWS:
 * https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_CreateManagedLoginBranding.html
 * https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_UpdateManagedLoginBranding.html
 * https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_DescribeManagedLoginBrandingByClient.html
 * https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_DeleteManagedLoginBranding.html
 * https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_SetUICustomization.html
 * https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_GetUICustomization.html
 */
import { expect, test } from "vitest";
import { useMotoCognito } from "@/test/support/moto-cognito";
import { readLivePool } from "../aws/read-live-pool";
import { renderPlanText } from "../plan";
import type { PoolDocument } from "../spec/document-schema";
import { validatePoolDocument } from "../spec/validate";
import { applyPlan } from "./apply-plan";
import { failingPort, planAgainstLive } from "../../../test/support/apply-testing";

const REGION = "eu-west-1";
const BLUE_PNG = "iVBORw0KGgoAAAANSUhEUgAAAAQAAAAECAIAAAAmkwkpAAAAEElEQVR4nGPgLLoMRwzEcQASchThTOT9gwAAAABJRU5ErkJggg==";
const RED_PNG = "iVBORw0KGgoAAAANSUhEUgAAAAQAAAAECAIAAAAmkwkpAAAAEElEQVR4nGM4IWcDRwzEcQDgQxIh0JD36gAAAABJRU5ErkJggg==";

const moto = useMotoCognito(REGION);

function document(): PoolDocument {
  return {
    apiVersion: "cognito-studio.dev/v1",
    kind: "UserPool",
    metadata: { name: "branded" },
    spec: {
      region: REGION,
      clients: [{ name: "web" }, { name: "mobile" }],
      domain: { domain: "branded-auth" },
      managedLoginBranding: [
        {
          clientName: "web",
          settings: {
            categories: { global: { colorSchemeMode: "DYNAMIC" }, form: { location: { horizontal: "CENTER", vertical: "CENTER" } } },
            components: {
              pageBackground: { lightMode: { color: "f2f8fdff" }, darkMode: { color: "0f1b2aff" } },
              primaryButton: { lightMode: { defaults: { backgroundColor: "0972d3ff", textColor: "ffffffff" } } },
              form: { borderRadius: 8, logo: { enabled: true, location: "CENTER", position: "TOP" } },
            },
            // Not typed by the studio: passed through as JSON.
            componentClasses: { link: { lightMode: { defaults: { textColor: "0972d3ff" } } } },
          },
          assets: [{ category: "FORM_LOGO", colorMode: "LIGHT", extension: "PNG", bytes: BLUE_PNG }],
        },
        { clientName: "mobile", useCognitoProvidedValues: true },
      ],
      uiCustomizations: [
        { clientName: "ALL", css: ".submitButton-customizable { background-color: #0972d3; }", imageFile: BLUE_PNG },
        { clientName: "mobile", css: ".banner-customizable { background-color: #222; }" },
      ],
    },
  };
}

async function applyAndReplanEmpty(doc: PoolDocument, userPoolId?: string): Promise<{ userPoolId: string; writes: string[] }> {
  expect(validatePoolDocument(doc).diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  const plan = await planAgainstLive(moto.port, doc, userPoolId);
  expect(plan.errors).toEqual([]);
  const recording = failingPort(moto.port, 0); // never fails: records the writes
  const result = await applyPlan(plan, recording, { desired: doc, ...(userPoolId ? { userPoolId } : {}) });
  expect(result.steps.filter((s) => s.outcome !== "ok")).toEqual([]);
  const id = result.userPoolId ?? userPoolId!;
  const again = await planAgainstLive(moto.port, doc, id);
  expect(again.entries.filter((e) => e.action !== "noop"), renderPlanText(again)).toEqual([]);
  return { userPoolId: id, writes: recording.writes };
}

let poolId = "";

test("a new pool gets each client's style and the classic customizations; read back equal, re-plan empty", async () => {
  const doc = document();
  const plan = await planAgainstLive(moto.port, doc);
  expect(plan.entries.filter((e) => e.type === "managedLoginBranding" || e.type === "uiCustomization").map((e) => `${e.address} ${e.action}`)).toEqual([
    'managed_login_branding["mobile"] create',
    'managed_login_branding["web"] create',
    'ui_customization["ALL"] create',
    'ui_customization["mobile"] create',
  ]);
  // The plan shows an image by size and digest, never its base64.
  expect(renderPlanText(plan)).not.toContain(BLUE_PNG);
  const { userPoolId, writes } = await applyAndReplanEmpty(doc);
  poolId = userPoolId;
  expect(writes.filter((w) => w.includes("Branding") || w.includes("UICustomization")).sort()).toEqual([
    "createManagedLoginBranding",
    "createManagedLoginBranding",
    "setUICustomization",
    "setUICustomization",
  ]);
  const live = await readLivePool(moto.port, userPoolId, { desired: doc });
  const byClient = (a: { clientName: string }, b: { clientName: string }) => a.clientName.localeCompare(b.clientName);
  expect(live.document.spec.managedLoginBranding?.slice().sort(byClient)).toEqual(doc.spec.managedLoginBranding?.slice().sort(byClient));
  expect(live.document.spec.uiCustomizations).toEqual(doc.spec.uiCustomizations);
});

test("a change of settings, an image and the CSS is an in-place update; removing them deletes the style and empties the customization", async () => {
  const doc = document();
  const web = doc.spec.managedLoginBranding![0]!;
  web.settings = { ...web.settings, components: { ...web.settings!.components, pageBackground: { lightMode: { color: "ffffffff" } } } };
  web.assets = [{ category: "FORM_LOGO", colorMode: "LIGHT", extension: "PNG", bytes: RED_PNG }];
  doc.spec.uiCustomizations![1]!.css = ".banner-customizable { background-color: #333; }";
  const plan = await planAgainstLive(moto.port, doc, poolId);
  expect(plan.entries.filter((e) => e.action !== "noop").map((e) => `${e.address} ${e.action}`)).toEqual([
    'managed_login_branding["web"] update',
    'ui_customization["mobile"] update',
  ]);
  const changed = await applyAndReplanEmpty(doc, poolId);
  expect(changed.writes.sort()).toEqual(["setUICustomization", "updateManagedLoginBranding"]);

  doc.spec.managedLoginBranding = [doc.spec.managedLoginBranding![1]!];
  doc.spec.uiCustomizations = [doc.spec.uiCustomizations![0]!];
  const removed = await applyAndReplanEmpty(doc, poolId);
  expect(removed.writes.sort()).toEqual(["deleteManagedLoginBranding", "setUICustomization"]);
  const live = await readLivePool(moto.port, poolId, { desired: doc });
  expect(live.document.spec.managedLoginBranding?.map((s) => s.clientName)).toEqual(["mobile"]);
  expect(live.document.spec.uiCustomizations?.map((c) => c.clientName)).toEqual(["ALL"]);
});

test("a document that does not manage branding reads none and plans none (unset is not managed)", async () => {
  const doc = document();
  delete doc.spec.managedLoginBranding;
  delete doc.spec.uiCustomizations;
  const plan = await planAgainstLive(moto.port, doc, poolId);
  expect(plan.entries.filter((e) => e.type === "managedLoginBranding" || e.type === "uiCustomization")).toEqual([]);
  const pulled = await readLivePool(moto.port, poolId, { branding: true });
  expect(pulled.document.spec.managedLoginBranding?.map((s) => s.clientName)).toEqual(["mobile"]);
});
