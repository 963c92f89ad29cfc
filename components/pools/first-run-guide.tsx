import { Card } from "@/components/ui/card";

const WAYS_IN = [
  {
    title: "Start from a preset",
    text: "A web app, a server app, machine to machine, mobile, hardened production or development: each setting says why it is set.",
    href: "#new-pool-preset",
    action: "Choose a preset",
  },
  {
    title: "Import a file",
    text: "A Terraform file, a CloudFormation, SAM or CDK template, an OpenMCF manifest or a Cognito Studio spec becomes a draft; anything the studio cannot read is named.",
    href: "#import-file",
    action: "Import a file",
  },
  {
    title: "Import from AWS",
    text: "Read a pool that already exists in your account (the server's AWS credentials) into a draft, to manage it from here.",
    href: "#import-file",
    action: "Go to the import forms",
  },
] as const;

const AFTER = [
  "Edit the draft: it saves itself; Problems lists what AWS would refuse and what to improve.",
  "Review changes: the plan shows what will be created, changed or destroyed.",
  "Add a target (start with dev): the AWS Region, and an endpoint or role when needed.",
  "Submit to dev for review; once approved, apply it. The pool now exists in AWS.",
  "Connect your app: the ids, endpoints and ready-to-paste configuration.",
] as const;

/** Shown on an empty studio: the three ways in and what follows, so the first visit has a path. */
export function FirstRunGuide({ canEdit }: { canEdit: boolean }) {
  return (
    <Card className="mt-4" data-testid="first-run-guide">
      <h2 className="text-lg font-semibold">Start here: three ways in</h2>
      <p className="mt-1 text-sm text-slate-700">No user pools yet. A design starts as a draft in the studio; nothing is created in AWS until a change is applied to a target.</p>
      <ol className="mt-3 grid gap-3 md:grid-cols-3">
        {WAYS_IN.map((way, i) => (
          <li key={way.title} className="rounded-md border border-slate-200 p-3">
            <p className="font-medium">
              {i + 1}. {way.title}
            </p>
            <p className="mt-1 text-sm text-slate-700">{way.text}</p>
            {canEdit && (
              <a href={way.href} className="mt-2 inline-block text-sm font-medium text-indigo-800 underline underline-offset-2">
                {way.action}
              </a>
            )}
          </li>
        ))}
      </ol>
      <h3 className="mt-4 font-medium">Then</h3>
      <ol className="mt-1 list-decimal space-y-1 pl-5 text-sm text-slate-700">
        {AFTER.map((step) => (
          <li key={step}>{step}</li>
        ))}
      </ol>
      {!canEdit && <p className="mt-3 text-sm text-slate-700">You are a viewer: ask an admin for the editor role to create or import pools.</p>}
    </Card>
  );
}
