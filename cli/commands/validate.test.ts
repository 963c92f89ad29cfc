import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { getPreset, presetExampleDocument, type Preset } from "../../lib/cognito/presets";
import type { PoolDocument } from "../../lib/cognito/spec/document-schema";
import { serialisePoolDocument } from "../../lib/cognito/spec/document";
import { runCli } from "../main";
import { memoryIo } from "@/test/support/cli-io";

const clean = (): PoolDocument => presetExampleDocument(getPreset("spa") as Preset);
const yamlOf = (doc: PoolDocument) => serialisePoolDocument(doc, "yaml");

/** Clean, except for one error: an http callback URL that is not loopback. */
function withError(): PoolDocument {
  const doc = clean();
  doc.spec.clients?.[0]?.callbackUrls?.push("http://app.example.com/callback");
  return doc;
}
/** Valid, with one finding: deletion protection off. */
function withWarning(): PoolDocument {
  const doc = clean();
  doc.spec.deletionProtection = "INACTIVE";
  return doc;
}

const files = {
  "ok.yaml": yamlOf(clean()),
  "warn.yaml": yamlOf(withWarning()),
  "bad.yaml": yamlOf(withError()),
  "bad.json": serialisePoolDocument(withError(), "json"),
  "broken.yaml": "apiVersion: cognito-studio.dev/v1\nkind: UserPool\nmetadata: [unclosed\n",
};

async function run(args: string[], stdin?: string) {
  const io = memoryIo({ files, stdin });
  const code = await runCli(["validate", ...args], io);
  return { code, out: io.out(), err: io.err() };
}

describe("cognito-studio validate", () => {
  it("exits 0 and says valid for a clean file", async () => {
    const r = await run(["ok.yaml"]);
    expect(r).toEqual({ code: 0, out: "valid: ok.yaml, 0 errors, 0 warnings\n", err: "" });
  });

  it("exits 0 with warnings printed", async () => {
    const r = await run(["warn.yaml"]);
    expect(r.code).toBe(0);
    expect(r.out).toBe(
      "warn.yaml: warning spec.deletionProtection (finding/deletion-protection-off): deletionProtection is INACTIVE: a single DeleteUserPool call would delete every user; set it to ACTIVE (AWS Config rule cognito-user-pool-deletion-protection-enabled, Security Hub Cognito.6)\n" +
        "valid: warn.yaml, 0 errors, 1 warning\n",
    );
  });

  it("exits 1 and prints the error at its path", async () => {
    const r = await run(["bad.yaml"]);
    expect(r.code).toBe(1);
    expect(r.out).toContain('bad.yaml: error spec.clients[0].callbackUrls[1] (redirect-uri-invalid): "http://app.example.com/callback" must use https');
    expect(r.out.trimEnd().split("\n").at(-1)).toBe("invalid: bad.yaml, 1 error, 0 warnings");
  });

  it("reports unparsable YAML as an error with line and column (exit 1, not a crash)", async () => {
    const r = await run(["broken.yaml"]);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/^broken\.yaml: error \(syntax-error\): .*line \d+, column \d+/mu);
    expect(r.err).toBe("");
  });

  it("exits 2 for an unreadable file, naming it on stderr", async () => {
    const r = await run(["missing.yaml"]);
    expect(r.code).toBe(2);
    expect(r.err).toBe("cognito-studio validate: cannot read missing.yaml: ENOENT: no such file or directory, open 'missing.yaml'\n");
    expect(r.out).toBe("");
  });

  it("exits 2 when one of several files is unreadable, and still reports the others", async () => {
    const r = await run(["bad.yaml", "missing.yaml"]);
    expect(r.code).toBe(2);
    expect(r.out).toContain("bad.yaml: error spec.clients[0].callbackUrls[1]");
    expect(r.out.trimEnd().split("\n").at(-1)).toBe("invalid: 1 file, 1 error, 0 warnings; 1 file unreadable");
  });

  it.each([
    [[], /give at least one file/u],
    [["--format", "xml", "ok.yaml"], /--format must be one of text, json; got "xml"/u],
    [["--bogus", "ok.yaml"], /Unknown option '--bogus'/u],
    [["-", "-"], /standard input \(-\) can be read only once/u],
  ])("exits 2 on a usage error: %j", async (args, message) => {
    const r = await run(args);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
    expect(r.err).toContain("Usage: cognito-studio validate");
  });

  it("reads standard input for -", async () => {
    const r = await run(["-"], yamlOf(withWarning()));
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^<stdin>: warning spec\.deletionProtection \(finding\/deletion-protection-off\)/u);
    expect(r.out).toContain("valid: <stdin>, 0 errors, 1 warning\n");
  });

  it("accepts options after the files; json for one file is one object", async () => {
    const r = await run(["bad.json", "--format", "json"]);
    expect(r.code).toBe(1);
    const parsed = JSON.parse(r.out) as unknown;
    expect(parsed).toEqual({
      valid: false,
      diagnostics: [
        {
          severity: "error",
          path: "spec.clients[0].callbackUrls[1]",
          code: "redirect-uri-invalid",
          message: '"http://app.example.com/callback" must use https; plain http is allowed only for http://localhost, http://127.0.0.1 and http://[::1]',
        },
      ],
    });
  });

  it("json for several files is a list with a file key each, findings carrying their compliance rule", async () => {
    const r = await run(["--format=json", "ok.yaml", "warn.yaml", "-"], yamlOf(withError()));
    expect(r.code).toBe(1);
    const parsed = JSON.parse(r.out) as { file: string; valid: boolean; diagnostics: { code: string; complianceRule?: string; securityHubControl?: string }[] }[];
    expect(parsed.map((p) => [p.file, p.valid, p.diagnostics.map((d) => d.code)])).toEqual([
      ["ok.yaml", true, []],
      ["warn.yaml", true, ["finding/deletion-protection-off"]],
      ["-", false, ["redirect-uri-invalid"]],
    ]);
    expect(parsed[1]?.diagnostics[0]).toMatchObject({ complianceRule: "cognito-user-pool-deletion-protection-enabled", securityHubControl: "Cognito.6" });
  });

  it("json still prints valid JSON for an unreadable file, with exit 2", async () => {
    const r = await run(["missing.yaml", "--format", "json"]);
    expect(r.code).toBe(2);
    expect(JSON.parse(r.out)).toEqual({
      valid: false,
      diagnostics: [{ severity: "error", path: "", code: "unreadable-file", message: "cannot read missing.yaml: ENOENT: no such file or directory, open 'missing.yaml'" }],
    });
  });
});

describe("cognito-studio validate on OpenMCF's AwsCognitoUserPool documentation examples", () => {
  const dir = "test/fixtures/openmcf-seed-001";
  const names = ["quick-start.yaml", "hosted-ui.yaml", "production.yaml"];
  const real = Object.fromEntries(names.map((n) => [`${dir}/${n}`, readFileSync(`${dir}/${n}`, "utf8")]));

  it("all three validate with no errors; the production one warns about api/* scopes without a resource server", async () => {
    const io = memoryIo({ files: real });
    const code = await runCli(["validate", "--format", "json", ...Object.keys(real)], io);
    expect(code).toBe(0);
    const parsed = JSON.parse(io.out()) as { file: string; valid: boolean; diagnostics: { severity: string; path: string; code: string }[] }[];
    expect(parsed.map((p) => p.valid)).toEqual([true, true, true]);
    expect(parsed.flatMap((p) => p.diagnostics).filter((d) => d.severity === "error")).toEqual([]);
    const production = parsed[2]?.diagnostics ?? [];
    expect(production.filter((d) => d.code === "scope-not-defined").map((d) => d.path)).toEqual([
      "spec.clients[1].allowedOauthScopes[0]",
      "spec.clients[1].allowedOauthScopes[1]",
    ]);
    // The stack-name label says prod: threat protection (Cognito.1) is the production finding OpenMCF cannot express.
    expect(production.map((d) => d.code)).toContain("finding/threat-protection-off");
    // The dev and staging stacks are non-production: MFA and deletion protection are not asked of them.
    expect(parsed[0]?.diagnostics.map((d) => d.code)).toEqual(["finding/user-existence-errors"]);
    expect(parsed[0]?.diagnostics[0]?.path).toBe("spec.clients[0].preventUserExistenceErrors");
    expect(parsed[1]?.diagnostics).toEqual([]);
  });
});

describe("cognito-studio validate on the broken variants in test/fixtures/broken", () => {
  const dir = "test/fixtures/broken";
  const expected: [file: string, exit: number, codes: string[]][] = [
    ["00-base-valid.yaml", 0, []],
    ["01-http-callback.yaml", 1, ["redirect-uri-invalid", "redirect-uri-invalid"]],
    ["02-default-redirect.yaml", 1, ["default-redirect-not-callback"]],
    ["03-mfa-without-factor.yaml", 1, ["mfa-needs-factor"]],
    ["04-client-credentials-mix.yaml", 1, ["client-credentials-exclusive", "client-credentials-secret", "client-credentials-custom-scopes", "client-credentials-custom-scopes"]],
    ["05-domain-prefix.yaml", 1, ["domain-reserved-word"]],
    ["06-username-and-alias.yaml", 1, ["username-alias-exclusive", "auth-flows-mixed", "finding/plaintext-password-auth"]],
    ["07-token-validity.yaml", 1, ["token-validity-range", "token-validity-range", "finding/long-refresh-token"]],
    ["08-yaml-syntax.yaml", 1, ["syntax-error"]],
    ["09-typos-and-ranges.yaml", 1, ["too-small", "invalid-value", "unknown-field"]],
    [
      "10-production-findings.yaml",
      0,
      [
        "finding/deletion-protection-off",
        "finding/implicit-flow",
        "finding/secret-on-public-client",
        "finding/localhost-callback-in-production",
        "finding/wildcard-callback-host",
        "finding/user-existence-errors",
        "finding/long-refresh-token",
      ],
    ],
  ];
  it.each(expected)("%s exits %i with %j", async (file, exit, codes) => {
    const path = `${dir}/${file}`;
    const io = memoryIo({ files: { [path]: readFileSync(path, "utf8") } });
    expect(await runCli(["validate", "--format", "json", path], io)).toBe(exit);
    expect((JSON.parse(io.out()) as { diagnostics: { code: string }[] }).diagnostics.map((d) => d.code)).toEqual(codes);
  });
});

describe("findings in an OpenMCF file point at the manifest's field names", () => {
  it("refreshTokenValidityDays, not refreshTokenValidity", async () => {
    const path = "test/fixtures/openmcf-seed-001/hosted-ui.yaml";
    const text = readFileSync(path, "utf8").replace("      enableTokenRevocation: true\n", "      enableTokenRevocation: true\n      refreshTokenValidityDays: 365\n");
    const io = memoryIo({ files: { [path]: text } });
    expect(await runCli(["validate", path], io)).toBe(0);
    expect(io.out()).toContain(`${path}: warning spec.clients[0].refreshTokenValidityDays (finding/long-refresh-token): client "web-app" issues refresh tokens valid for 365 days;`);
  });
});
