/**
 * Presets for pools and app clients, and the functions a form or the CLI needs to use them. Every function
 * returns new objects and never mutates its input.
 */
import type { AppClientSpec } from "../spec/client-schema";
import { type Diagnostic, error, joinPath } from "../spec/diagnostics";
import type { PoolDocument } from "../spec/document-schema";
import type { PoolSpec } from "../spec/pool-schema";
import type { ResourceServerSpec } from "../spec/resource-server-schema";
import { confidentialServerPreset } from "./confidential-server";
import { developmentPreset } from "./development";
import { hardenedProductionPreset } from "./hardened-production";
import { machineToMachinePreset } from "./machine-to-machine";
import { mobilePreset } from "./mobile";
import { spaPreset } from "./spa";
import type { ClientPreset, PoolPreset, Preset, PresetSetting } from "./types";

export * from "./types";

const PRESETS: readonly Preset[] = [
  hardenedProductionPreset,
  developmentPreset,
  spaPreset,
  confidentialServerPreset,
  machineToMachinePreset,
  mobilePreset,
];

/** All presets, pool presets first. Filter by `kind` for one family. */
export function listPresets(kind?: Preset["kind"]): readonly Preset[] {
  return kind === undefined ? PRESETS : PRESETS.filter((p) => p.kind === kind);
}

export function getPreset(name: string): Preset | undefined {
  return PRESETS.find((p) => p.name === name);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Leaf settings of a value tree as dotted paths (arrays are one setting). */
function leaves(value: Record<string, unknown>, prefix = ""): { path: string; value: unknown }[] {
  return Object.entries(value).flatMap(([key, v]) => {
    const path = prefix === "" ? key : `${prefix}.${key}`;
    return isPlainObject(v) ? leaves(v, path) : [{ path, value: v }];
  });
}

/** Every setting of a preset with its value and reason, in the order a form shows them. */
export function presetSettings(preset: Preset): PresetSetting[] {
  const tree: Record<string, unknown> =
    preset.kind === "pool"
      ? { labels: preset.labels, ...preset.values }
      : { ...preset.values, ...(preset.resourceServer ? { resourceServer: preset.resourceServer } : {}) };
  return leaves(tree).map(({ path, value }) => ({
    path,
    value,
    why: preset.rationale[path] ?? "",
    placeholder: preset.placeholders.includes(path),
  }));
}

const clone = <T>(value: T): T => structuredClone(value);

/** A new pool document from a pool preset; without `region` the design takes each target's. */
export function createPoolDocument(preset: PoolPreset, options: { name: string; region?: string }): PoolDocument {
  return {
    apiVersion: "cognito-studio.dev/v1",
    kind: "UserPool",
    metadata: { name: options.name, labels: { ...preset.labels } },
    spec: { ...(options.region ? { region: options.region } : {}), ...clone(preset.values) },
  };
}

/**
 * Applies a pool preset to an existing document: each top-level setting the preset decides replaces the
 * document's (a preset's `passwordPolicy` is complete, so it is not merged field by field), labels are merged,
 * and everything else (region, clients, resource servers, domain, tags, triggers) is kept.
 */
export function applyPoolPreset(doc: PoolDocument, preset: PoolPreset): PoolDocument {
  const next = clone(doc);
  next.metadata.labels = { ...(next.metadata.labels ?? {}), ...preset.labels };
  next.spec = { ...next.spec, ...clone(preset.values) };
  return next;
}

export interface ApplyClientPresetOptions {
  /** Name of the new client; must not be taken in the spec. */
  clientName: string;
  /** Replace the preset's example redirect URLs (not for machine-to-machine). */
  callbackUrls?: string[];
  logoutUrls?: string[];
  /** Replace the example resource server identifier (machine-to-machine only), e.g. https://api.mycompany.com. */
  resourceServerIdentifier?: string;
}

export interface ApplyClientPresetResult {
  /** The new spec; the input spec, unchanged, when there are errors. */
  spec: PoolSpec;
  /** Errors when the preset cannot be applied as asked; path points at the conflicting setting. */
  diagnostics: Diagnostic[];
  /** Index of the new client in `spec.clients` (absent on error). */
  clientIndex?: number;
}

/**
 * Adds a client built from a preset to a pool spec. The client sets every value the preset decides, so
 * `clientDefaults` cannot weaken it. For machine-to-machine the resource server it needs is added, or, when the
 * spec already has one with that identifier, the missing scopes are added to it.
 */
export function applyClientPreset(
  spec: PoolSpec,
  preset: ClientPreset,
  options: ApplyClientPresetOptions,
  basePath = "spec",
): ApplyClientPresetResult {
  const diagnostics: Diagnostic[] = [];
  const clients = spec.clients ?? [];
  const taken = clients.findIndex((c) => c.name === options.clientName);
  if (taken >= 0)
    diagnostics.push(
      error(joinPath(basePath, "clients", taken, "name"), "preset/client-name-taken", `a client named "${options.clientName}" already exists; choose another name`),
    );
  const redirects = preset.values.callbackUrls !== undefined;
  if (!redirects && (options.callbackUrls !== undefined || options.logoutUrls !== undefined))
    diagnostics.push(error(basePath, "preset/option-not-applicable", `the ${preset.name} preset has no redirect URLs; callbackUrls and logoutUrls do not apply`));
  if (!preset.resourceServer && options.resourceServerIdentifier !== undefined)
    diagnostics.push(error(basePath, "preset/option-not-applicable", `the ${preset.name} preset has no resource server; resourceServerIdentifier does not apply`));
  if (diagnostics.length > 0) return { spec, diagnostics };

  const client: AppClientSpec = { name: options.clientName, ...clone(preset.values) };
  if (options.callbackUrls !== undefined) client.callbackUrls = [...options.callbackUrls];
  if (options.logoutUrls !== undefined) client.logoutUrls = [...options.logoutUrls];

  let resourceServers = spec.resourceServers;
  if (preset.resourceServer) {
    const wanted: ResourceServerSpec = { ...clone(preset.resourceServer), identifier: options.resourceServerIdentifier ?? preset.resourceServer.identifier };
    client.allowedOAuthScopes = (wanted.scopes ?? []).map((s) => `${wanted.identifier}/${s.name}`);
    const existing = (spec.resourceServers ?? []).findIndex((r) => r.identifier === wanted.identifier);
    if (existing < 0) resourceServers = [...(spec.resourceServers ?? []), wanted];
    else
      resourceServers = (spec.resourceServers ?? []).map((r, i) => {
        if (i !== existing) return r;
        const have = new Set((r.scopes ?? []).map((s) => s.name));
        return { ...r, scopes: [...(r.scopes ?? []), ...(wanted.scopes ?? []).filter((s) => !have.has(s.name))] };
      });
  }
  const next: PoolSpec = { ...spec, clients: [...clients, client] };
  if (resourceServers !== undefined) next.resourceServers = resourceServers;
  return { spec: next, diagnostics, clientIndex: clients.length };
}

/** Example values used to show a preset as a complete document. */
export const EXAMPLE_REGION = "us-east-1";
export const EXAMPLE_DOMAIN_PREFIX = "example-app-auth";

/**
 * A complete, valid document showing a preset (what `cognito-studio presets show NAME` prints): a pool preset
 * on its own; a client preset as a client of a hardened-production pool with a hosted domain.
 */
export function presetExampleDocument(preset: Preset): PoolDocument {
  if (preset.kind === "pool") return createPoolDocument(preset, { name: `example-${preset.name}`, region: EXAMPLE_REGION });
  const pool = createPoolDocument(hardenedProductionPreset, { name: "example-pool", region: EXAMPLE_REGION });
  pool.spec.domain = { domain: EXAMPLE_DOMAIN_PREFIX };
  const { spec } = applyClientPreset(pool.spec, preset, { clientName: `example-${preset.name}` });
  return { ...pool, spec };
}

/**
 * The reasons to print beside {@link presetExampleDocument}, keyed by document path segments. For a client preset
 * they include the pool's reasons too, since the example document contains both.
 */
export function presetExampleComments(preset: Preset): { path: (string | number)[]; why: string }[] {
  const poolComments = (p: PoolPreset) =>
    presetSettings(p).map((s) => {
      const [head, ...rest] = s.path.split(".");
      return { path: head === "labels" ? ["metadata", "labels", ...rest] : ["spec", head as string, ...rest], why: s.why };
    });
  if (preset.kind === "pool") return poolComments(preset);
  const clientComments = presetSettings(preset).map((s) => {
    const [head, ...rest] = s.path.split(".");
    return {
      path: head === "resourceServer" ? ["spec", "resourceServers", 0, ...rest] : ["spec", "clients", 0, head as string, ...rest],
      why: s.why,
    };
  });
  return [...poolComments(hardenedProductionPreset), ...clientComments];
}
export { IDENTITY_PROVIDER_PRESETS, addIdentityProviderPreset, getIdentityProviderPreset, type IdentityProviderPreset } from "./identity-providers";
