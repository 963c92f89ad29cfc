/**
 * CIDR blocks, as threat protection's IP-address lists take them ("displayed and set in CIDR notation",
 * https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_RiskExceptionConfigurationType.html).
 * Plain TypeScript (no node:net), so the browser's form validates the same way. IPv4 `203.0.113.0/24` and
 * IPv6 `2001:db8::/32`; a block must give its prefix length.
 */
import { z } from "zod";

const OCTET = /^(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$/u;
const HEXTET = /^[0-9a-f]{1,4}$/iu;

function isIpv4(text: string): boolean {
  const parts = text.split(".");
  return parts.length === 4 && parts.every((p) => OCTET.test(p));
}

function isIpv6(text: string): boolean {
  const halves = text.split("::");
  if (halves.length > 2) return false;
  const groups = (half: string) => (half === "" ? [] : half.split(":"));
  const head = groups(halves[0] ?? "");
  const tail = halves.length === 2 ? groups(halves[1] ?? "") : [];
  // An embedded IPv4 address (::ffff:192.0.2.1) counts as two groups.
  const last = (halves.length === 2 ? tail : head).at(-1);
  const v4 = last !== undefined && last.includes(".");
  if (v4 && !isIpv4(last)) return false;
  const all = [...head, ...tail].filter((g, i, list) => !(v4 && i === list.length - 1));
  if (!all.every((g) => HEXTET.test(g))) return false;
  const count = all.length + (v4 ? 2 : 0);
  return halves.length === 2 ? count < 8 : count === 8;
}

/** Why `text` is not a CIDR block, or undefined when it is one. */
export function cidrProblem(text: string): string | undefined {
  const slash = text.indexOf("/");
  if (slash < 0) return "needs a prefix length, like 203.0.113.0/24 (a single address is /32)";
  const address = text.slice(0, slash);
  const prefix = text.slice(slash + 1);
  if (!/^\d{1,3}$/u.test(prefix)) return "must end with a prefix length in digits, like /24";
  const bits = Number(prefix);
  if (isIpv4(address)) return bits <= 32 ? undefined : "an IPv4 prefix length is 0 to 32";
  if (isIpv6(address)) return bits <= 128 ? undefined : "an IPv6 prefix length is 0 to 128";
  return "must be an IPv4 or IPv6 range in CIDR notation, like 203.0.113.0/24 or 2001:db8::/32";
}

/** The longest CIDR block (IPv6 with an embedded IPv4 address) has 49 characters. */
export const cidrSchema = z.string().max(64).superRefine((value, ctx) => {
  const problem = cidrProblem(value);
  if (problem !== undefined) ctx.addIssue({ code: "custom", message: problem });
});
