import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { poolDocumentArbitrary } from "@/test/support/pool-arbitraries";
import type { PoolDocument } from "@/lib/cognito/spec";
import { fromFormValues, toFormValues, toFormValuesAt } from "./form-values";

const base = { apiVersion: "cognito-studio.dev/v1", kind: "UserPool", metadata: { name: "shop" } };
const formOf = (spec: Record<string, unknown>, metadata: Record<string, unknown> = base.metadata) => ({ ...base, metadata, spec: { region: "eu-west-1", ...spec } });

describe("fromFormValues", () => {
  it("parses numbers and tri-state booleans and drops empty fields", () => {
    const doc = fromFormValues(formOf({ passwordPolicy: { minimumLength: " 12 ", requireUppercase: "true", requireSymbols: "false", requireNumbers: "", passwordHistorySize: "" } }));
    expect(doc.spec.passwordPolicy).toEqual({ minimumLength: 12, requireUppercase: true, requireSymbols: false });
  });

  it("maps an empty text input back to undefined, never to a value", () => {
    const doc = fromFormValues(formOf({ mfaConfiguration: "", smsAuthenticationMessage: "", deletionProtection: "ACTIVE" }));
    expect(doc.spec).toEqual({ region: "eu-west-1", deletionProtection: "ACTIVE" });
    expect("mfaConfiguration" in doc.spec).toBe(false);
  });

  it("removes an optional object whose fields were all cleared, at every depth", () => {
    const doc = fromFormValues(
      formOf({
        smsConfiguration: { snsCallerArn: "", externalId: "", snsRegion: "" },
        adminCreateUserConfig: { allowAdminCreateUserOnly: "", inviteMessageTemplate: { emailMessage: "", emailSubject: "" } },
      }),
    );
    expect(doc.spec).toEqual({ region: "eu-west-1" });
  });

  it("a client's rotation and analytics come back typed; cleared analytics fields remove the object", () => {
    const doc = fromFormValues(
      formOf({
        clients: [
          { name: "web", refreshTokenRotation: { feature: "ENABLED", retryGracePeriodSeconds: "30" }, enablePropagateAdditionalUserContextData: "true", analyticsConfiguration: { applicationId: "", roleArn: "", userDataShared: "" } },
        ],
      }),
    );
    expect(doc.spec.clients).toEqual([{ name: "web", refreshTokenRotation: { feature: "ENABLED", retryGracePeriodSeconds: 30 }, enablePropagateAdditionalUserContextData: true }]);
  });

  it("keeps a partly filled object so the schema reports its missing required field", () => {
    const doc = fromFormValues(formOf({ smsConfiguration: { snsCallerArn: "", externalId: "abc" } }));
    expect(doc.spec.smsConfiguration).toEqual({ externalId: "abc" });
  });

  it("keeps a document's own empty object", () => {
    expect(fromFormValues(formOf({ passwordPolicy: {} })).spec.passwordPolicy).toEqual({});
  });

  it("keeps text that is not a number as typed, so validation shows it", () => {
    expect(fromFormValues(formOf({ passwordPolicy: { minimumLength: "12a" } })).spec.passwordPolicy).toEqual({ minimumLength: "12a" });
  });

  it("turns tag and label rows into records, skipping blank rows", () => {
    const doc = fromFormValues(
      formOf({ userPoolTags: [{ key: "env", value: "prod" }, { key: "", value: "" }, { key: "team", value: "" }] }, { name: "shop", labels: [{ key: "env", value: "production" }] }),
    );
    expect(doc.spec.userPoolTags).toEqual({ env: "prod", team: "" });
    expect(doc.metadata.labels).toEqual({ env: "production" });
  });

  it("keeps list items as typed, including an empty one, and tells [] from unset", () => {
    const doc = fromFormValues(formOf({ clients: [{ name: "web", callbackUrls: ["https://a.example.com/cb", ""], logoutUrls: [], refreshTokenValidity: "30" }] }));
    expect(doc.spec.clients).toEqual([{ name: "web", callbackUrls: ["https://a.example.com/cb", ""], logoutUrls: [], refreshTokenValidity: 30 }]);
  });

  it("keeps a new, still empty list element instead of dropping it", () => {
    expect(fromFormValues(formOf({ resourceServers: [{ identifier: "", name: "" }] })).spec.resourceServers).toEqual([{}]);
  });

  it("parses the managed login version (a union of number literals)", () => {
    expect(fromFormValues(formOf({ domain: { domain: "shop-auth", managedLoginVersion: "2" } })).spec.domain).toEqual({ domain: "shop-auth", managedLoginVersion: 2 });
  });
});

describe("toFormValues", () => {
  it("writes numbers and booleans as text and records as rows", () => {
    const doc: PoolDocument = {
      apiVersion: "cognito-studio.dev/v1",
      kind: "UserPool",
      metadata: { name: "shop", labels: { env: "dev" } },
      spec: { region: "us-east-1", passwordPolicy: { minimumLength: 10, requireNumbers: false }, userPoolTags: { team: "id" }, clients: [{ name: "web", enableTokenRevocation: true }] },
    };
    const values = toFormValues(doc) as { metadata: unknown; spec: Record<string, unknown> };
    expect(values.metadata).toEqual({ name: "shop", labels: [{ key: "env", value: "dev" }] });
    expect(values.spec.passwordPolicy).toEqual({ minimumLength: "10", requireNumbers: "false" });
    expect(values.spec.userPoolTags).toEqual([{ key: "team", value: "id" }]);
    expect(values.spec.clients).toEqual([{ name: "web", enableTokenRevocation: "true" }]);
  });

  it("converts a part of the document by its path", () => {
    expect(toFormValuesAt({ name: "m2m", accessTokenValidity: 5, generateSecret: true }, ["spec", "clients", 0])).toEqual({ name: "m2m", accessTokenValidity: "5", generateSecret: "true" });
  });
});

describe("round trip", () => {
  it("fromFormValues(toFormValues(doc)) is doc for schema-valid documents", () => {
    fc.assert(
      fc.property(poolDocumentArbitrary(), (doc) => {
        expect(fromFormValues(toFormValues(doc))).toEqual(doc);
      }),
      { numRuns: 300 },
    );
  });

  it("holds for documents that set every field", () => {
    fc.assert(
      fc.property(poolDocumentArbitrary({ full: true }), (doc) => {
        expect(fromFormValues(toFormValues(doc))).toEqual(doc);
      }),
      { numRuns: 100 },
    );
  });

  it("never mutates the document", () => {
    fc.assert(
      fc.property(poolDocumentArbitrary(), (doc) => {
        const copy = structuredClone(doc);
        fromFormValues(toFormValues(doc));
        expect(doc).toEqual(copy);
      }),
      { numRuns: 50 },
    );
  });
});
