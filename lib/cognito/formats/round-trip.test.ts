/**
 * Property tests of every format that can hold a document: import(export(doc)) equals doc whenever the export
 * reported nothing it could not express, and no generated document makes a renderer fail.
 * Documents come from the shared arbitraries (test/support/pool-arbitraries.ts).
 */
import fc from "fast-check";
import { asTerraformTurnsOnSmsMfa, withLoneDomainInPlace, withoutPasskeyFactor } from "@/test/support/terraform-restrictions";
import { describe, expect, test } from "vitest";
import type { PoolDocument } from "../spec/document-schema";
import { STANDARD_ATTRIBUTES } from "../spec/schema-attribute-schema";
import { poolDocumentArbitrary } from "@/test/support/pool-arbitraries";
import { parseCloudFormation } from "./cloudformation/parse-cloudformation";
import { renderCloudFormation } from "./cloudformation/render-cloudformation";
import { renderTerraformModule } from "./terraform-module/render-terraform-module";
import { standardStringDefaults } from "./terraform/naming";
import { parseTerraform } from "./terraform/parse-terraform";
import { renderTerraform } from "./terraform/render-terraform";

/**
 * What the Terraform export writes on purpose beyond the document (render-terraform.ts, PERPETUAL DIFF 1):
 * constraints blocks that read back as "no constraints".
 */
function asTerraformWritesIt(doc: PoolDocument): PoolDocument {
  const copy = structuredClone(doc);
  for (const attribute of copy.spec.schemaAttributes ?? []) {
    const s = attribute.stringAttributeConstraints;
    if (s && Object.keys(s).length === 0) delete attribute.stringAttributeConstraints;
    const n = attribute.numberAttributeConstraints;
    if (n && Object.keys(n).length === 0) delete attribute.numberAttributeConstraints;
    const d = standardStringDefaults(attribute.name);
    const c = attribute.stringAttributeConstraints;
    if (Object.hasOwn(STANDARD_ATTRIBUTES, attribute.name) && attribute.attributeDataType === "String" && c && c.minLength === d.minLength && c.maxLength === d.maxLength && Object.keys(c).length === 2)
      delete attribute.stringAttributeConstraints;
  }
  return copy;
}

/** Removes what every file format warns it cannot hold: client defaults, empty "manage none" lists, settings of clients not in the design. */
function withoutCommonLosses(doc: PoolDocument): PoolDocument {
  const copy = withLoneDomainInPlace(structuredClone(doc));
  const risk = copy.spec.riskConfiguration;
  if (risk?.clients) {
    const names = new Set((copy.spec.clients ?? []).map((c) => c.name));
    risk.clients = risk.clients.filter((c) => names.has(c.clientName));
    if (risk.clients.length === 0) delete risk.clients;
  }
  delete copy.spec.clientDefaults;
  if (copy.spec.clients?.length === 0) delete copy.spec.clients;
  if (copy.spec.resourceServers?.length === 0) delete copy.spec.resourceServers;
  if (copy.spec.groups?.length === 0) delete copy.spec.groups;
  if (copy.spec.identityProviders?.length === 0) delete copy.spec.identityProviders;
  // A terms document belongs to a client of the design; one naming another client is not exported.
  const clientNames = new Set((copy.spec.clients ?? []).map((c) => c.name));
  if (copy.spec.terms) copy.spec.terms = copy.spec.terms.filter((t) => clientNames.has(t.client));
  for (const key of ["terms", "managedLoginBranding", "uiCustomizations"] as const) if (copy.spec[key]?.length === 0) delete copy.spec[key];
  return copy;
}

/** The documents plain Terraform holds fully (render-terraform.ts warns about each thing removed here). */
function restrictToTerraform(doc: PoolDocument): PoolDocument {
  const copy = withoutCommonLosses(doc);
  delete copy.metadata.labels;
  // aws_cognito_log_delivery_configuration needs at least one log configuration; a risk configuration needs at
  // least one setting, and a notification template both bodies.
  if (copy.spec.logDeliveryConfiguration?.logConfigurations.length === 0) delete copy.spec.logDeliveryConfiguration;
  // No terms resource in the provider; a style's empty image list is written as no asset blocks.
  delete copy.spec.terms;
  for (const style of copy.spec.managedLoginBranding ?? []) if (style.assets?.length === 0) delete style.assets;
  const risk = copy.spec.riskConfiguration;
  for (const settings of [risk, ...(risk?.clients ?? [])]) {
    const notify = settings?.accountTakeoverRiskConfiguration?.notifyConfiguration;
    for (const email of ["blockEmail", "noActionEmail", "mfaEmail"] as const) {
      const template = notify?.[email];
      if (notify && template && (template.htmlBody === undefined || template.textBody === undefined)) delete notify[email];
    }
  }
  // The provider requires a notification configuration in account takeover settings.
  for (const settings of [risk, ...(risk?.clients ?? [])])
    if (settings?.accountTakeoverRiskConfiguration && settings.accountTakeoverRiskConfiguration.notifyConfiguration === undefined) delete settings.accountTakeoverRiskConfiguration;
  const holdsSettings = (r: object) => Object.keys(r).some((k) => k !== "clients" && k !== "clientName");
  if (risk?.clients) risk.clients = risk.clients.filter(holdsSettings);
  if (risk?.clients?.length === 0) delete risk.clients;
  if (risk && !holdsSettings(risk)) {
    if (risk.clients) copy.spec.riskConfiguration = { clients: risk.clients };
    else delete copy.spec.riskConfiguration;
  }
  if (copy.spec.lambdaConfig) delete copy.spec.lambdaConfig.inboundFederation;
  for (const client of copy.spec.clients ?? []) delete client.refreshTokenRotation;
  if (copy.spec.softwareTokenMfaConfiguration?.enabled === false && (copy.spec.mfaConfiguration ?? "OFF") === "OFF") delete copy.spec.softwareTokenMfaConfiguration;
  return asTerraformTurnsOnSmsMfa(withoutPasskeyFactor(copy));
}



/** The documents CloudFormation holds fully (render-cloudformation.ts warns about each thing removed here). */
function restrictToCloudFormation(doc: PoolDocument): PoolDocument {
  const copy = withoutCommonLosses(doc);
  if (copy.spec.softwareTokenMfaConfiguration?.enabled === false) delete copy.spec.softwareTokenMfaConfiguration;
  if (copy.spec.smsMfaConfiguration?.enabled === false) delete copy.spec.smsMfaConfiguration;
  const webAuthn = copy.spec.webAuthnConfiguration;
  if (webAuthn && webAuthn.relyingPartyId !== undefined && webAuthn.relyingPartyId.length > 63) delete webAuthn.relyingPartyId;
  if (webAuthn && Object.keys(webAuthn).length === 0) delete copy.spec.webAuthnConfiguration;
  for (const client of copy.spec.clients ?? []) if (client.refreshTokenValidity === 0) delete client.refreshTokenValidity;
  // UserPoolUICustomizationAttachment has no logo property.
  for (const customization of copy.spec.uiCustomizations ?? []) delete customization.imageFile;
  return copy;
}

const noInternalErrors = (diagnostics: { code: string }[]) => diagnostics.filter((d) => d.code === "internal-error");

describe("Terraform round trip", () => {
  test("a document Terraform can hold exports without warnings and imports back equal", async () => {
    await fc.assert(
      fc.asyncProperty(poolDocumentArbitrary().map(restrictToTerraform), fc.boolean(), async (doc, variables) => {
        const exported = renderTerraform(doc, { variables });
        // The provider floor's note (managed login branding and log delivery need hashicorp/aws 6.x) loses nothing.
        expect(exported.diagnostics.filter((d) => d.code !== "provider-6-only")).toEqual([]);
        const text = exported.files.map((f) => `# ==> ${f.path} <==\n${f.content}`).join("\n");
        const imported = await parseTerraform(text);
        expect(noInternalErrors(imported.diagnostics)).toEqual([]);
        expect(imported.document).toEqual(asTerraformWritesIt(doc));
      }),
      { numRuns: 100 },
    );
  }, 60_000);

  test("what Terraform cannot hold is always reported", () => {
    fc.assert(
      fc.property(poolDocumentArbitrary(), (doc) => {
        // Empty labels hold nothing, so dropping them loses nothing (fast-check found `labels: {}`).
        const meaningful = structuredClone(doc);
        if (meaningful.metadata.labels && Object.keys(meaningful.metadata.labels).length === 0) delete meaningful.metadata.labels;
        const lossy = JSON.stringify(restrictToTerraform(doc)) !== JSON.stringify(meaningful);
        if (lossy) expect(renderTerraform(doc).diagnostics.some((d) => d.severity === "warning")).toBe(true);
      }),
      { numRuns: 100 },
    );
  });
});

describe("CloudFormation round trip", () => {
  test("a document CloudFormation can hold exports without warnings and imports back equal", () => {
    fc.assert(
      fc.property(poolDocumentArbitrary().map(restrictToCloudFormation), (doc) => {
        const exported = renderCloudFormation(doc);
        expect(exported.diagnostics).toEqual([]);
        const imported = parseCloudFormation(exported.files[0].content);
        expect(noInternalErrors(imported.diagnostics)).toEqual([]);
        expect(imported.document).toEqual(doc);
      }),
      { numRuns: 200 },
    );
  });

  test("what CloudFormation cannot hold is always reported", () => {
    fc.assert(
      fc.property(poolDocumentArbitrary(), (doc) => {
        const lossy = JSON.stringify(restrictToCloudFormation(doc)) !== JSON.stringify(doc);
        if (lossy) expect(renderCloudFormation(doc).diagnostics.some((d) => d.severity === "warning")).toBe(true);
      }),
      { numRuns: 100 },
    );
  });
});

describe("renderers never fail", () => {
  test("every renderer returns files and no internal error for any schema-valid document", () => {
    fc.assert(
      fc.property(poolDocumentArbitrary(), fc.boolean(), (doc, variables) => {
        for (const result of [
          renderTerraform(doc, { variables, liveIds: { userPoolId: "eu-west-1_AbCdEf123" } }),
          renderTerraformModule(doc),
          renderCloudFormation(doc),
        ]) {
          expect(noInternalErrors(result.diagnostics)).toEqual([]);
          expect(result.files.length).toBeGreaterThan(0);
          expect(result.files.every((f) => f.content.length > 0)).toBe(true);
        }
      }),
      { numRuns: 150 },
    );
  });

  test("full documents (every field set) render too", () => {
    fc.assert(
      fc.property(poolDocumentArbitrary({ full: true }), (doc) => {
        for (const result of [renderTerraform(doc), renderTerraformModule(doc), renderCloudFormation(doc)]) expect(noInternalErrors(result.diagnostics)).toEqual([]);
      }),
      { numRuns: 50 },
    );
  });
});
