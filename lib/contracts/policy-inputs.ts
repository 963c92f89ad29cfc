import "@/lib/cognito/spec/error-map";
import { z } from "zod";
import { MAX_POLICY_FILE_CHARS, POLICY_FILE_TOO_LONG } from "@/lib/cognito/policies/policy-schema";

/** The Policies page's file: the whole set as YAML, and the fingerprint of the set the page was loaded with. */
export const savePoliciesSchema = z.object({
  text: z.string().max(MAX_POLICY_FILE_CHARS, POLICY_FILE_TOO_LONG),
  fingerprint: z.string().max(100),
});

export const adoptStarterSetSchema = z.object({ fingerprint: z.string().max(100) });

/** "Test against this pool": the policies as typed (saved or not), a pool's draft and a target name. */
export const testPoliciesSchema = z.object({
  text: z.string().max(MAX_POLICY_FILE_CHARS, POLICY_FILE_TOO_LONG),
  poolId: z.string().min(1, "choose a pool to test against"),
  targetName: z.string().trim().max(64, "a target name has at most 64 characters"),
});

export const overridePoliciesSchema = z.object({
  changeRequestId: z.string().min(1),
  planVersion: z.number().int().min(1),
  reason: z
    .string()
    .trim()
    .min(10, "write why this apply may break the policy (at least 10 characters): it is kept on the change request and in the audit log")
    .max(1000, "the reason has at most 1000 characters"),
});
