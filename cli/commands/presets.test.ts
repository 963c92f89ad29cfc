import { describe, expect, it } from "vitest";
import YAML from "yaml";
import { listPresets } from "../../lib/cognito/presets";
import { hasPyYaml, loadWithPyYaml } from "@/test/support/pyyaml";
import { runCli } from "../main";
import { memoryIo } from "@/test/support/cli-io";

async function run(args: string[], stdin?: string) {
  const io = memoryIo({ stdin });
  const code = await runCli(args, io);
  return { code, out: io.out(), err: io.err() };
}

describe("cognito-studio presets", () => {
  it("lists pool and client presets", async () => {
    const r = await run(["presets"]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^Pool presets:\n {2}hardened-production {2}Email sign-in/u);
    expect(r.out).toMatch(/\nClient presets:\n {2}spa {18}A public client/u);
    for (const p of listPresets()) expect(r.out).toContain(`  ${p.name} `);
  });

  it("lists as JSON", async () => {
    const r = await run(["presets", "list", "--format", "json"]);
    expect((JSON.parse(r.out) as { name: string; kind: string }[]).map((p) => `${p.kind}:${p.name}`)).toEqual([
      "pool:hardened-production",
      "pool:development",
      "client:spa",
      "client:confidential-server",
      "client:machine-to-machine",
      "client:mobile",
    ]);
  });

  it.skipIf(!hasPyYaml).each(listPresets().map((p) => p.name))("show %s reads the same in PyYAML (YAML 1.1) as in the YAML 1.2 parser", async (name) => {
    const shown = await run(["presets", "show", name]);
    expect(shown.code).toBe(0);
    expect(loadWithPyYaml(shown.out)).toEqual(YAML.parse(shown.out));
  });

  it("show quotes mfaConfiguration ON, which YAML 1.1 readers would take as a boolean", async () => {
    const shown = await run(["presets", "show", "hardened-production"]);
    expect(shown.out).toMatch(/\n {2}mfaConfiguration: "ON"\n/u);
  });

  it.each(listPresets().map((p) => p.name))("show %s prints a document that validate accepts with no diagnostics", async (name) => {
    const shown = await run(["presets", "show", name]);
    expect(shown.code).toBe(0);
    expect(shown.out).toMatch(new RegExp(`^# Preset ${name}: `, "u"));
    const checked = await run(["validate", "-"], shown.out);
    expect(checked).toEqual({ code: 0, out: "valid: <stdin>, 0 errors, 0 warnings\n", err: "" });
  });

  it("show puts each reason above its setting and quotes ON/OFF for YAML 1.1 readers", async () => {
    const r = await run(["presets", "show", "hardened-production"]);
    expect(r.out).toContain("  # Deleting the pool, and with it every user, first needs a deliberate change of this setting (Security Hub Cognito.6).\n  deletionProtection: ACTIVE\n");
    expect(r.out).toContain('  mfaConfiguration: "ON"\n');
    expect((YAML.parse(r.out) as { spec: { mfaConfiguration: string } }).spec.mfaConfiguration).toBe("ON");
  });

  it("show machine-to-machine includes the resource server its scopes need", async () => {
    const r = await run(["presets", "show", "machine-to-machine", "--format", "json"]);
    const doc = JSON.parse(r.out) as { spec: { resourceServers: { identifier: string }[]; clients: { allowedOAuthScopes: string[] }[] } };
    expect(doc.spec.resourceServers.map((s) => s.identifier)).toEqual(["https://api.example.com"]);
    expect(doc.spec.clients[0]?.allowedOAuthScopes).toEqual(["https://api.example.com/read", "https://api.example.com/write"]);
  });

  it.each([
    [["presets", "show"], /needs a preset name/u],
    [["presets", "show", "nope"], /unknown preset "nope"/u],
    [["presets", "frobnicate"], /unknown subcommand "frobnicate"/u],
    [["presets", "show", "spa", "--format", "toml"], /--format must be one of yaml, json/u],
  ])("exits 2 on %j", async (args, message) => {
    const r = await run(args);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
  });
});

describe("cognito-studio schema", () => {
  it("prints the JSON Schema of the document format", async () => {
    const r = await run(["schema"]);
    expect(r.code).toBe(0);
    const schema = JSON.parse(r.out) as { $id: string; properties: Record<string, unknown>; required: string[] };
    expect(schema.$id).toBe("https://cognito-studio.dev/schemas/user-pool-v1.json");
    expect(Object.keys(schema.properties)).toEqual(["apiVersion", "kind", "metadata", "spec"]);
    expect(schema.required).toEqual(expect.arrayContaining(["apiVersion", "kind", "metadata", "spec"]));
  });

  it("takes no arguments", async () => {
    const r = await run(["schema", "extra"]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/schema takes no arguments/u);
  });
});
