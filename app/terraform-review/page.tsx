import { ReviewPlanForm } from "@/components/terraform-review/review-plan-form";
import { requireAccount } from "@/lib/server/page-auth";

export const dynamic = "force-dynamic";

/** Review a saved Terraform plan for what it does to Cognito (the CLI's `review-plan`, in the studio). */
export default async function TerraformReviewPage() {
  await requireAccount();
  return (
    <div className="space-y-6">
      <header className="space-y-2">
        <h1 className="text-2xl font-semibold">Review a Terraform plan</h1>
        <p className="max-w-3xl text-sm text-slate-700">
          Terraform&apos;s plan does not say that a forced replacement deletes every user of a pool, or which applications lose their client id. Give the JSON of a saved plan and
          the studio says so: replacements and why, the users and app clients they take, security-relevant changes, and how the result compares with the workspace&apos;s
          designs. Nothing is applied or stored.
        </p>
      </header>
      <ReviewPlanForm />
    </div>
  );
}
