import { describe, expect, test } from "vitest";
import { costUsageSchema } from "./estimate-cost";
import { readUsageNumber } from "./usage-number";

describe("readUsageNumber: a usage figure as the cost panel and the CLI read it", () => {
  test.each([
    ["10000", 10000],
    ["10,000", 10000],
    ["1,000,000", 1_000_000],
    ["1_000_000", 1_000_000],
    [" 42 ", 42],
    ["0.0075", 0.0075],
    ["-5", -5],
    ["2.5", 2.5],
  ])("%j is %d", (text, value) => expect(readUsageNumber(text)).toBe(value));

  test.each(["0x10", "1e3", "Infinity", "NaN", "12abc", "1,5", "1,0000", "--5", "1.", ".5e1", "١٢"])("%j is not a number", (text) => {
    expect(readUsageNumber(text)).toBeNaN();
  });

  test("empty is unset", () => {
    expect(readUsageNumber("")).toBeUndefined();
    expect(readUsageNumber("   ")).toBeUndefined();
  });

  test("what it reads goes through the one schema, which names the field and the rule", () => {
    const messages = (mau: string) => {
      const parsed = costUsageSchema.safeParse({ mau: readUsageNumber(mau) });
      return parsed.success ? [] : parsed.error.issues.map((i) => i.message);
    };
    expect(messages("0x10")).toEqual(["Monthly active users must be a number"]);
    expect(messages("-5")).toEqual(["Monthly active users cannot be negative"]);
    expect(messages("2.5")).toEqual(["Monthly active users must be a whole number"]);
    expect(messages("10,000,000,000,000")).toEqual(["Monthly active users is more than a trillion: check the number"]);
    expect(messages("10,000")).toEqual([]);
  });
});
