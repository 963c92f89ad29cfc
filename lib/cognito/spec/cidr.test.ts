import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { cidrProblem, cidrSchema } from "./cidr";

describe("CIDR blocks of the threat protection IP lists", () => {
  it.each(["203.0.113.0/24", "0.0.0.0/0", "198.51.100.7/32", "2001:db8::/32", "::/0", "::ffff:192.0.2.1/128", "2001:db8:0:0:0:0:0:1/128"])("accepts %s", (value) => {
    expect(cidrProblem(value)).toBeUndefined();
  });
  it.each([
    ["203.0.113.0", "needs a prefix length"],
    ["203.0.113.0/33", "IPv4 prefix length is 0 to 32"],
    ["2001:db8::/129", "IPv6 prefix length is 0 to 128"],
    ["256.0.0.1/8", "IPv4 or IPv6 range"],
    ["10.0.0/8", "IPv4 or IPv6 range"],
    ["2001:db8:::1/64", "IPv4 or IPv6 range"],
    ["1:2:3:4:5:6:7:8:9/64", "IPv4 or IPv6 range"],
    ["10.0.0.0/x", "prefix length in digits"],
    ["example.com/24", "IPv4 or IPv6 range"],
  ])("refuses %s, saying %s", (value, words) => {
    expect(cidrProblem(value)).toContain(words);
    expect(cidrSchema.safeParse(value).success).toBe(false);
  });
  it("never throws on any string", () => {
    fc.assert(fc.property(fc.string(), (value) => {
      cidrSchema.safeParse(value);
    }));
  });
});
