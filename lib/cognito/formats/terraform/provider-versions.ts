/**
 * The lowest hashicorp/aws provider version that accepts an exported file: the newest "first version" among
 * the arguments the file uses, so a team on an older 5.x release is refused only when the design needs an
 * argument its provider lacks. Arguments not listed here are older than the base.
 *
 * Sources: the provider's CHANGELOG (https://github.com/hashicorp/terraform-provider-aws/blob/main/CHANGELOG.md)
 * and the pull request that added each argument. Every argument below is in 5.100.0, which the export test applies with.
 */

import { HclExpression, type HclNode, type HclValue } from "./hcl";

/** The oldest provider the exports target: the 5.x major line, which the export test applies with. */
export const AWS_PROVIDER_BASE_VERSION = "5.0.0";

export interface ProviderArgumentVersion {
  /** The resource type the argument belongs to. */
  resource: string;
  /** The argument or block name as written in the file. */
  argument: string;
  /** The first provider release that accepts it. */
  since: string;
  /** Where that is stated. */
  source: string;
}

export const PROVIDER_ARGUMENT_VERSIONS: readonly ProviderArgumentVersion[] = [
  { resource: "aws_cognito_user_pool", argument: "user_pool_tier", since: "5.83.0", source: "https://github.com/hashicorp/terraform-provider-aws/pull/40633 (CHANGELOG v5.83.0)" },
  // Passwordless and passkey sign-in (sign_in_policy, web_authn_configuration) were merged after user_pool_tier
  // (January 2025); the table vouches for no release before that one's.
  { resource: "aws_cognito_user_pool", argument: "sign_in_policy", since: "5.83.0", source: "https://github.com/hashicorp/terraform-provider-aws/pull/40765" },
  { resource: "aws_cognito_user_pool", argument: "web_authn_configuration", since: "5.83.0", source: "https://github.com/hashicorp/terraform-provider-aws/pull/40765" },
  { resource: "aws_cognito_user_pool", argument: "advanced_security_additional_flows", since: "5.98.0", source: "https://github.com/hashicorp/terraform-provider-aws/pull/42470 (CHANGELOG v5.98.0)" },
  { resource: "aws_cognito_user_pool", argument: "pre_token_generation_config", since: "5.33.0", source: "https://github.com/hashicorp/terraform-provider-aws/pull/35236" },
  // Password reuse (password_history_size) and email MFA (email_mfa_configuration) came with the 2024 threat
  // protection and email-OTP features; their exact release is not pinned here, so the table vouches for 5.83.0.
  { resource: "aws_cognito_user_pool", argument: "password_history_size", since: "5.83.0", source: "https://github.com/hashicorp/terraform-provider-aws/issues/39016" },
  { resource: "aws_cognito_user_pool", argument: "email_mfa_configuration", since: "5.83.0", source: "https://github.com/hashicorp/terraform-provider-aws/blob/main/CHANGELOG.md" },
  { resource: "aws_cognito_user_pool_domain", argument: "managed_login_version", since: "5.95.0", source: "https://github.com/hashicorp/terraform-provider-aws/pull/40855 (release v5.95.0)" },
  { resource: "aws_cognito_user_pool_client", argument: "refresh_token_rotation", since: "5.99.0", source: "https://github.com/hashicorp/terraform-provider-aws/blob/main/CHANGELOG.md" },
  // Whole resources, each marked by its one required argument. Log delivery: "6.5.0 (July 24, 2025)" in the CHANGELOG.
  { resource: "aws_cognito_log_delivery_configuration", argument: "user_pool_id", since: "6.5.0", source: "https://github.com/hashicorp/terraform-provider-aws/blob/main/CHANGELOG.md (v6.5.0)" },
  // Managed login branding: merged on 4 September 2025 (released that week or
  // the next); the table vouches for the release after, 6.13.0.
  { resource: "aws_cognito_managed_login_branding", argument: "user_pool_id", since: "6.13.0", source: "https://github.com/hashicorp/terraform-provider-aws/pull/43817" },
];

function compareVersions(a: string, b: string): number {
  const pa = a.split(".").map(Number);
  const pb = b.split(".").map(Number);
  for (let i = 0; i < 3; i++) if ((pa[i] ?? 0) !== (pb[i] ?? 0)) return (pa[i] ?? 0) - (pb[i] ?? 0);
  return 0;
}

/** A line that opens a top-level block (`resource "type" "label" {`, `module "x" {`, ...). */
const TOP_LEVEL_BLOCK = /^(resource|module|data|variable|output|import|provider|terraform)\b[^\n]*\{[ \t\r]*$/u;

/**
 * The resource blocks of an HCL text: type → the text of each block (up to the next top-level block). Only
 * unindented lines can open one, so the others are skipped by their first character (an export is 1 MB and more).
 */
function resourceBodies(hcl: string): Map<string, string[]> {
  const starts: { index: number; keyword: string; line: string }[] = [];
  for (let index = 0; index < hcl.length; ) {
    const end = hcl.indexOf("\n", index);
    const next = end < 0 ? hcl.length : end + 1;
    const first = hcl.charCodeAt(index);
    if (first >= 0x61 && first <= 0x7a) {
      const line = hcl.slice(index, end < 0 ? hcl.length : end);
      const keyword = TOP_LEVEL_BLOCK.exec(line)?.[1];
      if (keyword) starts.push({ index, keyword, line });
    }
    index = next;
  }
  const out = new Map<string, string[]>();
  starts.forEach((start, i) => {
    if (start.keyword !== "resource") return;
    const type = /^resource\s+"([^"]+)"/u.exec(start.line)?.[1] ?? "";
    const bodies = out.get(type) ?? [];
    bodies.push(hcl.slice(start.index, starts[i + 1]?.index ?? hcl.length));
    out.set(type, bodies);
  });
  return out;
}

/** Each argument's test, compiled once: the name at the start of a line, then `=` or `{`. */
const ARGUMENT_LINES = new Map(PROVIDER_ARGUMENT_VERSIONS.map((entry) => [entry, new RegExp(`^\\s*${entry.argument}\\s*(=|\\{)`, "mu")]));

/** The arguments of the table that `hcl` uses, each with its first version. */
export function providerArgumentsUsed(hcl: string): ProviderArgumentVersion[] {
  const bodies = resourceBodies(hcl);
  return PROVIDER_ARGUMENT_VERSIONS.filter((entry) => (bodies.get(entry.resource) ?? []).some((body) => ARGUMENT_LINES.get(entry)?.test(body) === true));
}

/** The lowest provider version that accepts every argument `hcl` uses: `>= X.Y.Z`. */
export function providerVersionConstraint(hcl: string): string {
  return constraintOf(providerArgumentsUsed(hcl));
}

function constraintOf(used: readonly ProviderArgumentVersion[]): string {
  const floor = used.reduce((max, e) => (compareVersions(e.since, max) > 0 ? e.since : max), AWS_PROVIDER_BASE_VERSION);
  return `>= ${floor}`;
}

/** Every name that starts a line of a printed value: the keys of its objects, at any depth. */
function addValueNames(value: HclValue | undefined, names: Set<string>): void {
  if (value === null || value === undefined || typeof value !== "object" || value instanceof HclExpression) return;
  if (Array.isArray(value)) for (const item of value as readonly HclValue[]) addValueNames(item, names);
  else
    for (const [key, item] of Object.entries(value as Record<string, HclValue | undefined>)) {
      if (item === undefined) continue;
      names.add(key);
      addValueNames(item, names);
    }
}

/** The argument and block names of a body, nested blocks and object keys included (what the text scan sees). */
function addBodyNames(body: readonly HclNode[], names: Set<string>): void {
  for (const node of body) {
    if (node.kind === "attribute") {
      names.add(node.name);
      addValueNames(node.value, names);
    } else if (node.kind === "block") {
      names.add(node.type);
      addBodyNames(node.body, names);
    }
  }
}

const VERSIONED_RESOURCES = new Set(PROVIDER_ARGUMENT_VERSIONS.map((entry) => entry.resource));

/**
 * The same floor read off top-level nodes before they are printed: the export's path, which then neither
 * prints the resources twice nor scans the printed megabyte.
 */
export function providerVersionConstraintOfNodes(nodes: readonly HclNode[]): string {
  const namesByType = new Map<string, Set<string>>();
  for (const node of nodes) {
    if (node.kind !== "block" || node.type !== "resource" || node.labels.length === 0) continue;
    // Resources of a type the table does not name cannot raise the floor (the resource servers' thousands of scopes).
    if (!VERSIONED_RESOURCES.has(node.labels[0])) continue;
    const names = namesByType.get(node.labels[0]) ?? new Set<string>();
    addBodyNames(node.body, names);
    namesByType.set(node.labels[0], names);
  }
  return constraintOf(PROVIDER_ARGUMENT_VERSIONS.filter((entry) => namesByType.get(entry.resource)?.has(entry.argument) === true));
}
