import { describe, expect, it } from "vitest";
import { WINDOW_THRESHOLD, visibleRange } from "./windowed-list";

describe("visibleRange (the rows a windowed list renders)", () => {
  it("renders every row of a list no longer than the threshold", () => {
    expect(visibleRange(WINDOW_THRESHOLD, 40, 1000, 400)).toEqual({ start: 0, end: WINDOW_THRESHOLD });
  });

  it("renders the rows in view and eight more on each side", () => {
    // 200 rows of 40 px, a 400 px viewport scrolled to row 50: rows 50-59 are in view.
    expect(visibleRange(200, 40, 2000, 400)).toEqual({ start: 42, end: 68 });
  });

  it("stops at either end of the list", () => {
    expect(visibleRange(200, 40, 0, 400)).toEqual({ start: 0, end: 18 });
    expect(visibleRange(200, 40, 200 * 40 - 400, 400)).toEqual({ start: 182, end: 200 });
    expect(visibleRange(200, 40, -30, 400)).toEqual({ start: 0, end: 18 });
  });
});
