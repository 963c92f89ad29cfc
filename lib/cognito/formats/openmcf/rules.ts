/**
 * The CEL rules of OpenMCF's `spec.proto` (github.com/plantonhq/planton, apis/dev/planton/provider/aws/awscognitouserpool/v1/
 * spec.proto, every CEL rule id of it). Each diagnostic's code is the CEL rule id and
 * its path points into the OpenMCF manifest. They run on a manifest that passed the shape schema.
 */
import { type Diagnostic, error, joinPath } from "../../spec/diagnostics";
import type { OpenMcfSpec } from "./schema";

export const OPENMCF_USERNAME_ATTRIBUTES = ["email", "phone_number"] as const;
export const OPENMCF_ALIAS_ATTRIBUTES = ["email", "phone_number", "preferred_username"] as const;
export const OPENMCF_AUTO_VERIFIED_ATTRIBUTES = ["email", "phone_number"] as const;
export const OPENMCF_MFA_CONFIGURATIONS = ["OFF", "OPTIONAL", "ON"] as const;
export const OPENMCF_RECOVERY_NAMES = ["verified_email", "verified_phone_number", "admin_only"] as const;
export const OPENMCF_EMAIL_SENDING_ACCOUNTS = ["COGNITO_DEFAULT", "DEVELOPER"] as const;
export const OPENMCF_ATTRIBUTE_DATA_TYPES = ["String", "Number", "DateTime", "Boolean"] as const;
export const OPENMCF_OAUTH_FLOWS = ["code", "implicit", "client_credentials"] as const;
/** `explicit_auth_flows_valid`: no `ALLOW_USER_AUTH`, no legacy names. */
export const OPENMCF_EXPLICIT_AUTH_FLOWS = [
  "ALLOW_USER_SRP_AUTH",
  "ALLOW_REFRESH_TOKEN_AUTH",
  "ALLOW_USER_PASSWORD_AUTH",
  "ALLOW_ADMIN_USER_PASSWORD_AUTH",
  "ALLOW_CUSTOM_AUTH",
] as const;
const OPENMCF_PREVENT_USER_EXISTENCE_ERRORS = ["ENABLED", "LEGACY"] as const;

const list = (values: readonly string[]) => values.map((v) => `"${v}"`).join(", ");

function eachNotIn(out: Diagnostic[], base: string, values: readonly string[] | undefined, allowed: readonly string[], id: string, what: string): void {
  values?.forEach((v, i) => {
    if (!allowed.includes(v)) out.push(error(joinPath(base, i), id, `${what} must contain only ${list(allowed)}; ${JSON.stringify(v)} is not allowed (OpenMCF rule ${id})`));
  });
}

function oneOfOrEmpty(out: Diagnostic[], path: string, value: string | undefined, allowed: readonly string[], id: string, what: string): void {
  if (value !== undefined && value !== "" && !allowed.includes(value))
    out.push(error(path, id, `${what} must be ${list(allowed)} when set, not ${JSON.stringify(value)} (OpenMCF rule ${id})`));
}

/** Runs every CEL rule of the spec and its nested messages. */
export function checkOpenMcfRules(spec: OpenMcfSpec, base = "spec"): Diagnostic[] {
  const out: Diagnostic[] = [];
  const at = (...segments: (string | number)[]) => joinPath(base, ...segments);

  if ((spec.usernameAttributes?.length ?? 0) > 0 && (spec.aliasAttributes?.length ?? 0) > 0)
    out.push(
      error(at("aliasAttributes"), "username_or_alias_attributes", "usernameAttributes and aliasAttributes are mutually exclusive; set one or neither, not both (OpenMCF rule username_or_alias_attributes)"),
    );
  eachNotIn(out, at("usernameAttributes"), spec.usernameAttributes, OPENMCF_USERNAME_ATTRIBUTES, "username_attributes_valid", "usernameAttributes");
  eachNotIn(out, at("aliasAttributes"), spec.aliasAttributes, OPENMCF_ALIAS_ATTRIBUTES, "alias_attributes_valid", "aliasAttributes");
  eachNotIn(out, at("autoVerifiedAttributes"), spec.autoVerifiedAttributes, OPENMCF_AUTO_VERIFIED_ATTRIBUTES, "auto_verified_attributes_valid", "autoVerifiedAttributes");
  oneOfOrEmpty(out, at("mfaConfiguration"), spec.mfaConfiguration, OPENMCF_MFA_CONFIGURATIONS, "mfa_configuration_valid", "mfaConfiguration");
  if (spec.softwareTokenMfaEnabled === true && spec.mfaConfiguration !== "OPTIONAL" && spec.mfaConfiguration !== "ON")
    out.push(
      error(
        at("softwareTokenMfaEnabled"),
        "software_token_mfa_requires_mfa",
        `softwareTokenMfaEnabled requires mfaConfiguration to be "OPTIONAL" or "ON" (it is ${spec.mfaConfiguration ? JSON.stringify(spec.mfaConfiguration) : "unset"}) (OpenMCF rule software_token_mfa_requires_mfa)`,
      ),
    );

  const seen = new Set<string>();
  spec.clients.forEach((c, i) => {
    if (seen.has(c.name))
      out.push(error(at("clients", i, "name"), "client_names_unique", `client name ${JSON.stringify(c.name)} is used by another client; client names must be unique (OpenMCF rule client_names_unique)`));
    seen.add(c.name);
  });

  spec.accountRecoveryMechanisms?.forEach((m, i) => {
    if (!(OPENMCF_RECOVERY_NAMES as readonly string[]).includes(m.name))
      out.push(
        error(at("accountRecoveryMechanisms", i, "name"), "account_recovery_name_valid", `accountRecoveryMechanisms name must be ${list(OPENMCF_RECOVERY_NAMES)}, not ${JSON.stringify(m.name)} (OpenMCF rule account_recovery_name_valid)`),
      );
    if (m.priority < 1 || m.priority > 2)
      out.push(error(at("accountRecoveryMechanisms", i, "priority"), "account_recovery_priority_range", `accountRecoveryMechanisms priority must be 1 or 2, not ${m.priority} (OpenMCF rule account_recovery_priority_range)`));
  });

  const d = spec.domain;
  if (d && d.domain !== "" && d.domain.includes(".") && d.certificateArn === undefined)
    out.push(
      error(at("domain", "certificateArn"), "custom_domain_requires_certificate", `a custom domain (containing ".") requires certificateArn: ${JSON.stringify(d.domain)} has none (OpenMCF rule custom_domain_requires_certificate)`),
    );

  const email = spec.emailConfiguration;
  if (email) {
    oneOfOrEmpty(out, at("emailConfiguration", "emailSendingAccount"), email.emailSendingAccount, OPENMCF_EMAIL_SENDING_ACCOUNTS, "email_sending_account_valid", "emailSendingAccount");
    if (email.emailSendingAccount === "DEVELOPER" && email.sourceArn === undefined)
      out.push(error(at("emailConfiguration", "sourceArn"), "developer_email_requires_source_arn", 'sourceArn is required when emailSendingAccount is "DEVELOPER" (OpenMCF rule developer_email_requires_source_arn)'));
  }

  spec.customAttributes?.forEach((a, i) => {
    if (!(OPENMCF_ATTRIBUTE_DATA_TYPES as readonly string[]).includes(a.attributeDataType))
      out.push(
        error(at("customAttributes", i, "attributeDataType"), "attribute_data_type_valid", `attributeDataType must be ${list(OPENMCF_ATTRIBUTE_DATA_TYPES)}, not ${JSON.stringify(a.attributeDataType)} (OpenMCF rule attribute_data_type_valid)`),
      );
  });

  spec.clients.forEach((c, i) => {
    eachNotIn(out, at("clients", i, "allowedOauthFlows"), c.allowedOauthFlows, OPENMCF_OAUTH_FLOWS, "allowed_oauth_flows_valid", "allowedOauthFlows");
    eachNotIn(out, at("clients", i, "explicitAuthFlows"), c.explicitAuthFlows, OPENMCF_EXPLICIT_AUTH_FLOWS, "explicit_auth_flows_valid", "explicitAuthFlows");
    oneOfOrEmpty(out, at("clients", i, "preventUserExistenceErrors"), c.preventUserExistenceErrors, OPENMCF_PREVENT_USER_EXISTENCE_ERRORS, "prevent_user_existence_errors_valid", "preventUserExistenceErrors");
  });
  return out;
}
