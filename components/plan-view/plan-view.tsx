/**
 * The plan for people: the worst impact as a banner a reviewer cannot miss, the blast radius (users, clients whose
 * id and secret change), plan errors, security-relevant changes in their own section, then every resource grouped
 * by type with its action and its attributes before/after side by side; plus a tab with the exact text the CLI
 * prints (`renderPlanText`). A server component: the only interactive part is the Tabs primitive.
 */
import { Fragment, type ReactNode, useId } from "react";
import { AlertTriangle, ShieldAlert, XCircle } from "lucide-react";
import { Badge, type BadgeTone, Card, Tabs, TabsContent, TabsList, TabsTrigger, cn } from "@/components/ui";
import type { AttributeChange, BlastRadius, Plan, ResourceChange, SecurityChange, WorstImpact } from "@/lib/cognito/plan";
import { isDestructive, renderPlanText, summaryLine } from "@/lib/cognito/plan";
import { describeTierChange } from "@/lib/cognito/cost";
import type { Diagnostic } from "@/lib/cognito/spec";
import { type FieldComment, type FieldComments, fieldKey } from "./field-comments";
import { describePlanValue, type FieldLabel, labelForPath, labelForPlanPath } from "@/components/pool-editor/field-labels";
import { ACTION_LABEL, ACTION_TONE, IMPACT_TONE, RESOURCE_NOUN, formatCount, formatValue, groupEntries, listDelta } from "./format";
import { TextWithLinks } from "@/components/ui/text-with-links";

const NOT_SET = <span className="italic text-slate-500">not set</span>;

/** A field in the editor's words, with the API path beneath it as secondary text. */
export function FieldName({ label, apiPath }: FieldLabel) {
  return (
    <span className="block">
      <span className="block">{label}</span>
      {apiPath !== "" && <code className="block font-mono text-xs font-normal text-slate-600 wrap-anywhere">{apiPath}</code>}
    </span>
  );
}

/** A diagnostic's document path in the editor's words, the path itself after it. */
export function DiagnosticPath({ path }: { path: string }) {
  const { label } = labelForPath(path);
  return (
    <span>
      <span className="font-medium">{label}</span> <code className="font-mono text-xs text-slate-600 wrap-anywhere">({path})</code>
    </span>
  );
}

/** The console's words for a value (undefined: the value reads as it is). */
type DescribeValue = (value: unknown) => string | undefined;

/** A value the console has words for: the words, with the API value beneath them and on hover (as field names show their path). */
function Worded({ words, api }: { words: string; api: string }) {
  return (
    <span className="block" title={api}>
      <span className="block">{words}</span>
      <code className="block font-mono text-xs font-normal text-slate-600 wrap-anywhere">{api}</code>
    </span>
  );
}

function Value({ value, describe }: { value: unknown; describe?: DescribeValue }) {
  const formatted = formatValue(value);
  if (!formatted) return NOT_SET;
  if (formatted.multiline) return <pre className="max-w-full overflow-x-auto whitespace-pre-wrap wrap-anywhere font-mono text-xs">{formatted.text}</pre>;
  const words = describe?.(value);
  if (words) return <Worded words={words} api={formatted.text} />;
  return <code className="wrap-anywhere font-mono text-xs">{formatted.text}</code>;
}

/** Lists of scalars: every item, removed ones struck through on the left, added ones marked on the right. */
function ListSide({ items, changed, side, describe }: { items: string[]; changed: Set<string>; side: "before" | "after"; describe?: DescribeValue }) {
  if (items.length === 0) return <span className="italic text-slate-500">empty</span>;
  return (
    <ul className="space-y-0.5">
      {items.map((item) => {
        const isChange = changed.has(item);
        const words = describe?.([item]);
        return (
          <li key={item} className={cn("wrap-anywhere text-xs", !words && "font-mono", isChange && side === "before" && "text-red-800 line-through", isChange && side === "after" && "font-semibold text-green-800")}>
            {isChange ? <span className="sr-only">{side === "before" ? "removed: " : "added: "}</span> : null}
            {words ? (
              <span className="flex gap-1">
                <span aria-hidden>{isChange ? (side === "before" ? "−" : "+") : ""}</span>
                <Worded words={words} api={item} />
              </span>
            ) : (
              <>
                {isChange ? (side === "before" ? "− " : "+ ") : ""}
                {item}
              </>
            )}
          </li>
        );
      })}
    </ul>
  );
}

/** Review comments about one attribute change, shown in the plan right under it. */
function FieldCommentsRow({ label, comments }: { label: string; comments: FieldComment[] }) {
  return (
    <tr>
      <td colSpan={3} className="pb-2">
        <ul aria-label={`Comments on ${label}`} className="space-y-1 border-l-2 border-indigo-300 pl-3">
          {comments.map((c) => (
            <li key={c.id} className="text-sm">
              <span className="text-slate-600">
                {c.author}, {c.createdAt.slice(0, 16).replace("T", " ")} UTC:
              </span>{" "}
              <span className="whitespace-pre-wrap">{c.body}</span>
            </li>
          ))}
        </ul>
      </td>
    </tr>
  );
}

/**
 * The words of a plan's actions and sides. A plan says what an apply will do; a drift check uses the same data to
 * say what differs in AWS from what was applied, so it names them differently.
 */
export interface PlanWords {
  action: Record<ResourceChange["action"], string>;
  tone: Record<ResourceChange["action"], BadgeTone>;
  before: string;
  after: string;
}

const APPLY_WORDS: PlanWords = { action: ACTION_LABEL, tone: ACTION_TONE, before: "Before", after: "After" };

/** A drift check's plan goes from what was applied (before) to the live pool (after). */
export const DRIFT_WORDS: PlanWords = {
  action: { create: "only in AWS", update: "differs in AWS", replace: "differs in AWS", delete: "missing in AWS", noop: "unchanged" },
  tone: { create: "warn", update: "warn", replace: "warn", delete: "warn", noop: "neutral" },
  before: "Applied",
  after: "In AWS",
};

function ChangeRow({ change, action, type, words }: { change: AttributeChange; action: ResourceChange["action"]; type: ResourceChange["type"]; words: PlanWords }) {
  const delta = listDelta(change.before, change.after);
  const danger = change.forcesReplacement || change.impossible;
  const notes: ReactNode[] = [];
  if (change.forcesReplacement) notes.push(<Badge key="f" tone="bad">forces replacement</Badge>);
  if (change.impossible) notes.push(<Badge key="i" tone="bad">AWS cannot make this change</Badge>);
  if (change.resetsToDefault) notes.push(<Badge key="r" tone="warn">not managed: new resource gets the AWS default</Badge>);
  const describe: DescribeValue = (value) => describePlanValue(type, change.path, value);
  const before =
    action === "create" ? NOT_SET : delta && Array.isArray(change.before ?? []) && change.before !== undefined ? (
      <ListSide items={(change.before as unknown[]).map(String)} changed={new Set(delta.removed)} side="before" describe={describe} />
    ) : (
      <Value value={change.before} describe={describe} />
    );
  const after =
    action === "delete" || change.resetsToDefault ? (
      action === "delete" ? NOT_SET : <span className="italic text-slate-500">AWS default</span>
    ) : delta && change.after !== undefined ? (
      <ListSide items={(change.after as unknown[]).map(String)} changed={new Set(delta.added)} side="after" describe={describe} />
    ) : (
      <Value value={change.after} describe={describe} />
    );
  return (
    <tr className={cn("align-top", danger && "bg-red-50")}>
      <th scope="row" className={cn("py-1.5 pr-3 text-left text-sm font-medium wrap-break-word", danger ? "text-red-900" : "text-slate-800")}>
        <FieldName {...labelForPlanPath(type, change.path)} />
        {notes.length > 0 && <div className="mt-1 flex flex-wrap gap-1 font-sans">{notes}</div>}
      </th>
      <td data-label={words.before} className="py-1.5 pr-3">
        {before}
      </td>
      <td data-label={words.after} className="py-1.5">
        {after}
      </td>
    </tr>
  );
}

function entryTitle(entry: ResourceChange): string {
  if (entry.type === "mfaConfig" || entry.type === "logDelivery") return RESOURCE_NOUN[entry.type];
  // The pool's threat protection settings, or an app client's own.
  if (entry.type === "riskConfiguration") return entry.address === "risk_configuration" ? RESOURCE_NOUN.riskConfiguration : `${RESOURCE_NOUN.riskConfiguration} of app client ${entry.key}`;
  return `${RESOURCE_NOUN[entry.type]} ${entry.key}`;
}

export function ResourceChangeCard({ entry, compact = false, comments, words = APPLY_WORDS }: { entry: ResourceChange; compact?: boolean; comments?: FieldComments; words?: PlanWords }) {
  // A drift check's plan describes AWS; it deletes or replaces nothing.
  const destructive = words === APPLY_WORDS && isDestructive(entry);
  const headingId = useId();
  return (
    <section aria-labelledby={headingId} className={cn("rounded-lg border bg-white", destructive ? "border-red-300" : "border-slate-200", compact ? "p-3" : "p-4")}>
      <header className="flex flex-wrap items-center gap-2">
        <Badge tone={words.tone[entry.action]} className={destructive ? "uppercase" : undefined}>
          {words.action[entry.action]}
        </Badge>
        <h4 id={headingId} className="font-medium text-slate-900">
          {entryTitle(entry)}
        </h4>
        {entry.liveId && <code className="text-xs text-slate-600">{entry.liveId}</code>}
        {entry.previousKey !== undefined && <span className="text-xs text-slate-600">(was {entry.previousKey})</span>}
        {destructive && entry.type === "userPool" && entry.action === "replace" && <Badge tone="bad">every user is deleted</Badge>}
      </header>
      {entry.reasons.length > 0 && (
        <ul className="mt-2 space-y-1 rounded-md border border-red-200 bg-red-50 p-2 text-sm text-red-900">
          {entry.reasons.map((r, i) => (
            <li key={i} className="wrap-anywhere">
              {r.path ? (
                <span className="font-medium">
                  Because of {labelForPlanPath(entry.type, r.path).label} <code className="font-mono text-xs">({r.path})</code>:{" "}
                </span>
              ) : (
                <span className="font-medium">Because </span>
              )}
              {r.message}
              {!compact && r.source && <span className="block text-xs text-red-800/80 wrap-anywhere">Source: <TextWithLinks text={r.source} /></span>}
            </li>
          ))}
        </ul>
      )}
      {entry.changes.length > 0 && (
        <div className="mt-2 overflow-x-auto">
          {/* `plan-table`: under 640 px the attribute spans the row and before/after sit under it (globals.css). */}
          <table className="plan-table w-full table-fixed border-collapse text-sm">
            <caption className="sr-only">Attribute changes of {entryTitle(entry)}</caption>
            <colgroup>
              <col className="w-1/3" />
              <col className="w-1/3" />
              <col className="w-1/3" />
            </colgroup>
            <thead>
              <tr className="border-b border-slate-200 text-left text-xs uppercase tracking-wide text-slate-600">
                <th scope="col" className="py-1 pr-3 font-medium">Attribute</th>
                <th scope="col" className="py-1 pr-3 font-medium">{words.before}</th>
                <th scope="col" className="py-1 font-medium">{words.after}</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {entry.changes.map((c) => {
                const about = comments?.[fieldKey(entry.address, c.path)];
                return (
                  <Fragment key={c.path}>
                    <ChangeRow change={c} action={entry.action} type={entry.type} words={words} />
                    {about && about.length > 0 && <FieldCommentsRow label={fieldKey(entry.address, c.path)} comments={about} />}
                  </Fragment>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

/** The worst impact, loud when users or resources are lost. Nothing for an empty plan. */
export function WorstImpactBanner({ impact }: { impact: WorstImpact }) {
  const tone = IMPACT_TONE[impact.level];
  if (tone === "none") return null;
  const styles = {
    danger: "border-red-700 bg-red-700 text-white",
    warning: "border-amber-400 bg-amber-50 text-amber-950",
    info: "border-indigo-200 bg-indigo-50 text-indigo-950",
  }[tone];
  return (
    <div role={tone === "danger" ? "alert" : "status"} data-impact={impact.level} className={cn("rounded-lg border-2 p-4", styles)}>
      <p className="flex items-start gap-2 font-bold">
        {tone === "danger" ? <XCircle aria-hidden className="mt-0.5 size-5 shrink-0" /> : <AlertTriangle aria-hidden className="mt-0.5 size-5 shrink-0" />}
        <span>{impact.headline}</span>
      </p>
      {impact.details.length > 0 && (
        <ul className="mt-2 list-disc space-y-0.5 pl-10 text-sm">
          {impact.details.map((d, i) => (
            <li key={i}>{d}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

function hasBlast(blast: BlastRadius): boolean {
  return blast.poolReplaced || blast.clients.length > 0 || blast.resourceServers.length > 0 || blast.domain !== undefined;
}

/** What will be lost or change identity: users, clients (ids and secrets), resource servers, the domain. */
export function BlastRadiusPanel({ blast, compact = false }: { blast: BlastRadius; compact?: boolean }) {
  const headingId = useId();
  if (!hasBlast(blast)) return null;
  const recreatedWithSecret = blast.clients.filter((c) => c.outcome === "recreated" && c.hasSecret).length;
  return (
    <section aria-labelledby={headingId} className="rounded-lg border border-red-300 bg-white p-4">
      <h3 id={headingId} className="font-semibold text-red-900">
        Blast radius
      </h3>
      <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
        <dt className="text-slate-600">Users deleted</dt>
        <dd className={cn(blast.usersDeleted === "all" && "font-bold text-red-800")}>
          {blast.usersDeleted === "all"
            ? blast.estimatedNumberOfUsers !== undefined
              ? `All users (about ${formatCount(blast.estimatedNumberOfUsers)})`
              : "All users (number unknown: the plan was not made against the live pool)"
            : "None"}
        </dd>
        {blast.clients.length > 0 && (
          <>
            <dt className="text-slate-600">App clients</dt>
            <dd>
              {blast.clients.length} whose id changes{recreatedWithSecret > 0 ? `, ${recreatedWithSecret} with a new secret` : ""}: every application using them must be reconfigured
            </dd>
          </>
        )}
        {blast.domain && (
          <>
            <dt className="text-slate-600">Domain</dt>
            <dd>
              <code className="font-mono text-xs">{blast.domain.domain}</code> is {blast.domain.outcome === "recreated" ? "recreated (sign-in pages briefly unavailable)" : "deleted"}
            </dd>
          </>
        )}
        {blast.resourceServers.length > 0 && (
          <>
            <dt className="text-slate-600">Resource servers</dt>
            <dd>{blast.resourceServers.map((s) => `${s.identifier} (${s.outcome})`).join(", ")}</dd>
          </>
        )}
      </dl>
      {blast.clients.length > 0 && !compact && (
        <div className="mt-3 overflow-x-auto">
          <table className="w-full border-collapse text-sm">
            <caption className="sr-only">App clients whose id or secret changes</caption>
            <thead>
              <tr className="border-b border-slate-200 text-left text-xs uppercase tracking-wide text-slate-600">
                <th scope="col" className="py-1 pr-3 font-medium">Client</th>
                <th scope="col" className="py-1 pr-3 font-medium">Current id</th>
                <th scope="col" className="py-1 pr-3 font-medium">Secret</th>
                <th scope="col" className="py-1 font-medium">Outcome</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {blast.clients.map((c) => (
                <tr key={c.name}>
                  <td className="py-1 pr-3">{c.name}</td>
                  <td className="py-1 pr-3 font-mono text-xs">{c.clientId ?? "unknown"}</td>
                  <td className="py-1 pr-3">{c.hasSecret ? (c.outcome === "recreated" ? "new secret" : "lost") : "none"}</td>
                  <td className="py-1">
                    <Badge tone="bad">{c.outcome === "recreated" ? "new id" : "deleted"}</Badge>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

export function SecurityChangesPanel({ changes }: { changes: SecurityChange[] }) {
  const headingId = useId();
  if (changes.length === 0) return null;
  return (
    <section aria-labelledby={headingId} className="rounded-lg border-2 border-amber-400 bg-amber-50 p-4">
      <h3 id={headingId} className="flex items-center gap-2 font-semibold text-amber-950">
        <ShieldAlert aria-hidden className="size-5" />
        Security-relevant changes ({changes.length})
      </h3>
      <ul className="mt-2 space-y-1.5 text-sm text-amber-950">
        {changes.map((s, i) => (
          <li key={i} className="flex flex-wrap items-baseline gap-2 wrap-anywhere">
            <Badge tone="warn" className="border border-amber-400 font-mono">
              {s.code}
            </Badge>
            <code className="font-mono text-xs">{s.address}</code>
            <span>{s.message}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}

export function PlanErrorsPanel({ errors }: { errors: Diagnostic[] }) {
  const headingId = useId();
  if (errors.length === 0) return null;
  return (
    <section aria-labelledby={headingId} role="alert" className="rounded-lg border-2 border-red-600 bg-red-50 p-4">
      <h3 id={headingId} className="font-semibold text-red-900">
        This plan cannot be applied ({errors.length} {errors.length === 1 ? "error" : "errors"})
      </h3>
      <ul className="mt-2 list-disc space-y-1 pl-5 text-sm text-red-900">
        {errors.map((d, i) => (
          <li key={i} className="wrap-anywhere">
            {d.path && <DiagnosticPath path={d.path} />} {d.message}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** Placeholder values (example domains, AWS's documentation account id) the plan would send to AWS as they are. */
export function PlaceholdersPanel({ placeholders }: { placeholders: readonly Diagnostic[] }) {
  const headingId = useId();
  if (placeholders.length === 0) return null;
  return (
    <section aria-labelledby={headingId} className="rounded-lg border border-amber-500 bg-amber-50 p-4" data-testid="plan-placeholders">
      <h3 id={headingId} className="font-semibold text-amber-950">
        {placeholders.length} placeholder {placeholders.length === 1 ? "value" : "values"} to replace
      </h3>
      <p className="mt-1 text-sm text-amber-950">A change request to a target other than a development one is refused until they are replaced.</p>
      <ul className="mt-2 list-disc space-y-1 pl-5 text-sm text-amber-950">
        {placeholders.map((d, i) => (
          <li key={i} className="wrap-anywhere">
            <DiagnosticPath path={d.path} /> {d.message}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** The text `cognito-studio plan` prints, with the console's words for values as comments (the CLI prints API values only). */
export function PlanText({ plan, className }: { plan: Plan; className?: string }) {
  return (
    <pre role="region" aria-label="Plan as text" tabIndex={0} className={cn("max-h-[70vh] overflow-auto rounded-lg bg-slate-950 p-4 font-mono text-xs leading-relaxed text-slate-100", className)}>
      {renderPlanText(plan, { describeValue: describePlanValue })}
    </pre>
  );
}

/** What a change of the feature plan does to the price (lib/cognito/cost); nothing when the plan stays. */
function TierChangeNote({ plan }: { plan: Plan }) {
  const note = describeTierChange(plan);
  return note ? (
    <p className="rounded-md border border-sky-200 bg-sky-50 p-2 text-sm text-sky-900" data-testid="plan-tier-change">
      {note}
    </p>
  ) : null;
}

/** Every resource grouped by type; unchanged resources folded into a count. */
export function PlanChanges({ plan, compact = false, comments, words, changedOnly = false }: { plan: Plan; compact?: boolean; comments?: FieldComments; words?: PlanWords; changedOnly?: boolean }) {
  // changedOnly: what differs, nothing else (a drift check lists differences, not the whole pool).
  const groups = groupEntries(plan).filter((g) => !changedOnly || g.changed.length > 0);
  const idPrefix = useId();
  return (
    <div className="space-y-5">
      {groups.map((g) => (
        <section key={g.type} aria-labelledby={`${idPrefix}-${g.type}`} className="space-y-2">
          <h3 id={`${idPrefix}-${g.type}`} className="text-sm font-semibold uppercase tracking-wide text-slate-700">
            {g.title} <span className="font-normal normal-case text-slate-500">({changedOnly ? g.changed.length : `${g.changed.length} changed${g.unchanged.length ? `, ${g.unchanged.length} unchanged` : ""}`})</span>
          </h3>
          {g.changed.map((e) => (
            <ResourceChangeCard key={e.address} entry={e} compact={compact} {...(comments ? { comments } : {})} {...(words ? { words } : {})} />
          ))}
          {g.unchanged.length > 0 && !changedOnly && (
            <details className="text-sm text-slate-600">
              <summary className="cursor-pointer">{g.unchanged.length} unchanged</summary>
              <p className="mt-1">{g.unchanged.map((e) => entryTitle(e)).join(", ")}</p>
            </details>
          )}
        </section>
      ))}
    </div>
  );
}

export interface PlanViewProps {
  plan: Plan;
  /**
   * Compact (history diffs): smaller cards, no sources or client table, the text rendering folded in a
   * <details> instead of a tab.
   */
  compact?: boolean;
  /** Review comments about changed fields, shown under the attribute change they name (change requests). */
  comments?: FieldComments;
  /** Placeholder values in the desired document (`findPlaceholders`), shown above the changes. */
  placeholders?: readonly Diagnostic[];
  /** Which tab opens first (full mode). */
  defaultTab?: "changes" | "text";
  className?: string;
}

export function PlanView({ plan, compact = false, defaultTab = "changes", className, comments, placeholders = [] }: PlanViewProps) {
  const summary = summaryLine(plan);
  if (!plan.hasChanges && plan.errors.length === 0) {
    return (
      <Card className={cn("text-center", className)} data-plan-empty="">
        <p className="font-semibold text-slate-900">No changes</p>
        <p className="mt-1 text-sm text-slate-600">{summary}</p>
      </Card>
    );
  }
  const s = plan.summary;
  const header = (
    <div className="flex flex-wrap items-center gap-2">
      <p className="font-medium text-slate-900" data-plan-summary="">
        {summary}
      </p>
      <span className="flex flex-wrap gap-1" aria-hidden>
        {s.add > 0 && <Badge tone="good">+{s.add}</Badge>}
        {s.change > 0 && <Badge tone="info">~{s.change}</Badge>}
        {s.replace > 0 && <Badge tone="bad">-/+{s.replace}</Badge>}
        {s.destroy > 0 && <Badge tone="bad">-{s.destroy}</Badge>}
      </span>
    </div>
  );
  const top = (
    <>
      <WorstImpactBanner impact={plan.worstImpact} />
      {header}
      <PlanErrorsPanel errors={plan.errors} />
      <BlastRadiusPanel blast={plan.blastRadius} compact={compact} />
      <SecurityChangesPanel changes={plan.securityChanges} />
      <PlaceholdersPanel placeholders={placeholders} />
      <TierChangeNote plan={plan} />
    </>
  );
  if (compact) {
    return (
      <div className={cn("space-y-3", className)}>
        {top}
        <PlanChanges plan={plan} compact {...(comments ? { comments } : {})} />
        <details>
          <summary className="cursor-pointer text-sm font-medium text-slate-700">Plan as text</summary>
          <PlanText plan={plan} className="mt-2" />
        </details>
      </div>
    );
  }
  return (
    <div className={cn("space-y-4", className)}>
      {top}
      <Tabs defaultValue={defaultTab}>
        <TabsList aria-label="Plan views">
          <TabsTrigger value="changes">Changes by resource</TabsTrigger>
          <TabsTrigger value="text">Plan text</TabsTrigger>
        </TabsList>
        <TabsContent value="changes">
          <PlanChanges plan={plan} {...(comments ? { comments } : {})} />
        </TabsContent>
        <TabsContent value="text">
          <PlanText plan={plan} />
        </TabsContent>
      </Tabs>
    </div>
  );
}
