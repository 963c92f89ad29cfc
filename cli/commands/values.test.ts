import { describe, expect, it } from "vitest";
import { runCli } from "../main";
import { memoryIo } from "@/test/support/cli-io";

// `--values FILE` on plan and export: a target's per-environment values, checked with the studio's schema.
const DESIGN = `apiVersion: cognito-studio.dev/v1
kind: UserPool
metadata: { name: shop }
spec:
  region: eu-west-1
  domain: { domain: shop-auth }
  lambdaConfig:
    preSignUp: arn:aws:lambda:eu-west-1:210987654321:function:dev-pre-sign-up
  resourceServers:
    - identifier: https://api.dev.shop.test
      name: Orders API
      scopes: [{ name: read, description: Read orders }]
  clients:
    - name: svc
      generateSecret: true
      allowedOAuthFlowsUserPoolClient: true
      allowedOAuthFlows: [client_credentials]
      allowedOAuthScopes: [https://api.dev.shop.test/read]
`;

const PROD = `triggers:
  preSignUp: arn:aws:lambda:eu-west-1:210987654321:function:prod-pre-sign-up
resourceServers:
  https://api.dev.shop.test: { identifier: https://api.shop.test }
`;

describe("--values FILE", () => {
  it("plan --create shows the target's values, not the design's", async () => {
    const io = memoryIo({ files: { "design.yaml": DESIGN, "prod.yaml": PROD } });
    expect(await runCli(["plan", "design.yaml", "--create", "--values", "prod.yaml", "--format", "json"], io)).toBe(0);
    const text = io.out();
    expect(text).toContain("function:prod-pre-sign-up");
    expect(text).not.toContain("function:dev-pre-sign-up");
    expect(text).toContain("https://api.shop.test/read");
    expect(text).not.toContain("api.dev.shop.test");
    expect(io.err()).toBe("");
  });

  it("plan CURRENT DESIRED with the values on both sides' live state plans nothing: the server pairs by the target's identifier", async () => {
    const live = DESIGN.replaceAll("dev-pre-sign-up", "prod-pre-sign-up").replaceAll("api.dev.shop.test", "api.shop.test");
    const io = memoryIo({ files: { "live.yaml": live, "design.yaml": DESIGN, "prod.yaml": PROD } });
    expect(await runCli(["plan", "live.yaml", "design.yaml", "--values", "prod.yaml", "--detailed-exitcode"], io)).toBe(0);
    const without = memoryIo({ files: { "live.yaml": live, "design.yaml": DESIGN } });
    expect(await runCli(["plan", "live.yaml", "design.yaml", "--detailed-exitcode"], without)).toBe(2);
  });

  it("refuses invalid values with the field, the rule and what to do; nothing is planned", async () => {
    const io = memoryIo({ files: { "design.yaml": DESIGN, "bad.yaml": "triggers:\n  preSignUp: prod-pre-sign-up\nemail:\n  sourceArn: arn:aws:sns:eu-west-1:210987654321:topic\n" } });
    expect(await runCli(["plan", "design.yaml", "--create", "--values", "bad.yaml"], io)).toBe(1);
    expect(io.out()).toBe("");
    expect(io.err()).toBe(
      [
        "bad.yaml: error triggers.preSignUp: must be a Lambda function ARN like arn:aws:lambda:eu-west-1:123456789012:function:pre-sign-up; copy it from the function's page in the Lambda console",
        "bad.yaml: error email.sourceArn: must be an SES identity ARN like arn:aws:ses:eu-west-1:123456789012:identity/example.com; copy it from the verified identity's page in the SES console",
        "cognito-studio plan: bad.yaml holds invalid per-environment values; nothing was done",
        "",
      ].join("\n"),
    );
  });

  it("warns about values for settings the design lacks, and reads a missing file as a usage error", async () => {
    const io = memoryIo({ files: { "design.yaml": DESIGN, "extra.json": '{"groups":{"admins":{"roleArn":"arn:aws:iam::210987654321:role/admins"}}}' } });
    expect(await runCli(["export", "design.yaml", "--to", "spec", "--values", "extra.json"], io)).toBe(0);
    expect(io.err()).toBe("extra.json: warning: the design has no Group admins: IAM role; its value is ignored\n");
    const missing = memoryIo({ files: { "design.yaml": DESIGN } });
    expect(await runCli(["export", "design.yaml", "--to", "spec", "--values", "nope.yaml"], missing)).toBe(2);
    expect(missing.err()).toMatch(/^cognito-studio export: cannot read nope.yaml: ENOENT/u);
  });

  it("export --to terraform for a target writes the target's trigger and identifier", async () => {
    const io = memoryIo({ files: { "design.yaml": DESIGN, "prod.yaml": PROD } });
    expect(await runCli(["export", "design.yaml", "--to", "terraform", "--values", "prod.yaml"], io)).toBe(0);
    expect(io.out()).toContain('"arn:aws:lambda:eu-west-1:210987654321:function:prod-pre-sign-up"');
    expect(io.out()).toMatch(/identifier += "https:\/\/api\.shop\.test"/u);
    expect(io.out()).not.toContain("api.dev.shop.test");
  });
});
