/**
 * Policies: rules a workspace writes once, in CEL (https://cel.dev, the language OpenMCF's validation rules use),
 * over the native pool document and the target it goes to. A finding is the studio's own advice; a policy is the
 * team's. A `block` policy stops an apply unless an admin overrides it with a written reason; a `warn` one is shown.
 */
import type { Diagnostic } from "../spec/diagnostics";

export type PolicySeverity = "warn" | "block";

/** One policy as written (YAML file, database row, form). */
export interface Policy {
  /** Stable name, lower-case words and hyphens; the diagnostic code is `policy/<id>`. */
  id: string;
  /** What the team requires, in plain words: the message a violation shows. */
  description: string;
  severity: PolicySeverity;
  /** CEL: when the policy applies (absent: always), e.g. `target.name == "prod"`. */
  when?: string;
  /**
   * CEL: a list to check one by one (e.g. `clients`); `require` then sees each element as `item` and its position
   * as `index`, and a `[*]` in `path` becomes that position.
   */
  each?: string;
  /** CEL: what must hold, e.g. `pool.spec.deletionProtection == "ACTIVE"`. */
  require: string;
  /** The field the policy concerns, in the studio's path notation (`spec.deletionProtection`, `spec.clients[*].callbackUrls`). */
  path: string;
}

/** Where a policy goes: the target's name and Region (both "" when checked without a target). */
export interface PolicyTarget {
  name: string;
  region: string;
}

/** The CEL expressions of a policy, by the key they are written under. */
export type PolicyExpressionKey = "when" | "each" | "require";

/** A policy that cannot be compiled or evaluated: which policy, which expression, where, and what to do. */
export interface PolicyProblem {
  policyId: string;
  expression: PolicyExpressionKey | "policy";
  /** 1-based column in the expression, when the evaluator names one. */
  column?: number;
  message: string;
}

/** A policy a pool does not satisfy: a diagnostic with code `policy/<id>` at the policy's field. */
export interface PolicyViolation extends Diagnostic {
  code: `policy/${string}`;
  policyId: string;
  blocking: boolean;
}
