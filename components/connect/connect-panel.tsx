"use client";
import { CopyButton } from "@/components/export-view/copy-button";
import { Badge, Tabs, TabsContent, TabsList, TabsTrigger } from "@/components/ui";
import type { AppConnection, ConnectSnippet } from "@/lib/cognito/connect";
import { SecretRotation } from "./secret-rotation";

const KIND_LABEL: Record<ConnectSnippet["kind"], string> = {
  env: "Environment",
  "next-auth": "next-auth",
  amplify: "Amplify",
  "oidc-client-ts": "oidc-client-ts",
  "client-credentials": "Client credentials (fetch)",
};

/** One app client: the URLs and ids an application needs, and a snippet per stack with a copy button. */
export function ConnectPanel({
  connection,
  machine,
  snippets,
  rotation,
}: {
  connection: AppConnection;
  /** A machine client (`isMachineClient`, told by the page: lib/cognito/connect reaches the AWS SDK, too much to ship). */
  machine: boolean;
  snippets: ConnectSnippet[];
  /** For a confidential client of an applied target: secret rotation (approvers may rotate). */
  rotation?: { targetId: string; canRotate: boolean };
}) {
  const c = connection;
  // A machine client never sends a user to the hosted pages: only the token endpoint concerns it.
  const facts: [string, string | undefined][] = machine
    ? [
        ["Client id", c.clientId],
        ["Client secret", c.secretReference],
        ["Token endpoint", c.domain?.token],
        ["Scopes", c.scopes.join(" ") || undefined],
        ["Issuer", c.issuer],
        ["JWKS", c.jwksUrl],
        ["User pool id", c.userPoolId],
      ]
    : [
    ["User pool id", c.userPoolId],
    ["Client id", c.clientId],
    ["Client secret", c.secretReference],
    ["Issuer", c.issuer],
    ["JWKS", c.jwksUrl],
    ["Authorize", c.domain?.authorize],
    ["Token", c.domain?.token],
    ["Logout", c.domain?.logout],
    ["userInfo", c.domain?.userInfo],
    ["Scopes", c.scopes.join(" ") || undefined],
  ];
  const headingId = `connect-${c.clientName}`;
  return (
    <section aria-labelledby={headingId} className="space-y-3" data-testid={`connect-panel-${c.clientName}`}>
      <div className="flex flex-wrap items-center gap-2">
        <h2 id={headingId} className="text-lg font-semibold">
          {c.clientName}
        </h2>
        <Badge tone={c.confidential ? "info" : "neutral"}>{machine ? "machine to machine" : c.confidential ? "has a secret" : "public client"}</Badge>
        <Badge tone={c.applied ? "good" : "warn"}>{c.applied ? "live ids" : "placeholders until applied"}</Badge>
      </div>
      <dl className="grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[10rem_minmax(0,1fr)]">
        {facts
          .filter(([, v]) => v !== undefined)
          .map(([label, value]) => (
            <div key={label} className="contents">
              <dt className="text-slate-600">{label}</dt>
              <dd className="font-mono text-xs wrap-anywhere">{value}</dd>
            </div>
          ))}
      </dl>
      {machine && (
        <p className="text-sm text-slate-700">
          A machine-to-machine client: no user signs in. Your service posts its client id and secret to the token endpoint (grant type client credentials) and sends the access token to your API.
        </p>
      )}
      {!c.domain && (
        <p className="text-sm text-amber-900">
          {machine ? "The pool has no domain, so there is no token endpoint." : "The pool has no domain, so there are no hosted sign-in endpoints."} Add a domain in the editor.
        </p>
      )}
      <Tabs defaultValue="env">
        <TabsList aria-label={`Configuration for ${c.clientName}`}>
          {snippets.map((s) => (
            <TabsTrigger key={s.kind} value={s.kind}>
              {KIND_LABEL[s.kind]}
            </TabsTrigger>
          ))}
        </TabsList>
        {snippets.map((s) => (
          <TabsContent key={s.kind} value={s.kind} className="space-y-2">
            {s.notes.map((note) => (
              <p key={note} className="text-sm text-amber-900">
                {note}
              </p>
            ))}
            {s.applicable ? (
              <>
                <div className="flex items-center justify-between gap-2">
                  <span className="font-mono text-xs text-slate-600">{s.fileName}</span>
                  <CopyButton text={s.text} label={`Copy ${s.fileName} for ${c.clientName}`} />
                </div>
                {/* Focusable so a keyboard can scroll a long line (axe: scrollable-region-focusable). */}
                <pre tabIndex={0} className="overflow-x-auto rounded-md bg-slate-900 p-3 text-xs text-slate-100 focus-visible:outline-2 focus-visible:outline-indigo-600" aria-label={`${KIND_LABEL[s.kind]} configuration for ${c.clientName}`}>
                  <code>{s.text}</code>
                </pre>
              </>
            ) : (
              <p className="text-sm">{KIND_LABEL[s.kind]} cannot use this app client as it is designed.</p>
            )}
          </TabsContent>
        ))}
      </Tabs>
      {rotation && c.confidential && c.applied && <SecretRotation targetId={rotation.targetId} clientName={c.clientName} canRotate={rotation.canRotate} />}
    </section>
  );
}
