import { describe, expect, it } from "vitest";
import { applyClientPreset, getPreset, presetExampleDocument, type ClientPreset, type Preset } from "../presets";
import type { PoolDocument } from "../spec/document-schema";
import { FINDING_CHECKS, detectEnvironment, findPoolFindings } from "./index";

/** A clean production pool with one SPA client at spec.clients[0] (no findings; see the presets tests). */
function prod(): PoolDocument {
  return presetExampleDocument(getPreset("spa") as Preset);
}
/** The same pool without labels: environment unspecified. */
function unlabelled(): PoolDocument {
  const doc = prod();
  delete doc.metadata.labels;
  return doc;
}
function dev(): PoolDocument {
  const doc = presetExampleDocument(getPreset("development") as Preset);
  doc.spec.domain = { domain: "dev-auth" };
  doc.spec = applyClientPreset(doc.spec, getPreset("spa") as ClientPreset, { clientName: "web" }).spec;
  return doc;
}
function edit(doc: PoolDocument, change: (d: PoolDocument) => void): PoolDocument {
  change(doc);
  return doc;
}
const AUTH_LOGS = { eventSource: "userAuthEvents" as const, logLevel: "INFO" as const, s3Configuration: { bucketArn: "arn:aws:s3:::auth-logs" } };
const client0 = (d: PoolDocument) => {
  const c = d.spec.clients?.[0];
  if (!c) throw new Error("fixture has no client");
  return c;
};
const codesOf = (doc: PoolDocument) => findPoolFindings(doc).map((f) => `${f.code} @ ${f.path}`);

interface Case {
  code: string;
  fires: { doc: PoolDocument; path: string; message?: RegExp };
  quiet: PoolDocument[];
}

const cases: Case[] = [
  {
    code: "finding/mfa-off",
    fires: { doc: edit(prod(), (d) => (d.spec.mfaConfiguration = "OFF")), path: "spec.mfaConfiguration", message: /mfaConfiguration is OFF.*cognito-user-pool-mfa-enabled, Security Hub Cognito\.5/u },
    quiet: [
      prod(),
      edit(prod(), (d) => (d.spec.mfaConfiguration = "OPTIONAL")),
      // Like the Config rule: only PASSWORD-only sign-in policies are checked.
      edit(prod(), (d) => {
        d.spec.mfaConfiguration = "OFF";
        d.spec.signInPolicy = { allowedFirstAuthFactors: ["PASSWORD", "WEB_AUTHN"] };
      }),
      edit(dev(), (d) => (d.spec.mfaConfiguration = "OFF")),
    ],
  },
  {
    code: "finding/weak-password-policy",
    fires: { doc: edit(prod(), (d) => (d.spec.passwordPolicy = { minimumLength: 6, requireUppercase: true, requireLowercase: true, requireNumbers: true, requireSymbols: true })), path: "spec.passwordPolicy.minimumLength", message: /6 characters/u },
    quiet: [prod(), edit(prod(), (d) => delete d.spec.passwordPolicy), dev()],
  },
  {
    code: "finding/deletion-protection-off",
    fires: { doc: edit(unlabelled(), (d) => delete d.spec.deletionProtection), path: "spec.deletionProtection", message: /unset, so AWS's default INACTIVE.*cognito-user-pool-deletion-protection-enabled, Security Hub Cognito\.6/u },
    quiet: [prod(), dev()],
  },
  {
    code: "finding/threat-protection-off",
    fires: { doc: edit(prod(), (d) => (d.spec.userPoolAddOns = { advancedSecurityMode: "AUDIT", advancedSecurityAdditionalFlows: { customAuthMode: "ENFORCED" } })), path: "spec.userPoolAddOns.advancedSecurityMode", message: /only audits.*cognito-user-pool-advanced-security-enabled, Security Hub Cognito\.1/u },
    quiet: [prod(), dev()],
  },
  {
    code: "finding/auth-logs-without-threat-protection",
    fires: {
      doc: edit(dev(), (d) => {
        d.spec.userPoolAddOns = { advancedSecurityMode: "OFF" };
        d.spec.logDeliveryConfiguration = { logConfigurations: [AUTH_LOGS] };
      }),
      path: "spec.logDeliveryConfiguration.logConfigurations[0].eventSource",
      message: /^User authentication logs come from threat protection, which is Off: nothing will be exported/u,
    },
    quiet: [prod(), edit(prod(), (d) => (d.spec.logDeliveryConfiguration = { logConfigurations: [AUTH_LOGS] })), edit(dev(), (d) => (d.spec.logDeliveryConfiguration = { logConfigurations: [] }))],
  },
  {
    code: "finding/threat-protection-custom-auth",
    fires: { doc: edit(prod(), (d) => {
      delete client0(d).explicitAuthFlows;
      d.spec.userPoolAddOns = { advancedSecurityMode: "ENFORCED" };
    }), path: "spec.userPoolAddOns.advancedSecurityAdditionalFlows", message: /explicitAuthFlows unset includes ALLOW_CUSTOM_AUTH.*Cognito\.4/u },
    quiet: [prod(), edit(prod(), (d) => (d.spec.userPoolAddOns = { advancedSecurityMode: "ENFORCED" }))],
  },
  {
    code: "finding/self-sign-up-unverified",
    fires: { doc: edit(prod(), (d) => delete d.spec.autoVerifiedAttributes), path: "spec.autoVerifiedAttributes" },
    quiet: [
      prod(),
      edit(prod(), (d) => {
        delete d.spec.autoVerifiedAttributes;
        d.spec.adminCreateUserConfig = { allowAdminCreateUserOnly: true };
      }),
    ],
  },
  {
    code: "finding/cognito-default-email",
    fires: { doc: edit(prod(), (d) => (d.spec.emailConfiguration = { emailSendingAccount: "COGNITO_DEFAULT" })), path: "spec.emailConfiguration.emailSendingAccount", message: /50 emails a day.*\(metadata\.labels\.env\)/u },
    quiet: [prod(), dev(), edit(unlabelled(), (d) => delete d.spec.emailConfiguration)],
  },
  {
    code: "finding/implicit-flow",
    fires: { doc: edit(prod(), (d) => (client0(d).allowedOAuthFlows = ["code", "implicit"])), path: "spec.clients[0].allowedOAuthFlows[1]" },
    quiet: [prod(), dev()],
  },
  {
    code: "finding/secret-on-public-client",
    fires: { doc: edit(prod(), (d) => {
      client0(d).generateSecret = true;
      client0(d).callbackUrls = ["com.example.app://callback"];
      client0(d).logoutUrls = [];
    }), path: "spec.clients[0].generateSecret", message: /custom app scheme/u },
    quiet: [prod(), edit(prod(), (d) => (client0(d).generateSecret = true))],
  },
  {
    code: "finding/localhost-callback-in-production",
    fires: { doc: edit(prod(), (d) => client0(d).callbackUrls?.push("http://localhost:3000/callback")), path: "spec.clients[0].callbackUrls[1]" },
    quiet: [
      prod(),
      edit(unlabelled(), (d) => client0(d).callbackUrls?.push("http://localhost:3000/callback")),
      edit(dev(), (d) => client0(d).callbackUrls?.push("http://127.0.0.1:3000/callback")),
    ],
  },
  {
    code: "finding/wildcard-callback-host",
    fires: { doc: edit(prod(), (d) => (client0(d).logoutUrls = ["https://*.example.com/"])), path: "spec.clients[0].logoutUrls[0]", message: /wildcard host/u },
    quiet: [prod(), edit(prod(), (d) => (client0(d).callbackUrls = ["https://nip.io.example.com/callback"]))],
  },
  {
    code: "finding/user-existence-errors",
    fires: { doc: edit(prod(), (d) => delete client0(d).preventUserExistenceErrors), path: "spec.clients[0].preventUserExistenceErrors", message: /default LEGACY/u },
    quiet: [prod(), presetExampleDocument(getPreset("machine-to-machine") as Preset)],
  },
  {
    code: "finding/token-revocation-off",
    fires: { doc: edit(prod(), (d) => (client0(d).enableTokenRevocation = false)), path: "spec.clients[0].enableTokenRevocation" },
    quiet: [prod(), edit(prod(), (d) => delete client0(d).enableTokenRevocation)],
  },
  {
    code: "finding/long-refresh-token",
    fires: { doc: edit(prod(), (d) => (client0(d).refreshTokenValidity = 365)), path: "spec.clients[0].refreshTokenValidity", message: /365 days/u },
    quiet: [
      prod(),
      edit(prod(), (d) => (client0(d).refreshTokenValidity = 90)),
      edit(prod(), (d) => {
        client0(d).refreshTokenValidity = 2000;
        client0(d).tokenValidityUnits = { refreshToken: "hours" };
      }),
    ],
  },
  {
    code: "finding/plaintext-password-auth",
    fires: { doc: edit(prod(), (d) => (client0(d).explicitAuthFlows = ["ALLOW_USER_SRP_AUTH", "ALLOW_USER_PASSWORD_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"])), path: "spec.clients[0].explicitAuthFlows[1]" },
    quiet: [prod()],
  },
];

describe("findings", () => {
  it("has a firing and a quiet case for every check, and at least 12 checks", () => {
    expect(FINDING_CHECKS.length).toBeGreaterThanOrEqual(12);
    expect(cases.map((c) => c.code).sort()).toEqual(FINDING_CHECKS.map((c) => c.code).sort());
  });

  describe.each(cases)("$code", ({ code, fires, quiet }) => {
    it("fires, at the field, as a warning", () => {
      const hits = findPoolFindings(fires.doc).filter((f) => f.code === code);
      expect(hits.map((f) => f.path)).toContain(fires.path);
      for (const f of hits) expect(f.severity).toBe("warning");
      if (fires.message) expect(hits.find((f) => f.path === fires.path)?.message).toMatch(fires.message);
    });
    it.each(quiet.map((doc, i) => [i, doc] as const))("stays quiet (case %i)", (_, doc) => {
      expect(findPoolFindings(doc).filter((f) => f.code === code)).toEqual([]);
    });
  });

  it("names the compliance rule in its own fields", () => {
    const [finding] = findPoolFindings(edit(prod(), (d) => (d.spec.deletionProtection = "INACTIVE")));
    expect(finding).toMatchObject({
      severity: "warning",
      code: "finding/deletion-protection-off",
      path: "spec.deletionProtection",
      complianceRule: "cognito-user-pool-deletion-protection-enabled",
      securityHubControl: "Cognito.6",
    });
  });

  it("reports one finding per weak password field", () => {
    const doc = edit(prod(), (d) => (d.spec.passwordPolicy = { minimumLength: 8, temporaryPasswordValidityDays: 30 }));
    expect(codesOf(doc)).toEqual([
      "finding/weak-password-policy @ spec.passwordPolicy.requireUppercase",
      "finding/weak-password-policy @ spec.passwordPolicy.requireLowercase",
      "finding/weak-password-policy @ spec.passwordPolicy.requireNumbers",
      "finding/weak-password-policy @ spec.passwordPolicy.requireSymbols",
      "finding/weak-password-policy @ spec.passwordPolicy.temporaryPasswordValidityDays",
    ]);
  });

  it("points at clientDefaults when the client inherits the setting", () => {
    const doc = edit(prod(), (d) => {
      delete client0(d).enableTokenRevocation;
      d.spec.clientDefaults = { enableTokenRevocation: false };
    });
    expect(codesOf(doc)).toEqual(["finding/token-revocation-off @ spec.clientDefaults.enableTokenRevocation"]);
  });

  it("a bare pool with no labels gets the checks that do not need production", () => {
    const doc: PoolDocument = { apiVersion: "cognito-studio.dev/v1", kind: "UserPool", metadata: { name: "bare" }, spec: { region: "eu-west-1" } };
    expect(codesOf(doc)).toEqual([
      "finding/mfa-off @ spec.mfaConfiguration",
      "finding/deletion-protection-off @ spec.deletionProtection",
      "finding/threat-protection-off @ spec.userPoolAddOns",
      "finding/self-sign-up-unverified @ spec.autoVerifiedAttributes",
    ]);
    expect(findPoolFindings(doc, { environment: "production" }).map((f) => f.code)).toContain("finding/cognito-default-email");
    expect(findPoolFindings(doc, { environment: "non-production" }).map((f) => f.code)).toEqual(["finding/self-sign-up-unverified"]);
  });

  it("converts other units to days in the long-refresh message", () => {
    const doc = edit(prod(), (d) => {
      client0(d).refreshTokenValidity = 10000;
      client0(d).tokenValidityUnits = { refreshToken: "hours" };
    });
    expect(findPoolFindings(doc).map((f) => f.message)).toEqual([
      'client "example-spa" issues refresh tokens valid for 10000 hours (417 days); a stolen one works that long, so keep it at 90 days or less (AWS default 30)',
    ]);
  });

  it("does not mutate the document", () => {
    const doc = edit(prod(), (d) => (d.spec.mfaConfiguration = "OFF"));
    const before = structuredClone(doc);
    findPoolFindings(doc);
    expect(doc).toEqual(before);
  });
});

describe("detectEnvironment", () => {
  const doc = (labels?: Record<string, string>, tags?: Record<string, string>) =>
    ({ metadata: { name: "p", labels }, spec: { region: "eu-west-1", userPoolTags: tags } }) as PoolDocument;
  it.each([
    [doc({ env: "production" }), { environment: "production", source: "metadata.labels.env" }],
    [doc({ Environment: "PROD" }), { environment: "production", source: "metadata.labels.Environment" }],
    [doc(undefined, { Environment: "Production" }), { environment: "production", source: "spec.userPoolTags.Environment" }],
    [doc({ stage: "staging" }), { environment: "non-production", source: "metadata.labels.stage" }],
    // Disagreement: production wins.
    [doc({ env: "dev" }, { Environment: "live" }), { environment: "production", source: "spec.userPoolTags.Environment" }],
    [doc({ team: "production" }), { environment: "unspecified" }],
    [doc({ "openmcf.cognito-studio.dev/env": "prod" }), { environment: "production", source: 'metadata.labels["openmcf.cognito-studio.dev/env"]' }],
    [doc({ "pulumi.openmcf.org/stack.name": "staging.AwsCognitoUserPool.webapp-auth" }), { environment: "non-production", source: 'metadata.labels["pulumi.openmcf.org/stack.name"]' }],
    [doc({ "pulumi.openmcf.org/stack.name": "prod.AwsCognitoUserPool.prod-auth" }), { environment: "production", source: 'metadata.labels["pulumi.openmcf.org/stack.name"]' }],
    // A stack name without a prefix is not a convention we know; tags named stack are not stack names.
    [doc({ "stack.name": "prod.x" }, { stack: "prod.x" }), { environment: "unspecified" }],
    [doc({ env: "blue" }), { environment: "unspecified" }],
    [doc(), { environment: "unspecified" }],
  ])("%#", (input, expected) => {
    expect(detectEnvironment(input)).toEqual(expected);
  });
});
