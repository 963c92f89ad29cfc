import { checkFileText, detectImportFormat, importPoolDocument } from "../lib/cognito/formats";
import { fileRole } from "../lib/cognito/formats/terraform/terraform-config";
import { evaluatePolicies, readPolicyFile } from "../lib/cognito/policies";
import { POLICY_TIME_LIMIT_MS } from "../lib/cognito/policies/evaluation-budget";
import { reviewTerraformPlan } from "../lib/cognito/terraform-plan/review-plan";
import { quotaSizedPool } from "../test/support/pool-documents";
import { medianMs, printRow } from "./measure";

/** Hostile input: how long the guards take on the worst bodies an import can send (they must stay linear). */
export async function benchHostile(): Promise<void> {
  const flood = "\n".repeat(500_000);
  let ms = await medianMs(() => detectImportFormat(flood), 5);
  printRow("detect the format of 500,000 newlines", ms, "(was 25 s for 80,000 with multiline ^\\s* patterns; target < 50 ms)");
  ms = await medianMs(() => fileRole("pasted text", "\r\n".repeat(500_000)), 5);
  printRow("tell pasted text's Terraform role, 500,000 CRLF", ms, "(was 20 s for 40,000 with a multiline ^\\s* block pattern; target < 50 ms)");
  const template = `Resources:${flood}  Pool:${flood}    Type:${flood}      AWS::Cognito::UserPool\n`;
  ms = await medianMs(() => detectImportFormat(template), 5);
  printRow("detect a template with 1,500,000 newlines between its keys", ms, "(target < 100 ms)");
  const deep = "[".repeat(1_000_000);
  ms = await medianMs(() => importPoolDocument(deep, "spec"), 5);
  printRow("import 1,000,000 '[' (refused: too deep)", ms, "(target < 50 ms)");
  const wide = `${"a: [1, {b: \"x\"}]\n".repeat(110_000)}`;
  ms = await medianMs(() => checkFileText(wide, "wide.yaml"), 5);
  printRow(`input limits on ${(wide.length / 1e6).toFixed(1)} MB of shallow flow YAML`, ms, "(the YAML parse of it takes about 13 s: the parse worker's time limit ends it)");
  await benchHostilePoliciesAndPlans();
}

/** The guards of the policy file reader, the policy evaluator and the Terraform plan review. */
async function benchHostilePoliciesAndPlans(): Promise<void> {
  let ms = await medianMs(() => readPolicyFile("[".repeat(100_000)), 5);
  printRow("read a policy file of 100,000 '[' (refused: too deep)", ms, "(was 1.9 s and 'Maximum call stack size exceeded'; target < 50 ms)");
  const deepPlan = `{"format_version":"1.2","resource_changes":[{"address":"aws_cognito_user_pool.p","mode":"managed","type":"aws_cognito_user_pool","name":"p","change":{"actions":["create"],"after":{"name":"p","tags":${'{"a":'.repeat(20_000)}1${"}".repeat(20_000)}}}}]}`;
  ms = await medianMs(() => reviewTerraformPlan(deepPlan), 5);
  printRow("review a plan with a value nested 20,000 deep (refused)", ms, "(target < 100 ms)");
  const condition = Array.from({ length: 40 }, (_, i) => `c.name.size() != ${1000 + i}`).join(" && ");
  const slow = readPolicyFile(`policies:\n  - ${JSON.stringify({ id: "slow", description: "d", severity: "block", each: "clients", require: `clients.all(c, ${condition})`, path: "spec.clients[*]" })}\n`).compiled;
  const pool = quotaSizedPool();
  ms = await medianMs(() => evaluatePolicies(slow, pool, { name: "prod", region: "" }), 1, 0);
  printRow("a policy walking 1,000 clients inside 1,000 (stopped)", ms, `(was 23-27 s; the policy time limit is ${POLICY_TIME_LIMIT_MS / 1000} s)`);
}
