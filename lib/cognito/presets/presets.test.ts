import { describe, expect, it } from "vitest";
import { findPoolFindings } from "../findings";
import { validatePoolDocument } from "../spec/validate";
import type { PoolDocument } from "../spec/document-schema";
import {
  CLIENT_PRESET_NAMES,
  POOL_PRESET_NAMES,
  type ClientPreset,
  type PoolPreset,
  applyClientPreset,
  applyPoolPreset,
  createPoolDocument,
  getPreset,
  listPresets,
  presetExampleComments,
  presetExampleDocument,
  presetSettings,
} from "./index";

const pool = (name: string) => getPreset(name) as PoolPreset;
const client = (name: string) => getPreset(name) as ClientPreset;

function deepFreeze<T>(value: T): T {
  if (typeof value === "object" && value !== null) {
    Object.values(value).forEach(deepFreeze);
    Object.freeze(value);
  }
  return value;
}

describe("preset catalogue", () => {
  it("lists the two pool presets and four client presets by name", () => {
    expect(listPresets().map((p) => p.name)).toEqual([...POOL_PRESET_NAMES, ...CLIENT_PRESET_NAMES]);
    expect(listPresets("pool").map((p) => p.name)).toEqual(["hardened-production", "development"]);
    expect(listPresets("client").map((p) => p.name)).toEqual(["spa", "confidential-server", "machine-to-machine", "mobile"]);
    expect(getPreset("nope")).toBeUndefined();
  });

  it.each(listPresets().map((p) => [p.name, p] as const))("%s gives one reason per setting and no orphan reasons", (_, preset) => {
    const settings = presetSettings(preset);
    const paths = settings.map((s) => s.path);
    expect(settings.filter((s) => s.why.trim() === "").map((s) => s.path)).toEqual([]);
    expect(Object.keys(preset.rationale).filter((k) => !paths.includes(k))).toEqual([]);
    expect(preset.placeholders.filter((p) => !paths.includes(p))).toEqual([]);
    for (const s of settings) {
      // One sentence: ends with a full stop and has no full stop followed by another sentence.
      expect(s.why, s.path).toMatch(/^[A-Z].*\.$/u);
      expect(s.why, s.path).not.toMatch(/\.\s+[A-Z]/u);
    }
  });
});

describe("every preset validates clean and has no findings", () => {
  it.each(listPresets().map((p) => [p.name, p] as const))("example document of %s", (_, preset) => {
    const doc = presetExampleDocument(preset);
    expect(validatePoolDocument(doc).diagnostics).toEqual([]);
    expect(findPoolFindings(doc)).toEqual([]);
  });

  const combos = POOL_PRESET_NAMES.flatMap((p) => CLIENT_PRESET_NAMES.map((c) => [p, c] as const));
  it.each(combos)("client preset on a %s pool: %s", (poolName, clientName) => {
    const doc = createPoolDocument(pool(poolName), { name: "my-pool", region: "eu-west-1" });
    doc.spec.domain = { domain: "my-app" };
    const { spec, diagnostics } = applyClientPreset(doc.spec, client(clientName), { clientName: "app" });
    expect(diagnostics).toEqual([]);
    const next = { ...doc, spec };
    expect(validatePoolDocument(next).diagnostics).toEqual([]);
    expect(findPoolFindings(next)).toEqual([]);
  });

  it("all four client presets side by side in a hardened pool", () => {
    const doc = createPoolDocument(pool("hardened-production"), { name: "my-pool", region: "us-east-1" });
    doc.spec.domain = { domain: "my-app" };
    let spec = doc.spec;
    for (const name of CLIENT_PRESET_NAMES) spec = applyClientPreset(spec, client(name), { clientName: name }).spec;
    expect(spec.clients?.map((c) => c.name)).toEqual([...CLIENT_PRESET_NAMES]);
    expect(validatePoolDocument({ ...doc, spec }).diagnostics).toEqual([]);
    expect(findPoolFindings({ ...doc, spec })).toEqual([]);
  });
});

describe("hardened-production", () => {
  it("has the settings the issue names", () => {
    const v = pool("hardened-production").values;
    expect(v.usernameAttributes).toEqual(["email"]);
    expect(v.mfaConfiguration).toBe("ON");
    expect(v.softwareTokenMfaConfiguration).toEqual({ enabled: true });
    expect(v.deletionProtection).toBe("ACTIVE");
    expect(v.accountRecoverySetting?.recoveryMechanisms).toEqual([{ name: "verified_email", priority: 1 }]);
    expect(v.userPoolAddOns?.advancedSecurityMode).toBe("ENFORCED");
    expect(v.passwordPolicy?.minimumLength).toBeGreaterThanOrEqual(12);
    expect(pool("hardened-production").labels).toEqual({ env: "production" });
  });
});

describe("client presets", () => {
  it("spa and mobile are public code+PKCE clients; server and m2m have secrets", () => {
    expect(client("spa").values).toMatchObject({ generateSecret: false, allowedOAuthFlows: ["code"], explicitAuthFlows: ["ALLOW_USER_SRP_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"] });
    expect(client("mobile").values).toMatchObject({ generateSecret: false, allowedOAuthFlows: ["code"], callbackUrls: ["com.example.app://callback"] });
    expect(client("confidential-server").values).toMatchObject({ generateSecret: true, allowedOAuthFlows: ["code"] });
    expect(client("machine-to-machine").values).toMatchObject({ generateSecret: true, allowedOAuthFlows: ["client_credentials"] });
  });

  it("machine-to-machine's scopes are its resource server's", () => {
    const m2m = client("machine-to-machine");
    const rs = m2m.resourceServer;
    expect(rs?.identifier).toBe("https://api.example.com");
    expect(m2m.values.allowedOAuthScopes).toEqual(rs?.scopes?.map((s) => `${rs.identifier}/${s.name}`));
  });
});

describe("applyClientPreset", () => {
  const base = (): PoolDocument => createPoolDocument(pool("development"), { name: "p", region: "eu-west-1" });

  it("does not mutate its input and appends the client", () => {
    const doc = deepFreeze(base());
    const { spec, clientIndex } = applyClientPreset(doc.spec, client("spa"), { clientName: "web" });
    expect(doc.spec.clients).toBeUndefined();
    expect(clientIndex).toBe(0);
    expect(spec.clients?.[0]?.name).toBe("web");
    expect(spec.clients?.[0]?.callbackUrls).toEqual(["https://app.example.com/callback"]);
  });

  it("uses the caller's redirect URLs", () => {
    const { spec } = applyClientPreset(base().spec, client("spa"), {
      clientName: "web",
      callbackUrls: ["https://shop.test/cb"],
      logoutUrls: ["https://shop.test/"],
    });
    expect(spec.clients?.[0]).toMatchObject({ callbackUrls: ["https://shop.test/cb"], logoutUrls: ["https://shop.test/"] });
  });

  it("refuses a taken client name with an error at that client's name", () => {
    const once = applyClientPreset(base().spec, client("spa"), { clientName: "web" }).spec;
    const twice = applyClientPreset(once, client("mobile"), { clientName: "web" });
    expect(twice.spec).toBe(once);
    expect(twice.diagnostics).toEqual([
      { severity: "error", path: "spec.clients[0].name", code: "preset/client-name-taken", message: 'a client named "web" already exists; choose another name' },
    ]);
  });

  it("refuses redirect URLs for machine-to-machine", () => {
    const r = applyClientPreset(base().spec, client("machine-to-machine"), { clientName: "svc", callbackUrls: ["https://x.test/cb"] });
    expect(r.diagnostics.map((d) => d.code)).toEqual(["preset/option-not-applicable"]);
    expect(r.clientIndex).toBeUndefined();
  });

  it("adds the resource server with the caller's identifier and scopes to match", () => {
    const { spec } = applyClientPreset(base().spec, client("machine-to-machine"), { clientName: "svc", resourceServerIdentifier: "orders" });
    expect(spec.resourceServers?.map((r) => r.identifier)).toEqual(["orders"]);
    expect(spec.clients?.[0]?.allowedOAuthScopes).toEqual(["orders/read", "orders/write"]);
  });

  it("adds only missing scopes to an existing resource server", () => {
    const doc = base();
    doc.spec.resourceServers = [{ identifier: "https://api.example.com", name: "Mine", scopes: [{ name: "read", description: "mine" }] }];
    const { spec } = applyClientPreset(deepFreeze(doc).spec, client("machine-to-machine"), { clientName: "svc" });
    expect(spec.resourceServers).toEqual([
      {
        identifier: "https://api.example.com",
        name: "Mine",
        scopes: [
          { name: "read", description: "mine" },
          { name: "write", description: "Write access to the API" },
        ],
      },
    ]);
  });
});

describe("applyPoolPreset", () => {
  it("replaces the settings the preset decides, merges labels and keeps the rest", () => {
    const dev = createPoolDocument(pool("development"), { name: "p", region: "eu-west-1" });
    dev.metadata.labels = { team: "auth", env: "development" };
    dev.spec.userPoolTags = { cost: "42" };
    dev.spec.domain = { domain: "p-auth" };
    const hardened = applyPoolPreset(deepFreeze(dev), pool("hardened-production"));
    expect(hardened.metadata).toEqual({ name: "p", labels: { team: "auth", env: "production" } });
    expect(hardened.spec.region).toBe("eu-west-1");
    expect(hardened.spec.domain).toEqual({ domain: "p-auth" });
    expect(hardened.spec.userPoolTags).toEqual({ cost: "42" });
    expect(hardened.spec.mfaConfiguration).toBe("ON");
    expect(dev.spec.mfaConfiguration).toBe("OFF");
    // The development preset sets adminCreateUserConfig, which the hardened one leaves alone.
    expect(hardened.spec.adminCreateUserConfig).toEqual({ allowAdminCreateUserOnly: false });
  });
});

describe("presetExampleComments", () => {
  it("points every reason at a path that exists in the example document", () => {
    for (const preset of listPresets()) {
      const doc = presetExampleDocument(preset) as unknown as Record<string, unknown>;
      for (const { path } of presetExampleComments(preset)) {
        let node: unknown = doc;
        for (const seg of path) node = (node as Record<string | number, unknown>)[seg];
        expect(node, `${preset.name}: ${path.join(".")}`).not.toBeUndefined();
      }
    }
  });
});
