import { describe, expect, it } from "vitest";
import { readActionAnswer } from "@/bench/load/session";
import { Recorder, percentile, summariseErrors } from "@/bench/load/stats";

// The load benchmark (`npm run bench -- load`) reads server actions' answers from their RSC (Flight)
// responses and reports nearest-rank percentiles; these are the pieces its figures rest on.
describe("readActionAnswer", () => {
  it("follows row 0's reference to the action's result and undoes Flight's escapes", () => {
    const text = [
      `0:{"a":"$@1","f":"","b":"build-id","q":"","i":false}`,
      `1:{"ok":true,"data":{"version":7,"valid":true,"diagnostics":[],"savedAt":"$D2026-12-05T21:30:00.000Z","note":"$$5 off"}}`,
      "",
    ].join("\n");
    expect(readActionAnswer(text)).toEqual({ ok: true, data: { version: 7, valid: true, diagnostics: [], savedAt: "2026-12-05T21:30:00.000Z", note: "$5 off" } });
  });

  it("reads a refusal with its code", () => {
    const text = `0:{"a":"$@2","f":"","b":"x"}\n2:{"ok":false,"fieldErrors":{},"formError":"Someone else saved this draft","code":"draft-conflict"}\n`;
    expect(readActionAnswer(text)).toMatchObject({ ok: false, code: "draft-conflict" });
  });

  it("throws on an HTML page or a response without the result row", () => {
    expect(() => readActionAnswer("<!DOCTYPE html><html></html>")).toThrow(/not an action response/u);
    expect(() => readActionAnswer(`0:{"a":"$@1","f":""}\n`)).toThrow(/no action result/u);
  });
});

describe("percentile", () => {
  it("is the nearest-rank value", () => {
    const values = Array.from({ length: 100 }, (_, i) => 100 - i);
    expect(percentile(values, 50)).toBe(50);
    expect(percentile(values, 95)).toBe(95);
    expect(percentile(values, 99)).toBe(99);
    expect(percentile([3], 99)).toBe(3);
    expect(percentile([], 50)).toBeNaN();
  });

  it("gives a percentile per slice of the run, by the time each request ended, per kind", () => {
    const recorder = new Recorder();
    const start = 1_000;
    for (const [ms, at] of [[900, 1_500], [100, 5_000], [40, 11_000], [60, 19_999], [20, 31_000], [700, 41_500]] as const) recorder.record("save", ms, undefined, at);
    recorder.record("plan page", 5_000, undefined, 2_000);
    // A 40 s run in 10 s slices: the third is empty; the request that ended after the run counts in the last.
    expect(recorder.percentileBySlice("save", 95, start, 40_000, 10_000)).toEqual([900, 60, NaN, 700]);
    expect(recorder.percentileBySlice("plan page", 95, start, 40_000, 10_000)).toEqual([5_000, NaN, NaN, NaN]);
    expect(recorder.percentileBySlice("other", 95, start, 40_000, 10_000)).toEqual([NaN, NaN, NaN, NaN]);
    expect(recorder.total((kind) => kind !== "plan page")).toBe(6);
  });

  it("counts errors by message, most frequent first", () => {
    expect(summariseErrors(["HTTP 500", "timeout", "HTTP 500"])).toBe("2× HTTP 500; 1× timeout");
  });
});
