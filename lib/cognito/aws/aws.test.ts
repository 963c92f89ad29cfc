/** Unit tests of the pure parts of lib/cognito/aws: rate limiter, quota floor, mapping, normalisation. */
import type { UserPoolClientType, UserPoolType } from "@aws-sdk/client-cognito-identity-provider";
import { describe, expect, test } from "vitest";
import { poolValue } from "../plan/values";
import { clientSpecFromApi, createUserPoolInput, mfaConfigInput, poolSpecFromApi, updateUserPoolClientInput, updateUserPoolInput } from "./mapping";
import { normaliseLiveSpec } from "./normalise";
import { quotaFloorSeconds } from "./quotas";
import { createQuotaRateLimiter } from "./rate-limiter";
import { poolDocument } from "@/test/support/pool-documents";

describe("rate limiter (fake clock)", () => {
  function fakeClock() {
    let now = 0;
    const sleeps: number[] = [];
    return { now: () => now, sleep: async (ms: number) => (sleeps.push(ms), void (now += 0)), sleeps, advance: (ms: number) => (now += ms) };
  }

  test("DescribeUserPoolClient on one pool is spaced 200 ms apart (5 RPS per pool)", async () => {
    const clock = fakeClock();
    const limiter = createQuotaRateLimiter({ now: clock.now, sleep: clock.sleep });
    for (let i = 0; i < 4; i++) await limiter.acquire("DescribeUserPoolClient", "pool-a");
    expect(clock.sleeps).toEqual([200, 400, 600]);
  });

  test("two pools share the account category (15 RPS) but not the per-pool limit", async () => {
    const clock = fakeClock();
    const limiter = createQuotaRateLimiter({ now: clock.now, sleep: clock.sleep });
    await limiter.acquire("DescribeUserPoolClient", "pool-a");
    await limiter.acquire("DescribeUserPoolClient", "pool-b");
    await limiter.acquire("DescribeUserPoolClient", "pool-c");
    // Category interval 1000/15 ≈ 66.7 ms; each pool's own bucket is free.
    expect(clock.sleeps.map((ms) => Math.round(ms))).toEqual([67, 133]);
  });

  test("DescribeUserPool has no per-pool limit: 15 RPS", async () => {
    const clock = fakeClock();
    const limiter = createQuotaRateLimiter({ now: clock.now, sleep: clock.sleep, share: 0.5 });
    await limiter.acquire("DescribeUserPool", "pool-a");
    await limiter.acquire("DescribeUserPool", "pool-a");
    expect(clock.sleeps.map((ms) => Math.round(ms))).toEqual([133]); // half of 15 RPS
  });

  test("the quota floor of reading 1000 clients is about 200 s", () => {
    expect(quotaFloorSeconds({ DescribeUserPool: 1, ListUserPoolClients: 17, DescribeUserPoolClient: 1000 })).toBeCloseTo(199.8, 1);
    expect(quotaFloorSeconds({ UpdateUserPoolClient: 100 })).toBeCloseTo(19.8, 1);
  });
});

const document = poolDocument({
  usernameAttributes: ["email"],
  passwordPolicy: { minimumLength: 16 },
  schemaAttributes: [{ name: "tenant", attributeDataType: "String" }],
  adminCreateUserConfig: { inviteMessageTemplate: { smsMessage: "Hi {username}, code {####}" } },
});

describe("mapping", () => {
  test("CreateUserPool: PascalCase members, Policies, Schema, SMSMessage of the invitation", () => {
    expect(createUserPoolInput(poolValue(document))).toEqual({
      PoolName: "shop",
      UsernameAttributes: ["email"],
      AdminCreateUserConfig: { InviteMessageTemplate: { SMSMessage: "Hi {username}, code {####}" } },
      Policies: { PasswordPolicy: { MinimumLength: 16 } },
      Schema: [{ Name: "tenant", AttributeDataType: "String" }],
    });
  });

  test("UpdateUserPool is the live pool with the managed fields merged in; create-only and read-only members are left out", () => {
    const live: UserPoolType = {
      Id: "p",
      Name: "shop",
      UsernameAttributes: ["email"],
      Policies: { PasswordPolicy: { MinimumLength: 8, RequireSymbols: true, TemporaryPasswordValidityDays: 7 } },
      LambdaConfig: { PreSignUp: "arn:aws:lambda:eu-west-1:123456789012:function:x" },
      MfaConfiguration: "OPTIONAL",
      EstimatedNumberOfUsers: 4,
      AdminCreateUserConfig: { AllowAdminCreateUserOnly: true, UnusedAccountValidityDays: 7 },
      DeletionProtection: "ACTIVE",
      SmsVerificationMessage: "old {####}",
      VerificationMessageTemplate: { DefaultEmailOption: "CONFIRM_WITH_CODE" },
    };
    expect(updateUserPoolInput("p", poolValue(document), live)).toEqual({
      UserPoolId: "p",
      PoolName: "shop",
      Policies: { PasswordPolicy: { MinimumLength: 16, RequireSymbols: true, TemporaryPasswordValidityDays: 7 } },
      LambdaConfig: { PreSignUp: "arn:aws:lambda:eu-west-1:123456789012:function:x" },
      MfaConfiguration: "OPTIONAL",
      AdminCreateUserConfig: { AllowAdminCreateUserOnly: true, InviteMessageTemplate: { SMSMessage: "Hi {username}, code {####}" } },
      DeletionProtection: "ACTIVE",
      VerificationMessageTemplate: { DefaultEmailOption: "CONFIRM_WITH_CODE" },
    });
  });

  test("UpdateUserPoolClient keeps unmanaged live settings, never sends GenerateSecret, skips empty attribute lists", () => {
    const live: UserPoolClientType = {
      ClientId: "c1",
      ClientName: "web",
      ClientSecret: "s3cr3t",
      RefreshTokenValidity: 30,
      CallbackURLs: ["https://a.example.com/cb"],
      AllowedOAuthFlowsUserPoolClient: true,
      ReadAttributes: [],
    };
    expect(updateUserPoolClientInput("p", "c1", { name: "web", generateSecret: true, refreshTokenValidity: 5 }, live)).toEqual({
      UserPoolId: "p",
      ClientId: "c1",
      ClientName: "web",
      RefreshTokenValidity: 5,
      CallbackURLs: ["https://a.example.com/cb"],
      AllowedOAuthFlowsUserPoolClient: true,
    });
  });

  test("UpdateUserPoolClient: a lifetime set without its unit is sent in the default unit, not under the live one", () => {
    const live: UserPoolClientType = { ClientId: "c1", ClientName: "web", AccessTokenValidity: 60, IdTokenValidity: 30, TokenValidityUnits: { AccessToken: "minutes", IdToken: "minutes", RefreshToken: "days" } };
    const input = updateUserPoolClientInput("p", "c1", { name: "web", accessTokenValidity: 2 }, live);
    expect(input).toMatchObject({ AccessTokenValidity: 2, IdTokenValidity: 30, TokenValidityUnits: { AccessToken: "hours", IdToken: "minutes", RefreshToken: "days" } });
    // A unit the spec sets is sent as is.
    expect(updateUserPoolClientInput("p", "c1", { name: "web", accessTokenValidity: 90, tokenValidityUnits: { accessToken: "minutes" } }, live).TokenValidityUnits).toEqual({ AccessToken: "minutes", IdToken: "minutes", RefreshToken: "days" });
  });

  test("a described client becomes a spec without its secret", () => {
    const spec = clientSpecFromApi({ ClientId: "c1", ClientName: "web", ClientSecret: "s3cr3t", CallbackURLs: ["https://x/cb"], CreationDate: new Date(0) });
    expect(spec).toEqual({ name: "web", generateSecret: true, callbackUrls: ["https://x/cb"] });
    expect(JSON.stringify(spec)).not.toContain("s3cr3t");
  });

  test("SetUserPoolMfaConfig merges the live factors with the managed ones", () => {
    expect(mfaConfigInput("p", { mfaConfiguration: "ON" }, { MfaConfiguration: "OPTIONAL", SoftwareTokenMfaConfiguration: { Enabled: true } })).toEqual({
      UserPoolId: "p",
      MfaConfiguration: "ON",
      SoftwareTokenMfaConfiguration: { Enabled: true },
    });
  });

  test("schema attribute names lose their custom: and dev: prefixes", () => {
    const spec = poolSpecFromApi(
      {
        SchemaAttributes: [
          { Name: "custom:tenant", AttributeDataType: "String", Mutable: true },
          { Name: "dev:custom:secret", AttributeDataType: "Number" },
        ],
      },
      {},
      "eu-west-1",
    );
    expect(spec.schemaAttributes).toEqual([
      { name: "tenant", attributeDataType: "String", mutable: true },
      { name: "secret", attributeDataType: "Number", developerOnlyAttribute: true },
    ]);
  });
});

describe("normalisation", () => {
  const live = poolSpecFromApi(
    {
      Policies: { PasswordPolicy: { MinimumLength: 8, RequireUppercase: true, RequireLowercase: true, RequireNumbers: true, RequireSymbols: true, TemporaryPasswordValidityDays: 7 } },
      DeletionProtection: "INACTIVE",
      MfaConfiguration: "OFF",
      LambdaConfig: {},
      AutoVerifiedAttributes: [],
      SchemaAttributes: [
        { Name: "email", AttributeDataType: "String", Mutable: true, Required: false, DeveloperOnlyAttribute: false, StringAttributeConstraints: { MinLength: "0", MaxLength: "2048" } },
        { Name: "custom:tenant", AttributeDataType: "String", Mutable: true, DeveloperOnlyAttribute: false, Required: false, StringAttributeConstraints: {} },
      ],
    },
    { MfaConfiguration: "OFF" },
    "eu-west-1",
  );

  test("without a desired spec every default goes (pull)", () => {
    expect(normaliseLiveSpec(live)).toEqual({ region: "eu-west-1", schemaAttributes: [{ name: "tenant", attributeDataType: "String" }] });
  });

  test("fields the desired spec sets keep their live value even when it is the default", () => {
    const out = normaliseLiveSpec(live, {
      region: "eu-west-1",
      deletionProtection: "INACTIVE",
      passwordPolicy: { requireSymbols: true },
      schemaAttributes: [{ name: "email", attributeDataType: "String", mutable: true }],
    });
    expect(out.deletionProtection).toBe("INACTIVE");
    expect(out.passwordPolicy).toEqual({ requireSymbols: true });
    expect(out.schemaAttributes).toEqual([
      { name: "email", attributeDataType: "String", mutable: true },
      { name: "tenant", attributeDataType: "String" },
    ]);
    expect(out.mfaConfiguration).toBeUndefined();
  });

  test("a password requirement absent from the answer is off, as the API reads an absent boolean (the Terraform provider leaves false out)", () => {
    const answer = poolSpecFromApi({ Policies: { PasswordPolicy: { MinimumLength: 12, RequireUppercase: true } } }, {}, "eu-west-1");
    expect(answer.passwordPolicy).toEqual({ minimumLength: 12, requireUppercase: true, requireLowercase: false, requireNumbers: false, requireSymbols: false });
    const desired = { region: "eu-west-1", passwordPolicy: { minimumLength: 12, requireUppercase: true, requireLowercase: false, requireNumbers: false, requireSymbols: false } };
    expect(normaliseLiveSpec(answer, desired).passwordPolicy).toEqual(desired.passwordPolicy);
  });

  test("an analytics configuration without UserDataShared does not share user data (an absent boolean is false)", () => {
    const client = clientSpecFromApi({ ClientId: "c", ClientName: "web", AnalyticsConfiguration: { ApplicationId: "app", ExternalId: "x", RoleArn: "arn:aws:iam::1:role/r" } });
    expect(client.analyticsConfiguration?.userDataShared).toBe(false);
  });

  test("a default the API leaves out is filled in where the desired spec sets it", () => {
    const client = clientSpecFromApi({ ClientId: "c", ClientName: "web", RefreshTokenValidity: 30 });
    const out = normaliseLiveSpec(
      { region: "eu-west-1", clients: [client] },
      { region: "eu-west-1", clients: [{ name: "web", enableTokenRevocation: true, readAttributes: [], refreshTokenValidity: 30 }] },
    );
    expect(out.clients).toEqual([{ name: "web", enableTokenRevocation: true, readAttributes: [], refreshTokenValidity: 30 }]);
  });

  test("token lifetimes equal to the defaults in other units are defaults too", () => {
    const client = clientSpecFromApi({ ClientId: "c", ClientName: "web", AccessTokenValidity: 60, TokenValidityUnits: { AccessToken: "minutes" } });
    // The unit of a pruned default lifetime says nothing either (echo-rules.ts, unit-equivalent).
    expect(normaliseLiveSpec({ region: "eu-west-1", clients: [client] }).clients).toEqual([{ name: "web" }]);
  });

  test("a lifetime the design sets compares as a duration: 60 minutes live is the design's 1 hour", () => {
    const client = clientSpecFromApi({ ClientId: "c", ClientName: "web", AccessTokenValidity: 60, IdTokenValidity: 2, RefreshTokenValidity: 720, TokenValidityUnits: { AccessToken: "minutes", IdToken: "hours", RefreshToken: "hours" } });
    const desired = { region: "eu-west-1", clients: [{ name: "web", accessTokenValidity: 1, idTokenValidity: 120, refreshTokenValidity: 30, tokenValidityUnits: { idToken: "minutes" as const } }] };
    // Written the design's way; the implied default units are pruned like any default the design leaves out.
    expect(normaliseLiveSpec({ region: "eu-west-1", clients: [client] }, desired).clients).toEqual([
      { name: "web", accessTokenValidity: 1, idTokenValidity: 120, refreshTokenValidity: 30, tokenValidityUnits: { idToken: "minutes" } },
    ]);
    // A different duration stays as AWS said it.
    const longer = { region: "eu-west-1", clients: [{ name: "web", accessTokenValidity: 2 }] };
    expect(normaliseLiveSpec({ region: "eu-west-1", clients: [client] }, longer).clients?.[0]).toMatchObject({ accessTokenValidity: 60, tokenValidityUnits: { accessToken: "minutes" } });
  });

  test("a unit is kept where its lifetime is not the default, or where the desired spec sets it", () => {
    const client = clientSpecFromApi({ ClientId: "c", ClientName: "web", AccessTokenValidity: 30, IdTokenValidity: 60, TokenValidityUnits: { AccessToken: "minutes", IdToken: "minutes", RefreshToken: "days" } });
    expect(normaliseLiveSpec({ region: "eu-west-1", clients: [client] }).clients).toEqual([{ name: "web", accessTokenValidity: 30, tokenValidityUnits: { accessToken: "minutes" } }]);
    const desired = { region: "eu-west-1", clients: [{ name: "web", tokenValidityUnits: { idToken: "minutes" as const } }] };
    expect(normaliseLiveSpec({ region: "eu-west-1", clients: [client] }, desired).clients).toEqual([{ name: "web", accessTokenValidity: 30, tokenValidityUnits: { accessToken: "minutes", idToken: "minutes" } }]);
  });
});
