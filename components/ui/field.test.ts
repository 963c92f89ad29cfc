import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { FieldNotes, fieldIds } from "./field";

describe("FieldNotes", () => {
  it("puts each warning of a field on its own line, so two messages do not run together", () => {
    const ids = fieldIds("f", { help: false, error: false, warning: true });
    const html = renderToStaticMarkup(createElement(FieldNotes, { ids, errors: [], warnings: ["First warning.", "Second warning."] }));
    expect(html.match(/<span class="block">/gu)).toHaveLength(2);
    expect(html.replace(/<[^>]+>/gu, "")).toBe("First warning. Second warning.");
  });
});
