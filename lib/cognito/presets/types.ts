/**
 * Presets: named starting points for a pool or an app client. Each preset carries its values and, next to them,
 * one sentence per setting saying why it is chosen (`rationale`, keyed by the setting's path inside `values`, e.g.
 * `passwordPolicy.minimumLength`; arrays are one setting). A test checks every value has a reason and every reason
 * a value, so the two cannot drift apart.
 */
import type { AppClientSettings } from "../spec/client-schema";
import type { PoolSpec } from "../spec/pool-schema";
import type { ResourceServerSpec } from "../spec/resource-server-schema";

export const POOL_PRESET_NAMES = ["hardened-production", "development"] as const;
export const CLIENT_PRESET_NAMES = ["spa", "confidential-server", "machine-to-machine", "mobile"] as const;
export type PoolPresetName = (typeof POOL_PRESET_NAMES)[number];
export type ClientPresetName = (typeof CLIENT_PRESET_NAMES)[number];

/** One sentence per setting, keyed by the setting's dotted path inside the preset (`passwordPolicy.minimumLength`). */
export type Rationale = Readonly<Record<string, string>>;

/** The pool settings a pool preset may set: everything except the pool's identity and its children. */
export type PoolPresetValues = Omit<PoolSpec, "region" | "clients" | "resourceServers" | "domain" | "clientDefaults">;

interface PresetBase {
  title: string;
  /** One or two sentences for lists. */
  summary: string;
  rationale: Rationale;
  /** Paths (same keys as `rationale`) whose values are examples the user must replace, e.g. an SES identity ARN. */
  placeholders: readonly string[];
}

export interface PoolPreset extends PresetBase {
  kind: "pool";
  name: PoolPresetName;
  /** Labels set on `metadata.labels` (rationale keys `labels.<key>`); they tell findings which environment this is. */
  labels: Readonly<Record<string, string>>;
  values: PoolPresetValues;
}

export interface ClientPreset extends PresetBase {
  kind: "client";
  name: ClientPresetName;
  /** Every client setting the preset decides; the client name comes from the caller. */
  values: AppClientSettings;
  /**
   * A resource server the client needs (machine-to-machine); rationale keys `resourceServer.<field>`.
   * The client's `allowedOAuthScopes` are `<identifier>/<scope name>` of these scopes.
   */
  resourceServer?: ResourceServerSpec;
}

export type Preset = PoolPreset | ClientPreset;

/** One setting of a preset with its reason, for lists in the UI and the CLI. */
export interface PresetSetting {
  path: string;
  value: unknown;
  why: string;
  placeholder: boolean;
}
