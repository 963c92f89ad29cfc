"use client";
import { useEffect, useState } from "react";
import type { Policy, PolicyTarget } from "@/lib/cognito/policies/types";
import type { PoolDocument } from "@/lib/cognito/spec/document-schema";
import type { Diagnostic } from "@/lib/cognito/spec/diagnostics";

type PolicyCheck = (doc: PoolDocument) => Diagnostic[];

/**
 * The workspace's policies as a check the editor runs after each change. The CEL evaluator and its RE2 engine
 * are loaded only when the workspace has policies, after the editor is shown: most workspaces have none, and
 * the stored draft's violations already arrive checked by the server. A stored policy that no longer compiles
 * is shown as a violation of its own, as the apply gate counts it (`editorPolicyCheck`).
 */
export function usePolicyCheck(policies: readonly Policy[], targets: readonly PolicyTarget[]): PolicyCheck | undefined {
  const [check, setCheck] = useState<{ run: PolicyCheck }>();
  useEffect(() => {
    if (policies.length === 0) {
      setCheck(undefined);
      return;
    }
    let current = true;
    void import("@/lib/cognito/policies").then(({ editorPolicyCheck }) => {
      if (current) setCheck({ run: editorPolicyCheck(policies, targets) });
    });
    return () => {
      current = false;
    };
  }, [policies, targets]);
  return check?.run;
}
