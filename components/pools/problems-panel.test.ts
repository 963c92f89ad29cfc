import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { createPoolDocument, getPreset, type PoolPreset } from "@/lib/cognito/presets";
import type { Diagnostic } from "@/lib/cognito/spec";
import { PoolEditor, preloadEditorSections } from "@/components/pool-editor/pool-editor";
import { ProblemsPanel } from "./problems-panel";

const text = (html: string) => html.replace(/<[^>]+>/gu, " ").replace(/\s+/gu, " ");
const panel = (diagnostics: Diagnostic[]) => text(renderToStaticMarkup(createElement(ProblemsPanel, { diagnostics, document: {}, onShowSection: () => undefined })));
const error: Diagnostic = { severity: "error", path: "spec.passwordPolicy.minimumLength", code: "too_small", message: "must be at least 6" };
const warning: Diagnostic = { severity: "warning", path: "spec.mfaConfiguration", code: "mfa-off", message: "MFA is off" };

describe("whether the draft is valid is said once, in the Problems panel", () => {
  it("no problems, warnings only, errors: one sentence each", () => {
    expect(panel([])).toContain("The draft is valid. No warnings.");
    expect(panel([warning])).toContain("The draft is valid. The warnings below are advice.");
    const broken = panel([error, warning]);
    expect(broken).toContain("only a valid draft can be saved as a revision and applied: fix the errors below.");
    expect(broken).not.toContain("The draft is valid");
  });
  it("a long list shows its first problems, errors first, and offers the rest", () => {
    const many = [warning, warning, error, warning, warning];
    const html = panel(many);
    expect(html).toContain("1 error, 4 warnings");
    expect(html.match(/Warning:/gu)).toHaveLength(2);
    expect(html.indexOf("Error:")).toBeLessThan(html.indexOf("Warning:"));
    expect(html).toContain("Show all 5 problems");
    expect(panel([error, warning, warning])).not.toContain("Show all");
  });
  it("the editor above it no longer repeats it", async () => {
    await preloadEditorSections(); // the sections are loaded on first use
    const document = createPoolDocument(getPreset("hardened-production") as PoolPreset, { name: "shop", region: "us-east-1" });
    const html = text(renderToStaticMarkup(createElement(PoolEditor, { document, initialSection: "password-policy" })));
    expect(html).toContain("Minimum length");
    expect(html).not.toMatch(/The pool is valid|The pool has errors/u);
  });
});
