import { applyRunStreamResponse } from "@/lib/server/apply-run-stream";

// Server-Sent Events of an apply run's progress (lib/server/apply-run-stream.ts): ?after=RUN_ID follows
// the next run of the request, ?run=RUN_ID one run. The session and workspace are checked there.
export const dynamic = "force-dynamic";

export async function GET(request: Request, { params }: { params: Promise<{ crId: string }> }) {
  const { crId } = await params;
  return applyRunStreamResponse(request, crId);
}
