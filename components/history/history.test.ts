import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import type { PoolDocument, PoolSpec } from "@/lib/cognito/spec";
import { HistoryView } from "./history-view";
import { type RevisionSummary, diffRevisions, formatRevisionTime, selectRevisions } from "./revisions";

const revisions: RevisionSummary[] = [
  { number: 1, createdBy: "ada@example.com", createdAt: new Date("2025-03-01T09:05:00Z"), message: "first" },
  { number: 2, createdBy: "bob@example.com", createdAt: "2025-03-02T10:00:00Z", message: "" },
  { number: 3, createdBy: "ada@example.com", createdAt: new Date("2025-03-04T18:30:59Z"), message: "MFA optional" },
];

function doc(spec: Partial<PoolSpec>): PoolDocument {
  return { apiVersion: "cognito-studio.dev/v1", kind: "UserPool", metadata: { name: "shop" }, spec: { region: "eu-west-1", ...spec } };
}

describe("selectRevisions", () => {
  it("defaults to the latest against the one before", () => expect(selectRevisions(revisions)).toEqual({ from: 2, to: 3 }));
  it("takes the requested pair", () => expect(selectRevisions(revisions, { from: "1", to: "3" })).toEqual({ from: 1, to: 3 }));
  it("compares a requested 'to' with the revision before it", () => expect(selectRevisions(revisions, { to: "2" })).toEqual({ from: 1, to: 2 }));
  it("ignores numbers that are not revisions", () => expect(selectRevisions(revisions, { from: "9", to: "x" })).toEqual({ from: 2, to: 3 }));
  it("takes the first value of a repeated param", () => expect(selectRevisions(revisions, { from: ["1", "2"] })).toEqual({ from: 1, to: 3 }));
  it("needs two revisions", () => expect(selectRevisions(revisions.slice(0, 1))).toBeUndefined());
});

describe("formatRevisionTime", () => {
  it("is UTC to the minute", () => {
    expect(formatRevisionTime(new Date("2025-03-04T18:30:59Z"))).toBe("2025-03-04 18:30 UTC");
    expect(formatRevisionTime("2025-03-02T10:00:00+02:00")).toBe("2025-03-02 08:00 UTC");
  });
});

describe("HistoryView", () => {
  const plan = diffRevisions(doc({ mfaConfiguration: "ON" }), doc({ mfaConfiguration: "OPTIONAL" }));
  const html = renderToStaticMarkup(
    createElement(HistoryView, { revisions, comparison: { selection: { from: 2, to: 3 }, plan }, compareHref: (a: number, b: number) => `?from=${a}&to=${b}` }),
  );

  it("lists revisions newest first with who, when and message", () => {
    const list = html.slice(0, html.indexOf("</table>"));
    const rows = [...list.matchAll(/<tr[^>]*>([\s\S]*?)<\/tr>/gu)].slice(1).map((m) => m[1].replace(/<[^>]+>/gu, " ").replace(/\s+/gu, " ").trim());
    expect(rows).toEqual([
      "#3 to ada@example.com 2025-03-04 18:30 UTC MFA optional Changes since #2",
      "#2 from bob@example.com 2025-03-02 10:00 UTC no message Changes since #1",
      "#1 ada@example.com 2025-03-01 09:05 UTC first",
    ]);
    expect(html).toContain('href="?from=2&amp;to=3"');
  });

  it("has a GET compare form with the selection chosen", () => {
    expect(html).toMatch(/<form [^>]*aria-label="Compare two revisions" method="get">/u);
    expect(html).toMatch(/<select [^>]*name="from" id="history-from">/u);
    expect(html).toContain('<option value="2" selected="">');
    expect(html).toContain('<option value="3" selected="">');
  });

  it("shows the diff as a compact plan with its security flag", () => {
    expect(html).toContain("Changes from #2 to #3");
    expect(html).toContain("mfa-weakened");
    expect(html).toContain("Plan: 0 to add, 1 to change, 0 to replace, 0 to destroy.");
  });
});
