import { describe, expect, it } from "vitest";
import type { TermsSpec } from "../spec/terms-schema";
import { planChanges } from "./plan-changes";
import { describeDestruction } from "./destructive";
import { renderPlanText } from "./render-text";
import { actions, entry } from "../../../test/support/plan-helpers";
import { poolDocument as poolDoc } from "../../../test/support/pool-documents";

const web = { name: "web" };
const mobile = { name: "mobile" };
const tou = (client = "web", url = "https://shop.test/terms"): TermsSpec => ({ client, name: "terms-of-use", links: { "cognito:default": url } });
const privacy = (client = "web"): TermsSpec => ({ client, name: "privacy-policy", links: { "cognito:default": "https://shop.test/privacy" } });

describe("terms documents in the plan (keyed by client and name)", () => {
  it("a new pool creates every document after its client", () => {
    const plan = planChanges(null, poolDoc({ clients: [web], terms: [tou(), privacy()] }));
    expect(actions(plan)).toEqual(['user_pool create', 'app_client["web"] create', 'terms["web/privacy-policy"] create', 'terms["web/terms-of-use"] create']);
    expect(entry(plan, 'terms["web/terms-of-use"]').changes).toEqual([{ path: 'links["cognito:default"]', after: "https://shop.test/terms" }]);
  });

  it("unset terms are not managed: live documents stay; [] deletes them", () => {
    const current = poolDoc({ clients: [web], terms: [tou()] });
    expect(actions(planChanges(current, poolDoc({ clients: [web] })))).toEqual([]);
    expect(actions(planChanges(current, poolDoc({ clients: [web], terms: [] })))).toEqual(['terms["web/terms-of-use"] delete']);
  });

  it("a changed link is an update in place; the same documents in another order are no change", () => {
    const current = poolDoc({ clients: [web], terms: [tou(), privacy()] });
    expect(planChanges(current, poolDoc({ clients: [web], terms: [privacy(), tou()] })).hasChanges).toBe(false);
    const plan = planChanges(current, poolDoc({ clients: [web], terms: [tou("web", "https://shop.test/terms-v2"), privacy()] }));
    expect(actions(plan)).toEqual(['terms["web/terms-of-use"] update']);
    expect(entry(plan, 'terms["web/terms-of-use"]').changes).toEqual([{ path: 'links["cognito:default"]', before: "https://shop.test/terms", after: "https://shop.test/terms-v2" }]);
  });

  it("a document moved to another client is deleted and created (UpdateTerms cannot change the client)", () => {
    const plan = planChanges(poolDoc({ clients: [web, mobile], terms: [tou("web")] }), poolDoc({ clients: [web, mobile], terms: [tou("mobile")] }));
    expect(actions(plan)).toEqual(['terms["mobile/terms-of-use"] create', 'terms["web/terms-of-use"] delete']);
    expect(describeDestruction(plan)).toContain('terms document "web/terms-of-use"');
  });

  it("a replaced client's documents are replaced with it, with the reason shown; a replaced pool takes them all", () => {
    const current = poolDoc({ clients: [web], terms: [tou()] });
    const plan = planChanges(current, poolDoc({ clients: [{ name: "web", generateSecret: true }], terms: [tou()] }));
    const replaced = entry(plan, 'terms["web/terms-of-use"]');
    expect(replaced.action).toBe("replace");
    expect(replaced.reasons[0]?.message).toMatch(/app client "web" is created again with a new id/u);
    expect(renderPlanText(plan)).toMatch(/-\/\+ terms "web\/terms-of-use"/u);

    const pool = planChanges(current, poolDoc({ clients: [web], terms: [tou()], usernameAttributes: ["email"] }), { allowReplace: true });
    expect(entry(pool, 'terms["web/terms-of-use"]').action).toBe("replace");
    expect(entry(pool, 'terms["web/terms-of-use"]').reasons[0]?.rule).toBe("pool.replaced");
  });

  it("two documents with one key are an error of the plan", () => {
    const plan = planChanges(null, poolDoc({ clients: [web], terms: [tou(), tou("web", "https://shop.test/other")] }));
    expect(plan.errors.map((e) => [e.code, e.path])).toEqual([["duplicate-terms", "spec.terms[1].name"]]);
  });
});
