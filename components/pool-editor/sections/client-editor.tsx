"use client";
import { memo } from "react";
import { useWatch } from "react-hook-form";
import { EXPLICIT_AUTH_FLOWS, OAUTH_FLOWS, TIME_UNITS } from "@/lib/cognito/spec";
import { BooleanField, CheckboxGroupField, FieldSet, NumberField, SelectField, StringListField, TextField } from "../controls";

/** OIDC scopes every pool offers (cognito-constraints.md, AllowedOAuthScopes). */
export const STANDARD_SCOPES = ["openid", "email", "phone", "profile", "aws.cognito.signin.user.admin"] as const;

interface ServerForm {
  identifier?: string;
  scopes?: { name?: string }[];
}

/** Scopes a client can ask for: the standard ones and `identifier/name` of every resource server in the document. */
export function scopeOptions(resourceServers: unknown): string[] {
  const custom = (Array.isArray(resourceServers) ? (resourceServers as ServerForm[]) : []).flatMap((rs) =>
    rs.identifier ? (rs.scopes ?? []).filter((s) => s.name).map((s) => `${rs.identifier}/${s.name}`) : [],
  );
  return [...STANDARD_SCOPES, ...custom];
}

/** The editor of one app client (only the selected client is mounted, so a 200-client pool stays fast). */
export const ClientEditor = memo(function ClientEditor({ index }: { index: number }) {
  return <ClientSettingsFields base={`spec.clients.${index}`} />;
});

/**
 * The settings of a client at `base`: one app client (`spec.clients.N`, with its name) or the defaults
 * every client inherits (`spec.clientDefaults`, the same settings without a name).
 */
export const ClientSettingsFields = memo(function ClientSettingsFields({ base }: { base: string }) {
  const servers = useWatch({ name: "spec.resourceServers" }) as unknown;
  const isClient = base !== "spec.clientDefaults";
  return (
    <div className="space-y-4">
      <FieldSet title={isClient ? "Client" : "Defaults"}>
        {isClient && <TextField name={`${base}.name`} />}
        <BooleanField name={`${base}.generateSecret`} yes="Yes (confidential client)" no="No (public client)" />
        <SelectField name={`${base}.preventUserExistenceErrors`} options={["ENABLED", "LEGACY"]} />
        <BooleanField name={`${base}.enableTokenRevocation`} yes="Enabled" no="Disabled" />
      </FieldSet>
      <FieldSet title="Hosted sign-in and OAuth 2.0">
        <BooleanField name={`${base}.allowedOAuthFlowsUserPoolClient`} />
        <CheckboxGroupField name={`${base}.allowedOAuthFlows`} options={OAUTH_FLOWS} />
        <CheckboxGroupField name={`${base}.allowedOAuthScopes`} options={scopeOptions(servers)} className="md:col-span-2" />
        <StringListField name={`${base}.callbackUrls`} itemLabel="Callback URL" placeholder="https://app.example.com/callback" />
        <StringListField name={`${base}.logoutUrls`} itemLabel="Sign-out URL" placeholder="https://app.example.com/" />
        <TextField name={`${base}.defaultRedirectUri`} />
        <StringListField name={`${base}.supportedIdentityProviders`} itemLabel="Provider" placeholder="COGNITO" />
      </FieldSet>
      <FieldSet title="Authentication flows">
        <CheckboxGroupField name={`${base}.explicitAuthFlows`} options={EXPLICIT_AUTH_FLOWS} className="md:col-span-2" />
        <NumberField name={`${base}.authSessionValidity`} />
        <SelectField name={`${base}.refreshTokenRotation.feature`} options={["ENABLED", "DISABLED"]} />
        <NumberField name={`${base}.refreshTokenRotation.retryGracePeriodSeconds`} />
        <BooleanField name={`${base}.enablePropagateAdditionalUserContextData`} yes="Yes" no="No" />
      </FieldSet>
      <FieldSet title="Token lifetimes" description="Each lifetime counts in the unit beside it; unset units are hours (access, ID) and days (refresh).">
        <NumberField name={`${base}.accessTokenValidity`} />
        <SelectField name={`${base}.tokenValidityUnits.accessToken`} options={TIME_UNITS} unsetLabel="Not set (hours)" />
        <NumberField name={`${base}.idTokenValidity`} />
        <SelectField name={`${base}.tokenValidityUnits.idToken`} options={TIME_UNITS} unsetLabel="Not set (hours)" />
        <NumberField name={`${base}.refreshTokenValidity`} />
        <SelectField name={`${base}.tokenValidityUnits.refreshToken`} options={TIME_UNITS} unsetLabel="Not set (days)" />
      </FieldSet>
      <FieldSet title="Analytics (Amazon Pinpoint)" description="Optional: send sign-in events of this client to a Pinpoint project.">
        <TextField name={`${base}.analyticsConfiguration.applicationId`} />
        <TextField name={`${base}.analyticsConfiguration.applicationArn`} />
        <TextField name={`${base}.analyticsConfiguration.roleArn`} />
        <TextField name={`${base}.analyticsConfiguration.externalId`} />
        <BooleanField name={`${base}.analyticsConfiguration.userDataShared`} yes="Yes" no="No" />
      </FieldSet>
      <FieldSet title="Attribute permissions">
        <StringListField name={`${base}.readAttributes`} itemLabel="Readable attribute" placeholder="email" />
        <StringListField name={`${base}.writeAttributes`} itemLabel="Writable attribute" placeholder="name" />
      </FieldSet>
    </div>
  );
});
