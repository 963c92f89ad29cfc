import { describe, expect, it } from "vitest";
import { serialisePoolDocument } from "../../lib/cognito/spec/document";
import type { PoolDocument } from "../../lib/cognito/spec/document-schema";
import { runCli } from "../main";
import { memoryIo } from "@/test/support/cli-io";

const doc = (spec: PoolDocument["spec"]): PoolDocument => ({ apiVersion: "cognito-studio.dev/v1", kind: "UserPool", metadata: { name: "shop" }, spec: { region: "eu-west-1", ...spec } });

async function policyOf(document: PoolDocument) {
  const io = memoryIo({ files: { "pool.yaml": serialisePoolDocument(document, "yaml") } });
  const code = await runCli(["preflight", "pool.yaml", "--policy"], io);
  return { code, err: io.err(), statements: (JSON.parse(io.out()) as { Statement: { Sid: string; Action: string[] }[] }).Statement };
}

describe("cognito-studio preflight --policy", () => {
  it("prints the IAM policy the design needs without calling AWS: terms documents' actions under their own statement", async () => {
    const { code, statements } = await policyOf(doc({ clients: [{ name: "web" }], terms: [{ client: "web", name: "terms-of-use", links: { "cognito:default": "https://example.com/terms" } }] }));
    expect(code).toBe(0);
    expect(statements.find((s) => s.Sid === "TermsDocuments")?.Action).toEqual(["cognito-idp:ListTerms", "cognito-idp:DescribeTerms", "cognito-idp:CreateTerms", "cognito-idp:UpdateTerms", "cognito-idp:DeleteTerms"]);
  });
  it("leaves out the statements of settings the design does not manage", async () => {
    const { statements } = await policyOf(doc({}));
    expect(statements.map((s) => s.Sid)).not.toContain("TermsDocuments");
    expect(statements.map((s) => s.Sid)).toContain("UserPool");
  });
});
