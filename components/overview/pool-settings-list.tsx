/** The pool's settings beside the overview picture (`summarizePoolSettings`): a description list, one row a setting. */
import type { PoolDocument } from "@/lib/cognito/spec";
import { summarizePoolSettings } from "./settings-summary";

export function PoolSettingsList({ document }: { document: PoolDocument }) {
  const rows = summarizePoolSettings(document);
  return (
    <section aria-labelledby="pool-settings-heading" className="rounded-lg border border-slate-200 bg-white p-4">
      <h2 id="pool-settings-heading" className="text-base font-semibold">
        Pool settings
      </h2>
      <dl className="mt-2 grid grid-cols-1 gap-x-6 gap-y-2 text-sm sm:grid-cols-[10rem_1fr]">
        {rows.map((row) => (
          <div key={row.term} className="contents">
            <dt className="font-medium text-slate-700">{row.term}</dt>
            <dd className="min-w-0 break-words text-slate-900">
              {row.details.map((line, i) => (
                <span key={i} className="block">
                  {line}
                </span>
              ))}
            </dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
