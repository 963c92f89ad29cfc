/**
 * Findings: best-practice checks a security reviewer would raise. They are warnings, never errors: the pool
 * is valid and AWS would accept it, but a reviewer (or an AWS compliance scan after deployment) would flag it.
 */
import type { Diagnostic } from "../spec/diagnostics";
import type { PoolDocument } from "../spec/document-schema";
import type { PoolSpec } from "../spec/pool-schema";
import type { EffectiveClient } from "../spec/rules/rule";
import type { Environment } from "./environment";

/** The AWS compliance scan that reports the same thing after deployment. */
export interface ComplianceRef {
  /** AWS Config managed rule, e.g. `cognito-user-pool-deletion-protection-enabled`. */
  configRule: string;
  /** AWS Security Hub CSPM control id, e.g. `Cognito.6`. */
  securityHubControl?: string;
}

/** A finding is a warning diagnostic, plus the compliance rule that would flag it after deployment. */
export interface Finding extends Diagnostic {
  severity: "warning";
  /** AWS Config managed rule name, when one covers this finding. */
  complianceRule?: string;
  /** AWS Security Hub control id, when one covers this finding. */
  securityHubControl?: string;
}

export interface FindingContext {
  document: PoolDocument;
  spec: PoolSpec;
  /** Path of the spec in the document: "spec". */
  base: string;
  environment: Environment;
  /** The label or tag that decided the environment, e.g. `metadata.labels.env`. */
  environmentSource?: string;
  /** Clients with `clientDefaults` applied; `pathOf` points at the client or at `clientDefaults`. */
  clients: EffectiveClient[];
}

/** What a check reports: where, and the problem in plain words (what to do instead included). */
export interface FindingHit {
  path: string;
  message: string;
}

export interface FindingCheck {
  /** Stable code, `finding/<name>`. */
  code: `finding/${string}`;
  /** Short title for lists and docs. */
  title: string;
  /** The environments the check runs in (see environment.ts). */
  environments: readonly Environment[];
  compliance?: ComplianceRef;
  run: (ctx: FindingContext) => FindingHit[];
}

/** Runs everywhere except in pools labelled non-production. */
export const UNLESS_NON_PRODUCTION: readonly Environment[] = ["production", "unspecified"];
/** Runs everywhere. */
export const EVERYWHERE: readonly Environment[] = ["production", "unspecified", "non-production"];
/** Runs only in pools labelled or tagged production. */
export const PRODUCTION_ONLY: readonly Environment[] = ["production"];
