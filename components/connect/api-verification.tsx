import { CopyButton } from "@/components/export-view/copy-button";
import { Tabs, TabsContent, TabsList, TabsTrigger } from "@/components/ui";
import type { ApiVerification } from "@/lib/cognito/tokens";

const STACKS = [
  { key: "node", label: "Node (aws-jwt-verify)", file: "verify-token.ts" },
  { key: "python", label: "Python (JWKS)", file: "verify_token.py" },
] as const;

/** How one resource server's API checks the access tokens: issuer, token_use, client_id and the route's scope. */
export function ApiVerificationSection({ verification }: { verification: ApiVerification }) {
  const v = verification;
  return (
    <section aria-label={`Verify tokens in ${v.resourceServer}`} className="space-y-2" data-testid={`api-verification-${v.identifier}`}>
      <h3 className="font-semibold">
        {v.resourceServer} <span className="font-mono text-xs font-normal text-slate-600 wrap-anywhere">{v.identifier}</span>
      </h3>
      <p className="text-sm text-slate-700">
        {v.clients.length
          ? `Accepts access tokens of ${v.clients.map((c) => c.name).join(", ")} (the clients allowed its scopes).`
          : "No app client is allowed its scopes yet: the snippet accepts no client until one is."}{" "}
        Scopes: <span className="font-mono text-xs wrap-anywhere">{v.scopes.join(" ") || "none"}</span>
      </p>
      <Tabs defaultValue="node">
        <TabsList aria-label={`Verification code for ${v.resourceServer}`}>
          {STACKS.map((s) => (
            <TabsTrigger key={s.key} value={s.key}>
              {s.label}
            </TabsTrigger>
          ))}
        </TabsList>
        {STACKS.map((s) => (
          <TabsContent key={s.key} value={s.key} className="space-y-2">
            <div className="flex items-center justify-between gap-2">
              <span className="font-mono text-xs text-slate-600">{s.file}</span>
              <CopyButton text={v[s.key]} label={`Copy ${s.file} for ${v.resourceServer}`} />
            </div>
            <pre tabIndex={0} aria-label={`${s.label} verification for ${v.resourceServer}`} className="overflow-x-auto rounded-md bg-slate-900 p-3 text-xs text-slate-100 focus-visible:outline-2 focus-visible:outline-indigo-600">
              <code>{v[s.key]}</code>
            </pre>
          </TabsContent>
        ))}
      </Tabs>
    </section>
  );
}
