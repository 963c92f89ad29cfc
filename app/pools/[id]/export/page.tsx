import { ExportView } from "@/components/export-view";
import { DraftProblems } from "@/components/pools/draft-problems";
import { EXPORT_FORMATS, type ExportFormat } from "@/lib/cognito/formats";
import { requirePool } from "@/lib/server/page-auth";

export const dynamic = "force-dynamic";

export default async function ExportPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ format?: string }> }) {
  const { id } = await params;
  const { format: asked } = await searchParams;
  // `?format=` picks the tab shown first (links from elsewhere); every format is on the page.
  const format = (EXPORT_FORMATS as readonly string[]).includes(asked ?? "") ? (asked as ExportFormat) : "terraform";
  const { pool } = await requirePool(id);
  const document = pool.draft.stored.document;
  return (
    <section aria-labelledby="export-heading" className="space-y-4">
      <h1 id="export-heading" className="text-xl font-semibold">
        Export
      </h1>
      {document ? <ExportView document={document} defaultFormat={format} /> : <DraftProblems diagnostics={pool.draft.stored.diagnostics} what="export" />}
    </section>
  );
}
