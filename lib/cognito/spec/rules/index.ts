/** Every cross-field rule, in the order their diagnostics are reported. Each file cites its reference. */
import { accountRecoveryRule } from "./account-recovery";
import { attributeVerificationRule } from "./attribute-verification";
import { authFlowsRule } from "./auth-flows";
import { brandingRule } from "./branding";
import { customScopesRule } from "./custom-scopes";
import { domainRule } from "./domain";
import { emailConfigurationRule } from "./email-configuration";
import { groupsRule } from "./groups";
import { identityProvidersRule } from "./identity-providers";
import { inviteTemplateRule } from "./invite-template";
import { lambdaTriggersRule } from "./lambda-triggers";
import { logDeliveryRule } from "./log-delivery";
import { mfaRule } from "./mfa";
import { oauthRule } from "./oauth";
import { redirectUrisRule } from "./redirect-uris";
import { riskConfigurationRule } from "./risk-configuration";
import type { Rule } from "./rule";
import { schemaAttributesRule } from "./schema-attributes";
import { termsRule } from "./terms";
import { tierFeaturesRule } from "./tier-features";
import { tokenValidityRule } from "./token-validity";
import { uniqueNamesRule } from "./unique-names";
import { usernameAliasRule } from "./username-alias";
import { verificationTemplateRule } from "./verification-template";

export const CROSS_FIELD_RULES: readonly Rule[] = [
  usernameAliasRule,
  schemaAttributesRule,
  attributeVerificationRule,
  mfaRule,
  accountRecoveryRule,
  emailConfigurationRule,
  verificationTemplateRule,
  inviteTemplateRule,
  lambdaTriggersRule,
  tierFeaturesRule,
  uniqueNamesRule,
  authFlowsRule,
  tokenValidityRule,
  oauthRule,
  redirectUrisRule,
  customScopesRule,
  domainRule,
  groupsRule,
  identityProvidersRule,
  riskConfigurationRule,
  logDeliveryRule,
  termsRule,
  brandingRule,
];

export type { Rule, RuleContext } from "./rule";
export { STANDARD_SCOPES } from "./oauth";
export { redirectUriProblem } from "./redirect-uris";
export { isCustomDomain } from "./domain";
export { COGNITO_PROVIDER, REQUIRED_PROVIDER_DETAILS } from "./identity-providers";
