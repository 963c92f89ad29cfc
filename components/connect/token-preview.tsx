import { Badge } from "@/components/ui";
import type { Claims, TokenPreview } from "@/lib/cognito/tokens";

function ClaimsBlock({ title, claims, label }: { title: string; claims: Claims; label: string }) {
  return (
    <div className="min-w-0 space-y-1">
      <h4 className="text-sm font-medium">{title}</h4>
      {/* Focusable so a keyboard can scroll a long line (axe: scrollable-region-focusable). */}
      <pre tabIndex={0} aria-label={label} className="overflow-x-auto whitespace-pre-wrap wrap-anywhere rounded-md bg-slate-900 p-3 text-xs text-slate-100 focus-visible:outline-2 focus-visible:outline-indigo-600">
        <code>{JSON.stringify(claims, null, 2)}</code>
      </pre>
    </div>
  );
}

/** The claims of one client's ID and access tokens as the design issues them, with the rule (and page) behind each note. */
export function TokenPreviewSection({ preview }: { preview: TokenPreview }) {
  const p = preview;
  const headingId = `tokens-${p.clientName}`;
  return (
    <section aria-labelledby={headingId} className="space-y-3 border-t border-slate-200 pt-3" data-testid={`token-preview-${p.clientName}`}>
      <div className="flex flex-wrap items-center gap-2">
        <h3 id={headingId} className="font-semibold">
          Tokens {p.clientName} receives
        </h3>
        <Badge tone="neutral">example values where only sign-in knows</Badge>
      </div>
      <div className="grid gap-3 lg:grid-cols-2">
        {p.idToken ? (
          <ClaimsBlock title="ID token" claims={p.idToken} label={`ID token claims for ${p.clientName}`} />
        ) : (
          <div className="space-y-1">
            <h4 className="text-sm font-medium">ID token</h4>
            <p className="text-sm">None: a machine-to-machine client (client credentials) gets an access token only.</p>
          </div>
        )}
        <ClaimsBlock title="Access token" claims={p.accessToken} label={`Access token claims for ${p.clientName}`} />
      </div>
      <details className="text-sm">
        <summary className="cursor-pointer text-slate-700">Why these claims ({p.notes.length} notes)</summary>
        <ul className="mt-2 list-disc space-y-1 pl-5">
          {p.notes.map((n, i) => (
            <li key={i}>
              {n.text}{" "}
              <a className="text-indigo-700 underline wrap-anywhere" href={n.source} target="_blank" rel="noreferrer">
                source
              </a>
            </li>
          ))}
        </ul>
      </details>
    </section>
  );
}
