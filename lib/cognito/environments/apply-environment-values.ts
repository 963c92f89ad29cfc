import { formatPath } from "../spec/paths";
import type { PoolDocument } from "../spec/document-schema";
import type { EnvironmentValues } from "./environment-values";
import { describeSetting, listSettingEntries, readSetting, renameResourceServers, settingSpecPath, writeSetting } from "./settings";

export interface EnvironmentResult {
  /** The design as this target gets it. */
  document: PoolDocument;
  /** What was replaced, as spec paths, e.g. `spec.clients[web].callbackUrls`, `spec.domain.domain`. */
  replaced: string[];
  /** Client names the values mention but the design does not have: nothing is applied for them. */
  unknownClients: string[];
  /**
   * Settings the values hold that the design does not have (a trigger it has no function for, a group or
   * provider it lacks), in the words of the page: nothing is applied for them.
   */
  unusedSettings: string[];
}

/**
 * The design's document as one target gets it: the target's per-environment values replace the design's
 * (lists are replaced, not merged: a prod client must not keep dev's callback URLs). A domain value sets
 * `spec.domain.domain`, keeping the design's certificate and managed-login settings (or adds a domain
 * when the design has none). Values for clients the design lacks are reported, not invented.
 * Pure: never mutates `document`.
 */
export function applyEnvironmentValues(document: PoolDocument, values: EnvironmentValues): EnvironmentResult {
  const spec = structuredClone(document.spec);
  const replaced: string[] = [];
  const unknownClients: string[] = [];
  for (const [name, clientValues] of Object.entries(values.clients ?? {})) {
    const client = spec.clients?.find((c) => c.name === name);
    if (!client) {
      unknownClients.push(name);
      continue;
    }
    if (clientValues.callbackUrls !== undefined) {
      client.callbackUrls = [...clientValues.callbackUrls];
      replaced.push(formatPath(["spec", "clients", { key: name }, "callbackUrls"]));
    }
    if (clientValues.logoutUrls !== undefined) {
      client.logoutUrls = [...clientValues.logoutUrls];
      replaced.push(formatPath(["spec", "clients", { key: name }, "logoutUrls"]));
    }
  }
  if (values.domain !== undefined) {
    spec.domain = { ...(spec.domain ?? {}), domain: values.domain };
    replaced.push("spec.domain.domain");
  }
  if (values.certificateArn !== undefined && spec.domain) {
    spec.domain = { ...spec.domain, certificateArn: values.certificateArn };
    replaced.push("spec.domain.certificateArn");
  }
  // A value replaces a setting the design has; it does not invent one (a trigger needs the design to have
  // the trigger). Tags are the exception: a target may add a key. Every value is read against the design
  // as it was, so two resource servers may swap identifiers.
  const unusedSettings: string[] = [];
  const renames = new Map<string, string>();
  for (const { kind, name, value } of listSettingEntries(values)) {
    if (kind !== "tag" && readSetting(document.spec, kind, name) === undefined) {
      unusedSettings.push(describeSetting(kind, name));
      continue;
    }
    if (kind === "resourceServerIdentifier") renames.set(name, value);
    else writeSetting(spec, kind, name, value);
    replaced.push(settingSpecPath(kind, name));
  }
  renameResourceServers(spec, renames);
  return { document: { ...document, metadata: structuredClone(document.metadata), spec }, replaced, unknownClients, unusedSettings };
}

/**
 * The inverse, for pulling a target's live pool into the design: where the target's values replace the
 * design's, the design's own values are kept, so a target's callback URLs or domain never leak into
 * the design (and from there into other environments). Everything else comes from `live`.
 * Pure: never mutates its inputs.
 */
export function keepDesignValues(live: PoolDocument, design: PoolDocument, values: EnvironmentValues): PoolDocument {
  const spec = structuredClone(live.spec);
  for (const [name, clientValues] of Object.entries(values.clients ?? {})) {
    const pulled = spec.clients?.find((c) => c.name === name);
    const designed = design.spec.clients?.find((c) => c.name === name);
    if (!pulled || !designed) continue;
    for (const field of ["callbackUrls", "logoutUrls"] as const) {
      if (clientValues[field] === undefined) continue;
      const kept = designed[field];
      if (kept === undefined) delete pulled[field];
      else pulled[field] = [...kept];
    }
  }
  if (values.domain !== undefined) {
    if (design.spec.domain) spec.domain = { ...(spec.domain ?? {}), domain: design.spec.domain.domain };
    else delete spec.domain;
  }
  if (values.certificateArn !== undefined && spec.domain) {
    const kept = design.spec.domain?.certificateArn;
    if (kept === undefined) delete spec.domain.certificateArn;
    else spec.domain.certificateArn = kept;
  }
  // Where the overlay wrote the target's value, the design's goes back. A resource server comes back under
  // the design's identifier (its scopes in the clients too), so the pulled design still pairs with every
  // target by its own identifier.
  const renames = new Map<string, string>();
  for (const { kind, name, value } of listSettingEntries(values)) {
    const designed = readSetting(design.spec, kind, name);
    if (kind === "resourceServerIdentifier") {
      if (designed !== undefined && spec.resourceServers?.some((s) => s.identifier === value)) renames.set(value, name);
      continue;
    }
    if ((kind !== "tag" && designed === undefined) || readSetting(spec, kind, name) === undefined) continue;
    writeSetting(spec, kind, name, designed);
  }
  renameResourceServers(spec, renames);
  return { ...live, metadata: structuredClone(live.metadata), spec };
}
