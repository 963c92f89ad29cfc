/**
 * Terraform argument names of the spec's fields: snake_case of the spec key unless listed here
 * (the Terraform AWS provider docs: https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/cognito_user_pool,
 * cognito_user_pool_client, cognito_resource_server, cognito_user_pool_domain).
 * Render and parse share these tables, so what one writes the other reads.
 */
import { type ShapeNaming, snakeCase } from "../shape-walk";

/** snake_case names already worked out (keys are the schema's, a bounded set): an export asks for the same keys of each of 1,000 clients. */
const SNAKE_NAMES = new Map<string, string>();

function snakeName(key: string): string {
  let name = SNAKE_NAMES.get(key);
  if (name === undefined) SNAKE_NAMES.set(key, (name = snakeCase(key)));
  return name;
}

export function tableNaming(overrides: Record<string, string>): ShapeNaming {
  // Only a key that ends some override's path can be renamed; every other key is its snake_case.
  const lastKeys = new Set(Object.keys(overrides).map((path) => path.split(".").pop()));
  return {
    objectsAsBlocks: true,
    targetName: (path, key) => (lastKeys.has(key) ? overrides[[...path, key].join(".")] : undefined) ?? snakeName(key),
  };
}

export const TF_POOL_NAMING = tableNaming({
  userPoolTags: "tags",
  schemaAttributes: "schema",
  "emailConfiguration.from": "from_email_address",
  "accountRecoverySetting.recoveryMechanisms": "recovery_mechanism",
});

export const TF_CLIENT_NAMING = tableNaming({
  allowedOAuthFlows: "allowed_oauth_flows",
  allowedOAuthScopes: "allowed_oauth_scopes",
  allowedOAuthFlowsUserPoolClient: "allowed_oauth_flows_user_pool_client",
});

export const TF_RESOURCE_SERVER_NAMING = tableNaming({
  scopes: "scope",
  "scopes.name": "scope_name",
  "scopes.description": "scope_description",
});

export const TF_DOMAIN_NAMING = tableNaming({});

export const TF_TYPES = {
  pool: "aws_cognito_user_pool",
  client: "aws_cognito_user_pool_client",
  resourceServer: "aws_cognito_resource_server",
  domain: "aws_cognito_user_pool_domain",
  group: "aws_cognito_user_group",
  identityProvider: "aws_cognito_identity_provider",
  riskConfiguration: "aws_cognito_risk_configuration",
} as const;

/**
 * AWS's documented constraints of standard String attributes (https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/cognito_user_pool,
 * "schema: Defaults for Standard Attributes"): 0–2048 characters, birthdate exactly 10.
 */
export function standardStringDefaults(name: string): { minLength: string; maxLength: string } {
  return name === "birthdate" ? { minLength: "10", maxLength: "10" } : { minLength: "0", maxLength: "2048" };
}
