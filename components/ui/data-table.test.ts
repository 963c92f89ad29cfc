import { createElement as h } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { DataTable } from "./data-table";

describe("DataTable", () => {
  const html = renderToStaticMarkup(
    h(DataTable, {
      label: "Targets",
      columns: ["Name", "Region", "User pool"],
      children: [
        h("tr", { key: "a" }, h("td", null, "dev"), h("td", null, "eu-west-1"), false, h("td", null, "not created yet")),
        h("tr", { key: "b" }, [h("td", { key: 1 }, "prod"), h("td", { key: 2 }, "us-east-1"), h("td", { key: 3 }, "us-east-1_X")]),
      ],
    }),
  );

  it("names every cell's column, for the card layout of a narrow screen", () => {
    expect(html).toContain('<tr role="row"><td data-label="Name" role="cell">dev</td><td data-label="Region" role="cell">eu-west-1</td><td data-label="User pool" role="cell">not created yet</td></tr>');
    expect(html).toContain('<tr role="row"><td data-label="Name" role="cell">prod</td><td data-label="Region" role="cell">us-east-1</td><td data-label="User pool" role="cell">us-east-1_X</td></tr>');
  });

  it("has a focusable, labelled scroll region", () => {
    expect(html).toMatch(/^<div class="data-table [^"]*" tabindex="0" role="region" aria-label="Targets \(scrollable\)">/u);
  });
});
