import { describe, expect, test } from "vitest";
import { environmentValuesFormSchema } from "@/lib/contracts/review-inputs";

const withCallbacks = (callbackUrls: string) => ({ targetId: "t", clients: [{ name: "web", callbackUrls, logoutUrls: "" }] });

describe("environment values: URL lists are bounded before they are split", () => {
  test("a 1 MB newline flood of junk is one message, not one per line", () => {
    const parsed = environmentValuesFormSchema.safeParse(withCallbacks("x\n".repeat(500_000)));
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues).toHaveLength(1);
    expect(parsed.error?.issues[0]?.message).toBe("a client has at most 100 callback URLs of up to 1,024 characters each; shorten the list");
  });

  test("101 short junk lines are one message with the count", () => {
    const parsed = environmentValuesFormSchema.safeParse(withCallbacks("x\n".repeat(101)));
    expect(parsed.error?.issues.map((i) => i.message)).toEqual(["at most 100 callback URLs per app client (101 given)"]);
  });

  test("a real list still parses", () => {
    const parsed = environmentValuesFormSchema.safeParse(withCallbacks("https://app.example.com/callback\nhttps://app.example.com/cb2"));
    expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
  });
});
