import { createElement as h } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { PoolOverview } from "./pool-overview";
import { ZOOM_STEPS, stepZoom } from "./zoom-pan";

describe("overview zoom", () => {
  it("steps through the zoom levels and stops at both ends", () => {
    expect(stepZoom(1, 1)).toBe(1.25);
    expect(stepZoom(1, -1)).toBe(0.75);
    expect(stepZoom(0.6, -1)).toBe(0.5);
    expect(stepZoom(ZOOM_STEPS[0], -1)).toBe(ZOOM_STEPS[0]);
    expect(stepZoom(2, 1)).toBe(2);
  });

  it("draws the picture at its own size in a pannable box, not squeezed to the page's width", () => {
    const doc = { apiVersion: "cognito-studio.dev/v1", kind: "UserPool", metadata: { name: "shop" }, spec: { region: "eu-west-1", clients: [{ name: "web" }] } } as const;
    const html = renderToStaticMarkup(h(PoolOverview, { document: doc as never }));
    const size = /<div style="width:(\d+)px;height:(\d+)px"><svg/u.exec(html);
    expect(size).not.toBeNull();
    expect(html).toMatch(/viewBox="0 0 (\d+) (\d+)"/u);
    const viewBox = /viewBox="0 0 (\d+) (\d+)"/u.exec(html);
    expect([size?.[1], size?.[2]]).toEqual([viewBox?.[1], viewBox?.[2]]);
    expect(html).not.toContain("min-w-[720px]");
    expect(html).toContain('aria-label="Zoom in"');
  });
});
