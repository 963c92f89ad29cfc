/**
 * Lambda triggers: each function exists and its resource policy lets cognito-idp.amazonaws.com invoke it
 * (for this pool's ARN when the pool exists). Lambdas need an invoke permission for
 * cognito-idp.amazonaws.com (https://docs.aws.amazon.com/cognito/latest/developerguide/cognito-user-identity-pools-working-with-aws-lambda-triggers.html); without it Cognito's call fails when the trigger runs
 * ([M UnexpectedLambdaException]).
 */
import type { LambdaConfigSpec } from "../../spec/lambda-config-schema";
import type { PoolSpec } from "../../spec/pool-schema";
import { parseArn } from "../arn";
import { conditionValues, parsePolicy, statementsFor, wildcardMatch } from "../policy";
import { type PreflightContext, resultOf, unknownResult } from "../result";
import type { PreflightPort, PreflightResult } from "../types";

const COGNITO = "cognito-idp.amazonaws.com";
const ARN_OPERATORS = ["ArnLike", "ArnEquals", "StringLike", "StringEquals"];

/** Every trigger of a lambdaConfig with its document path; an ARN used twice is listed once. */
export function triggersOf(config: LambdaConfigSpec | undefined): { path: string; arn: string; trigger: string }[] {
  const out: { path: string; arn: string; trigger: string }[] = [];
  const seen = new Set<string>();
  for (const [trigger, value] of Object.entries(config ?? {})) {
    if (trigger === "kmsKeyId" || value === undefined) continue;
    const arn = typeof value === "string" ? value : value.lambdaArn;
    const path = typeof value === "string" ? `spec.lambdaConfig.${trigger}` : `spec.lambdaConfig.${trigger}.lambdaArn`;
    if (seen.has(arn)) continue;
    seen.add(arn);
    out.push({ path, arn, trigger });
  }
  return out;
}

async function checkTrigger(path: string, trigger: string, functionArn: string, port: PreflightPort, context: PreflightContext): Promise<PreflightResult> {
  const arn = parseArn(functionArn);
  if (!arn || arn.service !== "lambda" || !arn.resource.startsWith("function:")) return resultOf("lambda-arn-invalid", path, `${functionArn} is not a Lambda function ARN.`);
  const name = arn.resource.split(":")[1] ?? "";
  let policyText: string | undefined;
  try {
    if (!(await port.functionExists(functionArn))) return resultOf("lambda-not-found", path, `The ${trigger} function ${name} does not exist in ${arn.region} (account ${arn.account}).`);
    policyText = await port.getFunctionPolicy(functionArn);
  } catch (error) {
    return unknownResult("lambda-trigger", path, `the ${trigger} function ${name}`, error);
  }
  if (!policyText) return resultOf("lambda-not-invokable", path, `The ${trigger} function ${name} has no resource policy, so Cognito may not invoke it.`);
  const statements = statementsFor(parsePolicy(policyText), COGNITO, "lambda:InvokeFunction");
  const allows = statements.filter((s) => s.effect === "Allow");
  if (allows.length === 0) return resultOf("lambda-not-invokable", path, `The resource policy of ${name} does not let ${COGNITO} invoke it.`);

  const sourceArns = (s: (typeof allows)[number]) => conditionValues(s, ARN_OPERATORS, "aws:SourceArn");
  const unscoped = allows.some((s) => !sourceArns(s));
  if (unscoped) return resultOf("lambda-ok", path, `${COGNITO} may invoke the ${trigger} function ${name}.`);
  const scopes = allows.flatMap((s) => sourceArns(s) ?? []);
  if (!context.userPoolArn) return resultOf("lambda-permission-unconfirmed", path, `${name} lets Cognito invoke it only for ${scopes.join(", ")}; the pool does not exist yet.`);
  const poolArn = context.userPoolArn;
  if (scopes.some((pattern) => wildcardMatch(pattern, poolArn))) return resultOf("lambda-ok", path, `${COGNITO} may invoke the ${trigger} function ${name} for this pool.`);
  return resultOf("lambda-permission-other-pool", path, `${name} lets Cognito invoke it only for ${scopes.join(", ")}, not for ${poolArn}.`);
}

export async function checkLambdaTriggers(spec: PoolSpec, port: PreflightPort, context: PreflightContext): Promise<PreflightResult[]> {
  return Promise.all(triggersOf(spec.lambdaConfig).map((t) => checkTrigger(t.path, t.trigger, t.arn, port, context)));
}
