import { ReviewPlanForm } from "@/components/terraform-review/review-plan-form";
import { requirePool } from "@/lib/server/page-auth";

export const dynamic = "force-dynamic";

/** The Terraform plan review opened from a pool: the reviewed pool is compared with this pool's design. */
export default async function PoolTerraformReviewPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { pool } = await requirePool(id);
  return (
    <div className="space-y-4">
      <header className="space-y-1">
        <h2 className="text-xl font-semibold">Review a Terraform plan of this pool</h2>
        <p className="max-w-3xl text-sm text-slate-700">
          When this pool is applied with Terraform, give the JSON of a saved plan (<code className="font-mono text-xs">terraform show -json plan.bin</code>): the review says what it
          does to the pool, and how the pool it leaves differs from the design of {pool.name}.
        </p>
      </header>
      <ReviewPlanForm poolId={pool.id} />
    </div>
  );
}
