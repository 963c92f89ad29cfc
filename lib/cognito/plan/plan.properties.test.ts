/** Properties of the plan over arbitrary documents (test/support/pool-arbitraries.ts). */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { PoolDocument } from "../spec/document-schema";
import { STANDARD_ATTRIBUTES } from "../spec/schema-attribute-schema";
import { poolDocumentArbitrary, poolDocumentPairArbitrary } from "@/test/support/pool-arbitraries";
import { applyPlanToDocument } from "../../../test/support/apply-plan-to-document";
import { planChanges } from "./plan-changes";
import { PLAN_FORMAT_VERSION, renderPlanJson } from "./render-json";
import { renderPlanText } from "./render-text";
import { effectiveClients, mfaAttributes, poolAttributes, resolveClientDefaults } from "./resources";

const RUNS = { numRuns: 300 };

/** Sorts every list (the plan treats lists as sets or keyed) and drops empty objects, for comparison. */
function sortDeep(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortDeep).sort((x, y) => (JSON.stringify(x) < JSON.stringify(y) ? -1 : 1));
  if (value !== null && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) {
      const v = sortDeep((value as Record<string, unknown>)[key]);
      if (v === undefined) continue;
      if (v !== null && typeof v === "object" && !Array.isArray(v) && Object.keys(v).length === 0) continue;
      out[key] = v;
    }
    return out;
  }
  return value;
}

/**
 * What AWS holds for a document: clientDefaults folded in, labels dropped (document-only), empty client,
 * resource server, style, customization and terms lists the same as none, and standard attributes not listed by `reference` dropped (a
 * standard attribute always exists; leaving it out of the list is not a change).
 */
function normalise(doc: PoolDocument, reference: PoolDocument): unknown {
  const resolved = structuredClone(resolveClientDefaults(doc));
  delete resolved.metadata.labels;
  if (resolved.spec.clients?.length === 0) delete resolved.spec.clients;
  if (resolved.spec.resourceServers?.length === 0) delete resolved.spec.resourceServers;
  if (resolved.spec.groups?.length === 0) delete resolved.spec.groups;
  if (resolved.spec.identityProviders?.length === 0) delete resolved.spec.identityProviders;
  if (resolved.spec.riskConfiguration?.clients?.length === 0) delete resolved.spec.riskConfiguration.clients;
  for (const key of ["managedLoginBranding", "uiCustomizations", "terms"] as const) if (resolved.spec[key]?.length === 0) delete resolved.spec[key];
  const listed = new Set((reference.spec.schemaAttributes ?? []).map((a) => a.name));
  if (resolved.spec.schemaAttributes) {
    resolved.spec.schemaAttributes = resolved.spec.schemaAttributes.filter((a) => listed.has(a.name) || !Object.hasOwn(STANDARD_ATTRIBUTES, a.name));
    if (resolved.spec.schemaAttributes.length === 0) delete resolved.spec.schemaAttributes;
  }
  return sortDeep(resolved);
}

describe("plan properties", () => {
  it("plan(x, x) has no changes, errors or security flags", () => {
    fc.assert(
      fc.property(fc.oneof(poolDocumentArbitrary(), poolDocumentArbitrary({ full: true })), (doc) => {
        const plan = planChanges(doc, structuredClone(doc));
        expect(plan.entries.filter((e) => e.action !== "noop")).toEqual([]);
        expect(plan.hasChanges).toBe(false);
        expect(plan.errors).toEqual([]);
        expect(plan.securityChanges).toEqual([]);
        expect(plan.worstImpact.level).toBe("none");
      }),
      RUNS,
    );
  });

  it("creating from nothing and applying the plan yields the desired document", () => {
    fc.assert(
      fc.property(poolDocumentArbitrary(), (b) => {
        const result = applyPlanToDocument(null, planChanges(null, b), b);
        expect(normalise(result, b)).toEqual(normalise(b, b));
      }),
      RUNS,
    );
  });

  it("plan(a, b) applied to a converges: planning again against b has no changes", () => {
    fc.assert(
      fc.property(poolDocumentPairArbitrary(), ([a, b]) => {
        const plan = planChanges(a, b, { allowReplace: true });
        const result = applyPlanToDocument(a, plan, b);
        const again = planChanges(result, b, { allowReplace: true });
        // Left over: only deletes the plan refuses (a provider a client still lists: plan error provider-still-listed).
        const refused = (e: (typeof again.entries)[number]) => e.action === "delete" && e.changes.length > 0 && e.changes.every((c) => c.impossible);
        expect(again.entries.filter((e) => e.action !== "noop" && !refused(e))).toEqual([]);
        expect(again.entries.filter(refused).map((e) => e.address)).toEqual(plan.entries.filter(refused).map((e) => e.address));
        // A replaced resource keeps nothing of the old one: settings b does not manage are gone too.
        if (plan.entries.some((e) => e.type === "userPool" && e.action === "replace")) {
          expect(sortDeep(poolAttributes(result))).toEqual(sortDeep(poolAttributes(b)));
          expect(sortDeep(mfaAttributes(result))).toEqual(sortDeep(mfaAttributes(b)));
        }
        const wanted = new Map((effectiveClients(b) ?? []).map((c) => [c.name, c]));
        for (const e of plan.entries.filter((x) => x.type === "appClient" && x.action === "replace")) {
          expect(sortDeep(result.spec.clients?.find((c) => c.name === e.key))).toEqual(sortDeep(wanted.get(e.key)));
        }
      }),
      RUNS,
    );
  });

  it("without allowReplace, what is left after applying is exactly the impossible changes", () => {
    fc.assert(
      fc.property(poolDocumentPairArbitrary(), ([a, b]) => {
        const plan = planChanges(a, b);
        const again = planChanges(applyPlanToDocument(a, plan, b), b);
        const left = again.entries.flatMap((e) => e.changes.filter(() => e.action !== "noop").map((c) => `${e.address} ${c.path}`));
        const impossible = plan.entries.flatMap((e) => e.changes.filter((c) => c.impossible).map((c) => `${e.address} ${c.path}`));
        expect(left).toEqual(impossible);
        expect(again.errors.map((e) => e.code)).toEqual(plan.errors.map((e) => e.code));
      }),
      RUNS,
    );
  });

  it("for documents that manage every field, plan(a, b) applied to a equals b", () => {
    fc.assert(
      fc.property(poolDocumentPairArbitrary({ full: true }), ([a, b]) => {
        const plan = planChanges(a, b, { allowReplace: true });
        // b offers a provider it deletes (invalid: client-unknown-provider); the plan refuses that delete.
        fc.pre(!plan.errors.some((e) => e.code === "provider-still-listed"));
        const result = applyPlanToDocument(a, plan, b);
        expect(normalise(result, b)).toEqual(normalise(b, b));
      }),
      { numRuns: 200 },
    );
  });

  it("keeps the current value of every field the desired document leaves unset (no pool replacement)", () => {
    fc.assert(
      fc.property(poolDocumentPairArbitrary(), ([a, b]) => {
        const plan = planChanges(a, b);
        fc.pre(plan.entries[0]?.action !== "replace");
        const result = applyPlanToDocument(a, plan, b);
        const resolvedA = resolveClientDefaults(a);
        // Styles, customizations and terms documents belong to their client: a replaced client takes them along.
        const replaced = new Set(plan.entries.filter((e) => e.type === "appClient" && e.action === "replace").map((e) => e.previousKey ?? e.key));
        const owner: Record<string, string> = { managedLoginBranding: "clientName", uiCustomizations: "clientName", terms: "client" };
        for (const [key, value] of Object.entries(resolvedA.spec)) {
          if (key in b.spec || key === "clientDefaults") continue;
          const kept = key in owner ? (value as Record<string, unknown>[]).filter((item) => !replaced.has(item[owner[key]!] as string)) : value;
          expect((result.spec as Record<string, unknown>)[key], key).toEqual(kept);
        }
      }),
      RUNS,
    );
  });

  it("renderers never throw and end with the summary line; JSON is versioned, parseable and stable", () => {
    fc.assert(
      fc.property(poolDocumentPairArbitrary(), fc.boolean(), fc.option(fc.nat(), { nil: undefined }), ([a, b], allowReplace, users) => {
        const plan = planChanges(a, b, { allowReplace, live: { estimatedNumberOfUsers: users } });
        const text = renderPlanText(plan);
        const last = text.trimEnd().split("\n").at(-1) ?? "";
        expect(last).toMatch(plan.hasChanges ? /^Plan: \d+ to add, \d+ to change, \d+ to replace, \d+ to destroy\.$/u : /^No changes\. /u);
        const json = renderPlanJson(plan);
        const parsed = JSON.parse(json) as { formatVersion: number; entries: unknown[] };
        expect(parsed.formatVersion).toBe(PLAN_FORMAT_VERSION);
        expect(parsed.entries).toHaveLength(plan.entries.length);
        expect(renderPlanJson(planChanges(a, b, { allowReplace, live: { estimatedNumberOfUsers: users } }))).toBe(json);
      }),
      RUNS,
    );
  });
});
