import { formatPath } from "../spec/paths";
import type { PoolDocument } from "../spec/document-schema";
import type { EnvironmentValues } from "./environment-values";

export interface EnvironmentResult {
  /** The design as this target gets it. */
  document: PoolDocument;
  /** What was replaced, as spec paths, e.g. `spec.clients[web].callbackUrls`, `spec.domain.domain`. */
  replaced: string[];
  /** Client names the values mention but the design does not have: nothing is applied for them. */
  unknownClients: string[];
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
  return { document: { ...document, metadata: structuredClone(document.metadata), spec }, replaced, unknownClients };
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
  return { ...live, metadata: structuredClone(live.metadata), spec };
}
