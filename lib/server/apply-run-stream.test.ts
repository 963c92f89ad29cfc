import { describe, expect, it } from "vitest";
import { nextPollDelay } from "./apply-run-stream";

describe("nextPollDelay", () => {
  it("reads again at the base interval right after a change", () => {
    expect(nextPollDelay(2_000, true, 250, 2_000)).toBe(250);
  });

  it("doubles while nothing changes, up to the quiet interval, and never below the base", () => {
    const delays: number[] = [];
    let delay = 250;
    for (let i = 0; i < 6; i++) delays.push((delay = nextPollDelay(delay, false, 250, 2_000)));
    expect(delays).toEqual([500, 1_000, 2_000, 2_000, 2_000, 2_000]);
    expect(nextPollDelay(0, false, 250, 2_000)).toBe(250);
  });
});
