import { CopyButton } from "@/components/export-view/copy-button";
import { Badge, Card } from "@/components/ui";
import type { CustomDomainDns } from "@/lib/cognito/connect";

/** The DNS record a custom domain needs, with its CloudFront target once the domain is live. */
export function CustomDomainDnsCard({ dns, targetName }: { dns: CustomDomainDns; targetName?: string }) {
  return (
    <Card>
      <section aria-labelledby="custom-domain-dns" className="space-y-3" data-testid="custom-domain-dns">
        <div className="flex flex-wrap items-center gap-2">
          <h2 id="custom-domain-dns" className="text-lg font-semibold">
            DNS for {dns.domain}
          </h2>
          <Badge tone={dns.cloudFrontTarget ? "good" : "warn"}>{dns.cloudFrontTarget ? `live on ${targetName ?? "the target"}` : "target known after apply"}</Badge>
        </div>
        <p className="text-sm text-slate-700">
          The custom domain serves the sign-in pages once its name points at the CloudFront distribution Cognito made for it. Create this record where the domain&apos;s DNS is kept.
        </p>
        <dl className="grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[10rem_minmax(0,1fr)]">
          <div className="contents">
            <dt className="text-slate-600">CloudFront target</dt>
            <dd className="flex min-w-0 items-center gap-2 font-mono text-xs wrap-anywhere">
              {dns.cloudFrontTarget ?? "shown here once the domain is applied to a target"}
              {dns.cloudFrontTarget && <CopyButton text={dns.cloudFrontTarget} label="Copy CloudFront target" />}
            </dd>
          </div>
          {dns.records.map((r) => (
            <div key={r.dns} className="contents">
              <dt className="text-slate-600">{r.dns}</dt>
              <dd className="font-mono text-xs wrap-anywhere">{r.record}</dd>
            </div>
          ))}
        </dl>
      </section>
    </Card>
  );
}
