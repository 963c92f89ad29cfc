/**
 * Test-only: what the Terraform exports cannot hold, removed from a document the way the renderers warn
 * about it, so round-trip properties compare what Terraform can keep.
 */
import type { PoolDocument } from "@/lib/cognito/spec/document-schema";

/** Terraform has no passkey factor configuration (render-terraform.ts warns). */
export function withoutPasskeyFactor(doc: PoolDocument): PoolDocument {
  const webAuthn = doc.spec.webAuthnConfiguration;
  if (webAuthn?.factorConfiguration !== undefined) {
    delete webAuthn.factorConfiguration;
    if (Object.keys(webAuthn).length === 0) delete doc.spec.webAuthnConfiguration;
  }
  return doc;
}

/** Terraform's SMS MFA follows from an SMS configuration and MFA ON or OPTIONAL (common.ts warns otherwise). */
export function asTerraformTurnsOnSmsMfa(doc: PoolDocument): PoolDocument {
  const spec = doc.spec;
  if ((spec.mfaConfiguration === "ON" || spec.mfaConfiguration === "OPTIONAL") && spec.smsConfiguration) spec.smsMfaConfiguration = { enabled: true };
  else delete spec.smsMfaConfiguration;
  return doc;
}

/** A custom domain with no prefix domain beside it reads back as the pool's only domain (rules/domain.ts warns). */
export function withLoneDomainInPlace(doc: PoolDocument): PoolDocument {
  if (doc.spec.customDomain && !doc.spec.domain) {
    doc.spec.domain = doc.spec.customDomain;
    delete doc.spec.customDomain;
  }
  return doc;
}

/**
 * The design without the settings whose resources only the 6.x aws provider has (managed login branding,
 * log delivery: provider-versions.ts), for tests that run terraform with a 5.x provider mirror.
 */
export function withoutProvider6Resources(doc: PoolDocument): PoolDocument {
  const copy = structuredClone(doc);
  delete copy.spec.managedLoginBranding;
  delete copy.spec.logDeliveryConfiguration;
  return copy;
}
