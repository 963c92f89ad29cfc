/**
 * Just enough of IAM policy evaluation for preflight: does a statement allow a service principal an
 * action, and which conditions does it set. Deny statements and NotAction/NotPrincipal are honoured
 * conservatively (a matching Deny means "not allowed").
 */

type Json = Record<string, unknown>;

export interface PolicyStatement {
  effect: "Allow" | "Deny";
  actions: string[];
  servicePrincipals: string[];
  /** Any principal (`"*"` or `{ AWS: "*" }`). */
  anyPrincipal: boolean;
  /** Resource patterns (identity policies); empty when the statement names none. */
  resources: string[];
  /** Condition operator → key (lower-cased) → values. */
  conditions: Record<string, Record<string, string[]>>;
}

const list = (value: unknown): string[] => (Array.isArray(value) ? value.map(String) : value === undefined ? [] : [String(value)]);

/** Parses a policy document (JSON text); throws a readable error when it is not a policy. */
export function parsePolicy(text: string): PolicyStatement[] {
  const doc = JSON.parse(text) as Json;
  const statements = Array.isArray(doc.Statement) ? doc.Statement : doc.Statement ? [doc.Statement] : [];
  return (statements as Json[]).map((s) => {
    const principal = s.Principal;
    const servicePrincipals = typeof principal === "object" && principal !== null ? list((principal as Json).Service) : [];
    const anyPrincipal = principal === "*" || (typeof principal === "object" && principal !== null && list((principal as Json).AWS).includes("*"));
    const conditions: PolicyStatement["conditions"] = {};
    for (const [operator, keys] of Object.entries((s.Condition ?? {}) as Record<string, Json>)) {
      conditions[operator] = Object.fromEntries(Object.entries(keys).map(([k, v]) => [k.toLowerCase(), list(v)]));
    }
    return { effect: s.Effect === "Deny" ? "Deny" : "Allow", actions: list(s.Action), servicePrincipals, anyPrincipal, resources: list(s.Resource), conditions };
  });
}

/** IAM-style wildcard match (`*`, `?`), case-insensitive as IAM compares actions. */
export function wildcardMatch(pattern: string, value: string, caseInsensitive = false): boolean {
  const escaped = pattern.replace(/[.+^${}()|[\]\\]/gu, "\\$&").replace(/\*/gu, ".*").replace(/\?/gu, ".");
  return new RegExp(`^${escaped}$`, caseInsensitive ? "iu" : "u").test(value);
}

/** Statements that name `service` (or any principal) and an action matching `action`. */
export function statementsFor(statements: readonly PolicyStatement[], service: string, action: string): PolicyStatement[] {
  return statements.filter(
    (s) => (s.anyPrincipal || s.servicePrincipals.includes(service)) && s.actions.some((a) => wildcardMatch(a, action, true)),
  );
}

/** The values a statement requires for a condition key under any of `operators` (e.g. StringEquals). */
export function conditionValues(statement: PolicyStatement, operators: readonly string[], key: string): string[] | undefined {
  for (const operator of operators) {
    const values = statement.conditions[operator]?.[key.toLowerCase()];
    if (values) return values;
  }
  return undefined;
}

/**
 * Do identity policies allow `action` on every resource (`Resource: "*"`), with no unconditional Deny?
 * Cognito publishes SMS to phone numbers, which have no ARN, so the role needs sns:Publish on "*".
 */
export function identityPoliciesAllowEverywhere(statements: readonly PolicyStatement[], action: string): boolean {
  const matching = statements.filter((s) => s.actions.some((a) => wildcardMatch(a, action, true)) && s.resources.includes("*"));
  if (matching.some((s) => s.effect === "Deny" && Object.keys(s.conditions).length === 0)) return false;
  return matching.some((s) => s.effect === "Allow");
}
