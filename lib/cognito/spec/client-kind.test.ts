import { describe, expect, it } from "vitest";
import { createPoolDocument, listPresets, type ClientPreset, type PoolPreset, applyClientPreset } from "../presets";
import { inferClientKind } from "./client-kind";

describe("inferClientKind", () => {
  it.each([
    [{ allowedOAuthFlows: ["client_credentials"], generateSecret: true }, "m2m"],
    [{ allowedOAuthFlows: ["code"], generateSecret: true, callbackUrls: ["https://app.example.com/cb"] }, "server"],
    [{ allowedOAuthFlows: ["code"], callbackUrls: ["myapp://callback"] }, "mobile"],
    [{ allowedOAuthFlows: ["code"], callbackUrls: ["https://app.example.com/cb", "http://localhost:3000/cb"] }, "spa"],
    [{}, "other"],
  ] as const)("%j is %s", (client, kind) => {
    expect(inferClientKind(client)).toBe(kind);
  });

  // Each client preset is recognised as the kind it is named for.
  it.each([
    ["spa", "spa"],
    ["confidential-server", "server"],
    ["machine-to-machine", "m2m"],
    ["mobile", "mobile"],
  ])("the %s preset's client is %s", (presetName, kind) => {
    const pool = createPoolDocument(listPresets("pool")[0] as PoolPreset, { name: "kinds", region: "eu-west-1" });
    const preset = listPresets("client").find((p) => p.name === presetName) as ClientPreset;
    const result = applyClientPreset(pool.spec, preset, { clientName: "c" });
    expect(inferClientKind(result.spec.clients?.[result.clientIndex ?? 0] ?? {})).toBe(kind);
  });
});
