/**
 * The Cognito permissions the studio's AWS identity needs, one row per setting, and the IAM policy it prints from
 * them (`cognito-studio preflight FILE --policy`). A row applies when the design manages its setting, or always
 * for what every plan, apply and pull reads. Each action is named in the Cognito API reference page of the
 * operation (https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_Operations.html);
 * the service prefix and action names are those of https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazoncognitouserpools.html.
 * The other services' reads preflight makes are listed in the README (Preflight).
 */
import type { PoolSpec } from "../spec/pool-schema";

export interface CognitoPermissionRow {
  /** The setting in the editor's words. */
  setting: string;
  /** Alphanumeric: the policy statement's Sid, so the printed policy says which setting each statement is for. */
  sid: string;
  /** `cognito-idp:` actions. */
  actions: readonly string[];
  /** Whether a design needs the row; undefined = always (plan, apply and pull read it). A pull needs every row. */
  needs?: (spec: PoolSpec) => boolean;
}

const API = "https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference";

export const COGNITO_PERMISSIONS: readonly CognitoPermissionRow[] = [
  {
    setting: "User pool, its MFA and attributes",
    sid: "UserPool",
    actions: ["ListUserPools", "DescribeUserPool", "CreateUserPool", "UpdateUserPool", "DeleteUserPool", "AddCustomAttributes", "GetUserPoolMfaConfig", "SetUserPoolMfaConfig"],
  },
  { setting: "App clients", sid: "AppClients", actions: ["ListUserPoolClients", "DescribeUserPoolClient", "CreateUserPoolClient", "UpdateUserPoolClient", "DeleteUserPoolClient"] },
  { setting: "Resource servers", sid: "ResourceServers", actions: ["ListResourceServers", "CreateResourceServer", "UpdateResourceServer", "DeleteResourceServer"] },
  { setting: "Domain", sid: "Domain", actions: ["DescribeUserPoolDomain", "CreateUserPoolDomain", "UpdateUserPoolDomain", "DeleteUserPoolDomain"] },
  { setting: "Groups", sid: "Groups", actions: ["ListGroups", "CreateGroup", "UpdateGroup", "DeleteGroup"] },
  { setting: "Sign-in providers", sid: "IdentityProviders", actions: ["ListIdentityProviders", "DescribeIdentityProvider", "CreateIdentityProvider", "UpdateIdentityProvider", "DeleteIdentityProvider"] },
  // API_ListTerms.html, API_DescribeTerms.html, API_CreateTerms.html, API_UpdateTerms.html, API_DeleteTerms.html
  { setting: "Terms documents", sid: "TermsDocuments", actions: ["ListTerms", "DescribeTerms", "CreateTerms", "UpdateTerms", "DeleteTerms"], needs: (s) => s.terms !== undefined },
  // API_DescribeManagedLoginBrandingByClient.html and the Create/Update/Delete pages.
  {
    setting: "Branding: managed login styles",
    sid: "ManagedLoginBranding",
    actions: ["DescribeManagedLoginBrandingByClient", "CreateManagedLoginBranding", "UpdateManagedLoginBranding", "DeleteManagedLoginBranding"],
    needs: (s) => s.managedLoginBranding !== undefined,
  },
  // API_GetUICustomization.html, API_SetUICustomization.html
  { setting: "Branding: hosted UI (classic) CSS and logo", sid: "UiCustomization", actions: ["GetUICustomization", "SetUICustomization"], needs: (s) => s.uiCustomizations !== undefined },
  // API_DescribeRiskConfiguration.html, API_SetRiskConfiguration.html
  { setting: "Threat protection settings", sid: "ThreatProtection", actions: ["DescribeRiskConfiguration", "SetRiskConfiguration"], needs: (s) => s.riskConfiguration !== undefined },
  // API_GetLogDeliveryConfiguration.html, API_SetLogDeliveryConfiguration.html
  { setting: "Log streaming", sid: "LogDelivery", actions: ["GetLogDeliveryConfiguration", "SetLogDeliveryConfiguration"], needs: (s) => s.logDeliveryConfiguration !== undefined },
];

/** Where the rows come from, for the printed policy's readers. */
export const COGNITO_PERMISSIONS_SOURCE = `${API}/API_Operations.html`;

/** The rows a design needs (every row for a pull, or without a design). */
export function cognitoPermissionsFor(spec?: PoolSpec): CognitoPermissionRow[] {
  return COGNITO_PERMISSIONS.filter((row) => spec === undefined || row.needs === undefined || row.needs(spec));
}

/** The row that names `action` (`cognito-idp:ListTerms` or `ListTerms`). */
export function permissionRowOf(action: string): CognitoPermissionRow | undefined {
  const name = action.replace(/^cognito-idp:/u, "");
  return COGNITO_PERMISSIONS.find((row) => row.actions.includes(name));
}

/** An IAM policy document allowing what the design needs, one statement per setting (its Sid names it). */
export function renderCognitoPolicy(spec?: PoolSpec): string {
  const statements = cognitoPermissionsFor(spec).map((row) => ({ Sid: row.sid, Effect: "Allow", Action: row.actions.map((a) => `cognito-idp:${a}`), Resource: "*" }));
  return `${JSON.stringify({ Version: "2012-10-17", Statement: statements }, null, 2)}\n`;
}
