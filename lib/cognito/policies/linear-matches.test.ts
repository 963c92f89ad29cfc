import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { poolDocument } from "@/test/support/pool-documents";
import { compilePolicies, compilePolicy } from "./compile";
import { evaluatePolicies } from "./evaluate";
import { STARTER_POLICIES } from "./starter-set";
import type { Policy } from "./types";

const PROD = { name: "prod", region: "eu-west-1" };

const pattern = (require: string): Policy => ({
  id: "no-odd-targets",
  description: "Targets are named plainly",
  severity: "block",
  require,
  path: "metadata.name",
});

function codes(policies: readonly Policy[], target: { name: string; region: string }, callbackUrls?: string[]) {
  const { compiled, problems } = compilePolicies(policies);
  expect(problems).toEqual([]);
  const doc = poolDocument({ clients: [{ name: "web", callbackUrls }] });
  return evaluatePolicies(compiled, doc, target).map((v) => v.message);
}

describe("matches runs RE2, in linear time", () => {
  const localhost = STARTER_POLICIES.filter((p) => p.id === "prod-no-localhost-callbacks");

  it.each([
    ["http://localhost:3000/cb", 1],
    ["http://127.0.0.1/cb", 1],
    ["http://[::1]", 1],
    ["https://localhost.example.com/cb", 0],
    ["https://shop.example.com/localhost", 0],
  ])("the starter set's localhost rule on %s: %i violation(s)", (url, count) => {
    expect(codes(localhost, PROD, ["https://shop.example.com/cb", url])).toHaveLength(count);
  });

  it("refuses at compile time a pattern RE2 cannot take (a backreference), naming the policy, the column and what to do", () => {
    const { compiled, problems } = compilePolicy(pattern('!target.name.matches("(a)\\\\1")'));
    expect(compiled).toBeUndefined();
    expect(problems).toEqual([
      {
        policyId: "no-odd-targets",
        expression: "require",
        column: 22,
        message: expect.stringMatching(
          /^policy "no-odd-targets", require at column 22: the pattern is not an RE2 regular expression \(invalid escape sequence: `\\1`\); matches takes RE2 syntax .* no backreferences/u,
        ) as unknown,
      },
    ]);
  });

  it("refuses at compile time a pattern whose RE2 program is too large to run quickly", () => {
    const { problems } = compilePolicy(pattern('!target.name.matches(".{1000}.{1000}x")'));
    expect(problems[0]?.message).toMatch(
      /^policy "no-odd-targets", require at column 22: the pattern is too large for a policy \(RE2 program size \d+, at most 1000\); use fewer or smaller counted repetitions/u,
    );
    expect(compilePolicy(pattern('!target.name.matches(".{990}x")')).problems).toEqual([]);
  });

  it("keeps CEL's types: matches on a number is refused at compile time", () => {
    expect(compilePolicy(pattern('size(clients).matches("1")')).problems[0]?.message).toMatch(/found no matching overload for 'int.matches\(string\)'/u);
  });

  it("reports, not throws, a pattern built from the document that RE2 cannot take", () => {
    expect(codes([pattern('!"x".matches(target.name)')], { name: "(?=x)", region: "eu-west-1" })).toEqual([
      expect.stringMatching(/could not be checked: .*the pattern is not an RE2 regular expression \(invalid or unsupported Perl syntax: `\(\?=`\)/u),
    ]);
  });

  it("matches anywhere in the string unless anchored, as CEL defines", () => {
    expect(codes([pattern('!target.name.matches("od")')], PROD)).toHaveLength(1);
    expect(codes([pattern('!target.name.matches("^od")')], PROD)).toEqual([]);
  });

  /*
   * (a+)+$ against 40 a's and a "!" takes a backtracking engine about 2^40 steps (hours); RE2 answers at once.
   * The check runs in a child process so that, were matches ever backtracking again, the test fails when the
   * child is stopped, instead of hanging the suite. The bound is a safety net, not a speed target.
   */
  it("finishes (a+)+$ against a crafted 41-character input", () => {
    const probe = fileURLToPath(new URL("./linear-matches.probe.ts", import.meta.url));
    const tsx = fileURLToPath(new URL("../../../node_modules/tsx/dist/cli.mjs", import.meta.url));
    const run = spawnSync(process.execPath, [tsx, probe], { encoding: "utf8", timeout: 50_000 });
    expect({ signal: run.signal, status: run.status, stderr: run.stderr }).toEqual({ signal: null, status: 0, stderr: "" });
    expect(JSON.parse(run.stdout)).toEqual({ crafted: [], plain: ['"web": Callback URLs are not runs of a'] });
  });
});
