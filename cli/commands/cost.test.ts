import { expect, test } from "vitest";
import { runCli } from "../main";
import { memoryIo } from "@/test/support/cli-io";

const pool = `apiVersion: cognito-studio.dev/v1
kind: UserPool
metadata: { name: shop }
spec:
  region: eu-west-1
  userPoolTier: ESSENTIALS
  domain: { domain: shop-auth, managedLoginVersion: 2 }
  clients:
    - name: worker
      generateSecret: true
      allowedOAuthFlowsUserPoolClient: true
      allowedOAuthFlows: [client_credentials]
      allowedOAuthScopes: [api/read]
  resourceServers:
    - { identifier: api, name: API, scopes: [{ name: read, description: Read }] }
`;

test("text: each plan's monthly total, the plan this design is on, what Lite lacks, and the prices' date", async () => {
  const io = memoryIo({ files: { "pool.yaml": pool } });
  expect(await runCli(["cost", "pool.yaml", "--mau", "50000", "--m2m", "10000"], io)).toBe(0);
  const out = io.out();
  // Essentials: 40,000 × 0.015 = 600, + one M2M client 6 + 10 × 2.25 = 22.50.
  expect(out).toContain("Essentials (this design): $628.50 a month (prices not confirmed)");
  expect(out).toContain("Lite: $248.50 a month (prices not confirmed); cannot run this design: needs Managed login (version 2)");
  expect(out).toContain("Plus: $1,028.50 a month");
  expect(out).toContain("Least plan for this design: Essentials");
  expect(out).toContain("note: Prices read on 2026-12-06 from https://aws.amazon.com/cognito/pricing/");
});

test("json: the whole estimate; SMS without a price is a note, with one a line", async () => {
  const io = memoryIo({ files: { "pool.yaml": pool } });
  expect(await runCli(["cost", "pool.yaml", "--mau", "0", "--sms", "200", "--sms-price", "0.01", "-f", "json"], io)).toBe(0);
  const e = JSON.parse(io.out()) as { plans: { plan: string; lines: { item: string; amount: number }[] }[]; pricesReadOn: string };
  expect(e.pricesReadOn).toBe("2026-12-06");
  expect(e.plans[0]?.lines.find((l) => l.item.startsWith("SMS"))?.amount).toBe(2);
});

test("bad numbers are usage errors naming the option and the rule", async () => {
  for (const [args, message] of [
    [["--mau=-5"], "Monthly active users cannot be negative"],
    [["--mau", "many"], '--mau takes a number; got "many"'],
    [["--mau", "10", "--m2m", "2.5"], "M2M token requests must be a whole number"],
    [[], "--mau N is required"],
  ] as const) {
    const io = memoryIo({ files: { "pool.yaml": pool } });
    expect(await runCli(["cost", "pool.yaml", ...args], io)).toBe(2);
    expect(io.err()).toContain(message);
  }
});

test("numbers are read as the cost panel reads them: thousands separators yes, hexadecimal or exponents no", async () => {
  const io = memoryIo({ files: { "pool.yaml": pool } });
  expect(await runCli(["cost", "pool.yaml", "--mau", "10,000", "-f", "json"], io)).toBe(0);
  expect((JSON.parse(io.out()) as { plans: { lines: { item: string; quantity: number }[] }[] }).plans[0]?.lines[0]).toMatchObject({ item: "Monthly active users", quantity: 10000 });
  for (const text of ["0x10", "1e3"]) {
    const bad = memoryIo({ files: { "pool.yaml": pool } });
    expect(await runCli(["cost", "pool.yaml", "--mau", text], bad)).toBe(2);
    expect(bad.err()).toContain(`--mau takes a number; got "${text}"`);
  }
});
