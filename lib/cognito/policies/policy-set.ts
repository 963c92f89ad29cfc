/**
 * A stored set of policies as the studio evaluates it everywhere (the editor, the apply gate, the Terraform
 * review): the policies that compile, and each one that does not as a violation of its own. A stored policy can
 * stop compiling (saved before a change of the expression language, e.g. `matches` taking RE2 syntax); a
 * blocking policy the studio cannot evaluate must stop an apply like a broken one, and the editor says so too.
 */
import { type CompiledPolicy, compilePolicies } from "./compile";
import type { Policy, PolicyViolation } from "./types";

export interface PolicySet {
  compiled: CompiledPolicy[];
  /** The policies that do not compile, one violation each at the policy's field, whatever the document. */
  uncompiled: PolicyViolation[];
}

/** Compiles a stored set; a policy that does not compile becomes a violation naming what is wrong. */
export function compilePolicySet(policies: readonly Policy[]): PolicySet {
  const { compiled, problems } = compilePolicies(policies);
  const uncompiled = problems.flatMap((problem): PolicyViolation[] => {
    const policy = policies.find((p) => p.id === problem.policyId);
    if (!policy) return [];
    const blocking = policy.severity === "block";
    const message = `this policy no longer compiles (${problem.message}); an admin corrects it on the Policies page`;
    return [{ severity: blocking ? "error" : "warning", path: policy.path, code: `policy/${policy.id}`, policyId: policy.id, blocking, message }];
  });
  return { compiled, uncompiled };
}
