/**
 * Planning of terms documents, matched by client and name (`web/terms-of-use`), never by position.
 *
 * - The links change in place (UpdateTerms). A document keyed by another client or name is a delete plus a
 *   create: UpdateTerms cannot move a document to another client (replacement-rules.ts `terms.client`).
 * - A client that is replaced (a new client id) takes its documents along: they are created again for the
 *   new client, so they are planned as replaced.
 * - Unset list = not managed; [] = delete them all; a replaced pool takes them all along.
 */
import { error, joinPath } from "../spec/diagnostics";
import type { PoolDocument } from "../spec/document-schema";
import { type TermsSpec, termsKey } from "../spec/terms-schema";
import { type Builder, CASCADE_REASON, actionOf, assess, entryBuilder, exactChanges, indexByKey, sortedKeys } from "./classify";
import { addressOf } from "./addresses";
import { REPLACEMENT_RULES } from "./replacement-rules";
import type { Values } from "./resources";
import type { AttributeChange, ReplacementReason } from "./types";

const SKIP = new Set(["client", "name"]);
const CLIENT_RULE = REPLACEMENT_RULES.find((r) => r.id === "terms.client");

/** The address of a terms document in a plan: `terms["web/terms-of-use"]`. */
export const termsAddress = (key: string) => addressOf("terms", key);

function clientReplacedReason(client: string): ReplacementReason {
  return {
    rule: CLIENT_RULE?.id ?? "terms.client",
    path: "client",
    message: `app client "${client}" is created again with a new id: ${CLIENT_RULE?.message ?? ""}`,
    source: CLIENT_RULE?.source ?? "",
  };
}

/** Plans the terms documents; call it after the clients are planned (it reads which clients are replaced). */
export function planTerms(b: Builder, current: PoolDocument | null, desired: PoolDocument, cascade: boolean): void {
  const desiredList = desired.spec.terms;
  if (desiredList === undefined && !cascade) return;
  const want = indexByKey<TermsSpec>(desiredList ?? [], termsKey, (key, index) =>
    b.errors.push(error(joinPath("spec", "terms", index, "name"), "duplicate-terms", `terms document ${JSON.stringify(key)} is defined more than once; each app client has one of each`)),
  );
  const have = indexByKey<TermsSpec>(current?.spec.terms ?? [], termsKey, (key) =>
    b.errors.push(error("spec.terms", "ambiguous-current-terms", `the current pool has more than one terms document ${JSON.stringify(key)}`)),
  );
  const replacedClients = new Set(b.entries.filter((e) => e.type === "appClient" && e.action === "replace").map((e) => e.key));
  const entry = entryBuilder("terms", termsAddress);
  for (const key of sortedKeys(want, have)) {
    const w = want.get(key);
    const h = have.get(key);
    if (w && h) {
      const before = h.item as Values;
      const after = w.item as Values;
      const path = joinPath("spec", "terms", w.index);
      const a = assess("terms", before, after, SKIP);
      const clientGone = replacedClients.has(w.item.client);
      if (cascade || clientGone) {
        const reasons = cascade ? [CASCADE_REASON] : [clientReplacedReason(w.item.client)];
        // The client keeps its name but not its id: shown as the change that forces the replacement.
        const clientChange: AttributeChange[] = cascade ? [] : [{ path: "client", before: w.item.client, after: `${w.item.client} (created again, new id)`, forcesReplacement: true, rule: reasons[0]?.rule ?? "terms.client" }];
        b.entries.push(entry(key, "replace", [...clientChange, ...exactChanges("terms", before, after, SKIP)], reasons, path));
      } else b.entries.push(entry(key, actionOf(a.changes), a.changes, [], path));
    } else if (w) {
      b.entries.push(entry(key, "create", exactChanges("terms", undefined, w.item as Values, SKIP), [], joinPath("spec", "terms", w.index)));
    } else if (h) {
      b.entries.push(entry(key, "delete", exactChanges("terms", h.item as Values, undefined, SKIP), cascade ? [CASCADE_REASON] : [], joinPath("spec", "terms", h.index)));
    }
  }
}
