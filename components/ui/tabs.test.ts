import { createElement as h } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { Tabs, TabsContent, TabsList, TabsTrigger } from "./tabs";

const render = (props: { value?: string; defaultValue?: string; orientation?: "vertical" }) =>
  renderToStaticMarkup(
    h(
      Tabs,
      props,
      h(TabsList, { "aria-label": "Formats" }, h(TabsTrigger, { value: "a" }, "A"), h(TabsTrigger, { value: "b" }, "B")),
      h(TabsContent, { value: "a" }, "content of a"),
      h(TabsContent, { value: "b" }, "content of b"),
    ),
  );
const tags = (html: string, role: string) => [...html.matchAll(new RegExp(`<[a-z]+ [^>]*role="${role}"[^>]*>`, "gu"))].map((m) => m[0]);
const attr = (tag: string, name: string) => new RegExp(`\\s${name}="([^"]*)"`, "u").exec(tag)?.[1];

describe("Tabs markup (the WAI-ARIA tabs pattern)", () => {
  it("ties each tab to its panel and marks the selected one, the only one in the Tab order", () => {
    const html = render({ defaultValue: "b" });
    const [a, b] = tags(html, "tab");
    expect([attr(a!, "aria-selected"), attr(b!, "aria-selected")]).toEqual(["false", "true"]);
    expect([attr(a!, "tabindex"), attr(b!, "tabindex")]).toEqual(["-1", "0"]);
    expect([attr(a!, "data-state"), attr(b!, "data-state")]).toEqual(["inactive", "active"]);
    const panels = tags(html, "tabpanel");
    expect(panels.map((p) => attr(p, "aria-labelledby"))).toEqual([attr(a!, "id"), attr(b!, "id")]);
    expect(panels.map((p) => attr(p, "id"))).toEqual([attr(a!, "aria-controls"), attr(b!, "aria-controls")]);
  });

  it("renders only the selected panel's content; the others are hidden and empty", () => {
    const html = render({ value: "a" });
    expect(html).toContain("content of a");
    expect(html).not.toContain("content of b");
    const [shown, other] = tags(html, "tabpanel");
    expect(shown).not.toMatch(/\shidden/u);
    expect(other).toMatch(/\shidden/u);
  });

  it("states the list's orientation", () => {
    expect(attr(tags(render({ value: "a", orientation: "vertical" }), "tablist")[0]!, "aria-orientation")).toBe("vertical");
    expect(attr(tags(render({ value: "a" }), "tablist")[0]!, "aria-orientation")).toBe("horizontal");
  });
});
