"use client";
import { type ReactNode, memo, useState } from "react";
import { useWatch } from "react-hook-form";
import { Input, Label } from "@/components/ui";
import { useEditorContext } from "../editor-context";
import { helpFor } from "../field-help";
import { EXPLICIT_AUTH_FLOWS, OAUTH_FLOWS, TIME_UNITS } from "@/lib/cognito/spec/client-schema";
import { BooleanField, CheckboxGroupField, NumberField, SearchableChoiceField, SelectField, StringListField, TextField } from "../controls";

/** OIDC scopes every pool offers (AllowedOAuthScopes, https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_CreateUserPoolClient.html). */
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

/** Does a group hold a field whose label or API name contains the query? The labels that match. */
export function matchingFields(base: string, fields: readonly string[], query: string): string[] {
  const q = query.trim().toLowerCase();
  return fields.map((f) => ({ f, label: helpFor(`${base}.${f}`).label })).filter(({ f, label }) => label.toLowerCase().includes(q) || f.toLowerCase().includes(q)).map(({ label }) => label);
}

/**
 * A group of client settings that folds away. Open when asked (the first groups), when one of its fields has a
 * problem, or while a filter matches it; hidden while a filter matches none of its fields.
 */
function ClientGroup({ title, description, base, fields, query, defaultOpen = false, children }: { title: string; description?: string; base: string; fields: readonly string[]; query: string; defaultOpen?: boolean; children: ReactNode }) {
  const { index } = useEditorContext();
  const matches = query.trim() === "" ? undefined : matchingFields(base, fields, query);
  if (matches && matches.length === 0) return null;
  const problems = [...index.keys()].some((name) => fields.some((f) => name === `${base}.${f}` || name.startsWith(`${base}.${f}.`)));
  return (
    <details open={matches !== undefined || problems || defaultOpen} className="group rounded-lg border border-slate-200">
      <summary className="cursor-pointer list-none p-4 focus-visible:outline-2 focus-visible:outline-indigo-600">
        <h3 className="inline text-base font-semibold text-slate-900">
          <span aria-hidden="true" className="mr-2 inline-block transition-transform group-open:rotate-90">
            ›
          </span>
          {title}
        </h3>
        {matches && <span className="ml-2 text-sm text-slate-600">matches: {matches.join(", ")}</span>}
        {description ? <p className="mt-1 text-sm text-slate-600">{description}</p> : null}
      </summary>
      <div className="grid gap-4 px-4 pb-4 md:grid-cols-2">{children}</div>
    </details>
  );
}

/**
 * The settings of a client at `base`: one app client (`spec.clients.N`, with its name) or the defaults
 * every client inherits (`spec.clientDefaults`, the same settings without a name). Groups fold away and a
 * filter finds a setting by its label or API name.
 */
export const ClientSettingsFields = memo(function ClientSettingsFields({ base }: { base: string }) {
  const servers = useWatch({ name: "spec.resourceServers" }) as unknown;
  const isClient = base !== "spec.clientDefaults";
  const [query, setQuery] = useState("");
  const g = { base, query };
  const filterId = `pe-filter-${base.replace(/\W/gu, "-")}`;
  return (
    <div className="space-y-3">
      <div className="max-w-sm space-y-1">
        <Label htmlFor={filterId}>Find a setting</Label>
        <Input id={filterId} type="search" value={query} placeholder="e.g. callback, token, scope" autoComplete="off" onChange={(e) => setQuery(e.currentTarget.value)} />
      </div>
      <ClientGroup {...g} title={isClient ? "Client" : "Defaults"} fields={[...(isClient ? ["name"] : []), "generateSecret", "preventUserExistenceErrors", "enableTokenRevocation"]} defaultOpen>
        {isClient && <TextField name={`${base}.name`} />}
        <BooleanField name={`${base}.generateSecret`} yes="Yes (confidential client)" no="No (public client)" />
        <SelectField name={`${base}.preventUserExistenceErrors`} options={["ENABLED", "LEGACY"]} />
        <BooleanField name={`${base}.enableTokenRevocation`} yes="Enabled" no="Disabled" />
      </ClientGroup>
      <ClientGroup
        {...g}
        title="Hosted sign-in and OAuth 2.0"
        fields={["allowedOAuthFlowsUserPoolClient", "allowedOAuthFlows", "allowedOAuthScopes", "callbackUrls", "logoutUrls", "defaultRedirectUri", "supportedIdentityProviders"]}
        defaultOpen
      >
        <BooleanField name={`${base}.allowedOAuthFlowsUserPoolClient`} />
        <CheckboxGroupField name={`${base}.allowedOAuthFlows`} options={OAUTH_FLOWS} />
        <SearchableChoiceField name={`${base}.allowedOAuthScopes`} options={scopeOptions(servers)} className="md:col-span-2" />
        <StringListField name={`${base}.callbackUrls`} itemLabel="Callback URL" placeholder="https://app.example.com/callback" />
        <StringListField name={`${base}.logoutUrls`} itemLabel="Sign-out URL" placeholder="https://app.example.com/" />
        <TextField name={`${base}.defaultRedirectUri`} />
        <StringListField name={`${base}.supportedIdentityProviders`} itemLabel="Provider" placeholder="COGNITO" />
      </ClientGroup>
      <ClientGroup {...g} title="Authentication flows" fields={["explicitAuthFlows", "authSessionValidity", "refreshTokenRotation.feature", "refreshTokenRotation.retryGracePeriodSeconds", "enablePropagateAdditionalUserContextData"]}>
        <CheckboxGroupField name={`${base}.explicitAuthFlows`} options={EXPLICIT_AUTH_FLOWS} className="md:col-span-2" />
        <NumberField name={`${base}.authSessionValidity`} />
        <SelectField name={`${base}.refreshTokenRotation.feature`} options={["ENABLED", "DISABLED"]} />
        <NumberField name={`${base}.refreshTokenRotation.retryGracePeriodSeconds`} />
        <BooleanField name={`${base}.enablePropagateAdditionalUserContextData`} yes="Yes" no="No" />
      </ClientGroup>
      <ClientGroup
        {...g}
        title="Token lifetimes"
        description="Each lifetime counts in the unit beside it; unset units are hours (access, ID) and days (refresh)."
        fields={["accessTokenValidity", "idTokenValidity", "refreshTokenValidity", "tokenValidityUnits.accessToken", "tokenValidityUnits.idToken", "tokenValidityUnits.refreshToken"]}
      >
        <NumberField name={`${base}.accessTokenValidity`} />
        <SelectField name={`${base}.tokenValidityUnits.accessToken`} options={TIME_UNITS} unsetLabel="Not set (hours)" />
        <NumberField name={`${base}.idTokenValidity`} />
        <SelectField name={`${base}.tokenValidityUnits.idToken`} options={TIME_UNITS} unsetLabel="Not set (hours)" />
        <NumberField name={`${base}.refreshTokenValidity`} />
        <SelectField name={`${base}.tokenValidityUnits.refreshToken`} options={TIME_UNITS} unsetLabel="Not set (days)" />
      </ClientGroup>
      <ClientGroup {...g} title="Analytics (Amazon Pinpoint)" description="Optional: send sign-in events of this client to a Pinpoint project." fields={["analyticsConfiguration.applicationId", "analyticsConfiguration.applicationArn", "analyticsConfiguration.roleArn", "analyticsConfiguration.externalId", "analyticsConfiguration.userDataShared"]}>
        <TextField name={`${base}.analyticsConfiguration.applicationId`} />
        <TextField name={`${base}.analyticsConfiguration.applicationArn`} />
        <TextField name={`${base}.analyticsConfiguration.roleArn`} />
        <TextField name={`${base}.analyticsConfiguration.externalId`} />
        <BooleanField name={`${base}.analyticsConfiguration.userDataShared`} yes="Yes" no="No" />
      </ClientGroup>
      <ClientGroup {...g} title="Attribute permissions" fields={["readAttributes", "writeAttributes"]}>
        <StringListField name={`${base}.readAttributes`} itemLabel="Readable attribute" placeholder="email" />
        <StringListField name={`${base}.writeAttributes`} itemLabel="Writable attribute" placeholder="name" />
      </ClientGroup>
    </div>
  );
});
