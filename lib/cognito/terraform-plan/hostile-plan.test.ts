/**
 * Hostile plan JSON: values nested far deeper than any plan, and a format Terraform promises to change
 * incompatibly. Each is refused with what to do, never "Maximum call stack size exceeded".
 */
import { describe, expect, test } from "vitest";
import { reviewTerraformPlan } from "./review-plan";

/** A plan that creates one user pool; `tags` is replaced by `value` (raw JSON text). */
function planWith(value: string, formatVersion: unknown = "1.2"): string {
  const after = { name: "shop", tags: "__VALUE__" };
  const plan = { format_version: formatVersion, terraform_version: "1.9.0", resource_changes: [{ address: "aws_cognito_user_pool.shop", mode: "managed", type: "aws_cognito_user_pool", name: "shop", change: { actions: ["create"], before: null, after, after_unknown: {} } }] };
  return JSON.stringify(plan).replace('"__VALUE__"', value);
}
const nested = (levels: number, open: string, close: string) => `${open.repeat(levels)}1${close.repeat(levels)}`;

describe("hostile plan JSON", () => {
  test.each([
    ["objects", nested(20_000, '{"a":', "}")],
    ["lists", nested(20_000, "[", "]")],
  ])("%s nested 20,000 deep in a resource's values are refused, naming the limit", async (_label, value) => {
    const review = await reviewTerraformPlan(planWith(value));
    expect(review.pools).toEqual([]);
    expect(review.diagnostics).toEqual([
      expect.objectContaining({
        code: "too-deep",
        message: "the plan's JSON nests more than 200 levels deep; a Terraform plan nests a few dozen: give the output of `terraform show -json PLANFILE` as Terraform wrote it",
      }),
    ]);
  });

  test("values nested 150 deep are still reviewed", async () => {
    const review = await reviewTerraformPlan(planWith(nested(150, '{"a":', "}")));
    expect(review.diagnostics.map((d) => d.code)).not.toContain("too-deep");
    expect(review.pools.map((p) => p.address)).toEqual(["aws_cognito_user_pool.shop"]);
  });

  test.each([["2.0"], ["0.1"], [2], ["one"]])("format_version %j (not Terraform's format 1) is refused", async (version) => {
    const review = await reviewTerraformPlan(planWith('{"team": "shop"}', version));
    expect(review.pools).toEqual([]);
    expect(review.diagnostics).toEqual([
      expect.objectContaining({
        code: "unsupported-format",
        message: `the plan's format_version is ${JSON.stringify(version)}; the studio reads format 1.x, what Terraform 0.12 and later write (https://developer.hashicorp.com/terraform/internals/json-format): give the output of \`terraform show -json PLANFILE\` from such a Terraform`,
      }),
    ]);
  });

  test.each([["1.0"], ["1.2"], ["1.10"]])("format_version %j is read", async (version) => {
    const review = await reviewTerraformPlan(planWith('{"team": "shop"}', version));
    expect(review.diagnostics.map((d) => d.code)).not.toContain("unsupported-format");
    expect(review.pools).toHaveLength(1);
  });

  test.each([
    ["a quote lost before a value", (t: string) => t.replace(':"SuperSecretValue', ":SuperSecretValue")],
    ["a stray character in a value", (t: string) => t.replace('"SuperSecretValue', '"Super"SecretValue')],
    ["a file cut inside a value", (t: string) => t.slice(0, t.indexOf("Value"))],
  ])("JSON broken by %s is refused without quoting the text around the break (a plan holds sensitive values in clear)", async (_label, breakIt) => {
    const plan = JSON.stringify({ format_version: "1.2", resource_changes: [{ address: "aws_cognito_user_pool_client.web", type: "aws_cognito_user_pool_client", change: { actions: ["create"], after: { client_secret: "SuperSecretValue123" } } }] });
    const review = await reviewTerraformPlan(breakIt(plan));
    expect(review.diagnostics).toHaveLength(1);
    expect(review.diagnostics[0]).toMatchObject({ code: "not-json", message: expect.stringMatching(/^the file is not JSON \(.+ at line 1, column \d+\); give the output of `terraform show -json PLANFILE`, not the binary plan file$/u) });
    expect(review.diagnostics[0]?.message).not.toMatch(/Super|Secret|Value|secret/u);
  });
});
