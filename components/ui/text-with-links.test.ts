import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { TextWithLinks } from "./text-with-links";

describe("TextWithLinks", () => {
  it("links each https URL, keeps the text around it, and lets the URL break anywhere", () => {
    const html = renderToStaticMarkup(
      createElement(TextWithLinks, { text: "Not in UpdateUserPool (https://docs.aws.amazon.com/a.html); Terraform forces it (https://registry.terraform.io/b)" }),
    );
    expect(html.match(/<a /gu)).toHaveLength(2);
    expect(html).toContain('href="https://docs.aws.amazon.com/a.html"');
    expect(html).toContain('href="https://registry.terraform.io/b"');
    expect(html).toContain("break-all");
    expect(html.replace(/<[^>]+>/gu, "")).toBe("Not in UpdateUserPool (https://docs.aws.amazon.com/a.html); Terraform forces it (https://registry.terraform.io/b)");
  });
  it("leaves text without a URL as it is", () => {
    expect(renderToStaticMarkup(createElement(TextWithLinks, { text: "no link here" }))).toBe("no link here");
  });
});
