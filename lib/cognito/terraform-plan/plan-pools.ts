/**
 * Groups a plan's Cognito resource changes by the user pool they belong to, and reads each side (before,
 * after) of each pool into a pool document with the studio's Terraform importer: the side's arguments are
 * written as a Terraform configuration (one resource per instance, tied by `user_pool_id` references) and
 * imported like any other, so a plan and a `.tf` file map to the model through the same code.
 */
import { type Diagnostic, warning } from "../spec/diagnostics";
import type { PoolDocument } from "../spec/document-schema";
import { SECRET_DETAIL_KEYS, envSecretName } from "../spec/identity-provider-schema";
import { parsePath } from "../spec/paths";
import { validatePoolDocument } from "../spec/validate";
import { importTerraformFiles } from "../formats/terraform/import-terraform";
import { secretVariableDescription } from "../formats/terraform/groups-idps";
import { type HclNode, type HclValue, attr, blank, block, expr, renderHcl } from "../formats/terraform/hcl";
import { TF_TYPES } from "../formats/terraform/naming";
import type { IdentityProviderSpec } from "../spec/identity-provider-schema";
import type { CognitoResourceChange } from "./read-plan-json";
import { type SideNotes, argumentsOf, keepClearedLists, sensitiveChanged } from "./plan-values";

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => v !== null && typeof v === "object" && !Array.isArray(v);

const MODEL_TYPES = new Set<string>(Object.values(TF_TYPES));

/** One resource of a pool group with its cleaned sides. */
export interface PlanResource {
  change: CognitoResourceChange;
  before?: Json;
  after?: Json;
  /** Arguments unknown until apply (after side), as Terraform names them. */
  unknown: string[];
  /** Sensitive arguments whose value changes (never shown). */
  sensitiveChanges: string[];
}

/** The resources of one pool in a plan. `pool` is absent when the pool is not managed by this configuration. */
export interface PlanPoolGroup {
  /** The pool's address, or `user_pool_id = "…"` for children of a pool this plan does not manage. */
  address: string;
  pool?: PlanResource;
  children: PlanResource[];
  /** The pool id before the change (from the prior state). */
  userPoolId?: string;
}

export interface PoolSides {
  before: PoolDocument | null;
  after: PoolDocument | null;
  /** What the importer said, and what could not be compared (a value the model refuses). */
  diagnostics: Diagnostic[];
}

/** Copies the value at `a.b[0].c` from one side to the other, creating the objects and list items on the way. */
function copyAt(from: Json, to: Json, path: string): void {
  const keys = path.split(/\.|\[(\d+)\]/u).filter((k) => k !== undefined && k !== "").map((k) => (/^\d+$/u.test(k) ? Number(k) : k));
  let source: unknown = from;
  for (const k of keys) source = Array.isArray(source) && typeof k === "number" ? source[k] : isObject(source) && typeof k === "string" ? source[k] : undefined;
  if (source === undefined) return;
  let node: unknown = to;
  for (const [i, k] of keys.entries()) {
    const last = i === keys.length - 1;
    const container = node as Record<string | number, unknown>;
    if (last) {
      if (container[k] === undefined) container[k] = structuredClone(source);
      return;
    }
    if (container[k] === undefined || container[k] === null) container[k] = typeof keys[i + 1] === "number" ? [] : {};
    node = container[k];
    if (node === null || typeof node !== "object") return;
  }
}

function cleaned(change: CognitoResourceChange): PlanResource {
  const beforeNotes: SideNotes = { unknown: [], sensitive: [] };
  const afterNotes: SideNotes = { unknown: [], sensitive: [] };
  const before = argumentsOf(change.type, change.before, undefined, change.beforeSensitive, beforeNotes);
  const after = argumentsOf(change.type, change.after, change.afterUnknown, change.afterSensitive, afterNotes);
  keepClearedLists(before, after, change.afterUnknown);
  // A configured argument, or a block holding one, or an element of a configured list (`logout_urls[0]`).
  const configured = (p: string) => change.configured.some((c) => p === c || c.startsWith(`${p}.`) || c.startsWith(`${p}[`) || p.startsWith(`${c}[`));
  // What the configuration leaves to the provider is unknown on a replacement: the new resource gets AWS's
  // default, which the current value is the best estimate of (else every default would read as a reset).
  if (before && after) for (const path of afterNotes.unknown.filter((p) => !configured(p))) copyAt(before, after, path);
  const sensitive = [...new Set([...beforeNotes.sensitive, ...afterNotes.sensitive])];
  return {
    change,
    ...(before ? { before } : {}),
    ...(after ? { after } : {}),
    // Optional arguments the configuration leaves to the provider are unknown on every create; only the ones it sets say something.
    unknown: afterNotes.unknown.filter((p) => change.action !== "delete" && configured(p)),
    // A created or destroyed resource's secret is no change to review.
    sensitiveChanges: change.before && change.after ? sensitiveChanged(change.before, change.after, sensitive) : [],
  };
}

/** `module.a.aws_cognito_user_pool.x[0].id` → the resource part, without the attribute. */
function referencedResource(reference: string): string | undefined {
  return /^((?:module\.[^.]+\.)*aws_cognito_user_pool\.[\w-]+(?:\[[^\]]*\])?)/u.exec(reference)?.[1];
}

const withoutKeys = (address: string) => address.replace(/\[[^\]]*\]/gu, "");

function poolOf(child: CognitoResourceChange, pools: CognitoResourceChange[]): CognitoResourceChange | undefined {
  const ids = [child.before?.user_pool_id, child.after?.user_pool_id].filter((v): v is string => typeof v === "string");
  const byId = pools.find((p) => typeof p.before?.id === "string" && ids.includes(p.before.id));
  if (byId) return byId;
  for (const reference of child.references.userPoolId) {
    const target = referencedResource(reference);
    if (!target) continue;
    const exact = pools.find((p) => p.address === target);
    if (exact) return exact;
    const candidates = pools.filter((p) => withoutKeys(p.address) === withoutKeys(target));
    if (candidates.length === 1) return candidates[0];
    const sameKey = candidates.find((p) => p.index !== undefined && p.index === child.index);
    if (sameKey) return sameKey;
  }
  return pools.length === 1 && ids.length === 0 ? pools[0] : undefined;
}

/** Groups the changes by pool; resource types the model does not hold are returned apart. */
export function groupByPool(changes: readonly CognitoResourceChange[]): { groups: PlanPoolGroup[]; outside: CognitoResourceChange[]; diagnostics: Diagnostic[] } {
  const pools = changes.filter((c) => c.type === TF_TYPES.pool);
  const groups = new Map<string, PlanPoolGroup>();
  for (const p of pools) {
    const id = typeof p.before?.id === "string" ? p.before.id : undefined;
    groups.set(p.address, { address: p.address, pool: cleaned(p), children: [], ...(id ? { userPoolId: id } : {}) });
  }
  const outside: CognitoResourceChange[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const change of changes) {
    if (change.type === TF_TYPES.pool) continue;
    if (!MODEL_TYPES.has(change.type)) {
      outside.push(change);
      continue;
    }
    const pool = poolOf(change, pools);
    if (pool) {
      groups.get(pool.address)?.children.push(cleaned(change));
      continue;
    }
    const id = [change.before?.user_pool_id, change.after?.user_pool_id].find((v): v is string => typeof v === "string");
    const key = id ? `user_pool_id = "${id}"` : "user_pool_id (known after apply)";
    if (!groups.has(key)) groups.set(key, { address: key, children: [], ...(id ? { userPoolId: id } : {}) });
    groups.get(key)?.children.push(cleaned(change));
    diagnostics.push(warning("", "pool-not-in-plan", `${change.address}: its user pool is not managed by this configuration (${key}); it is reviewed without the pool's own settings`));
  }
  return { groups: [...groups.values()], outside, diagnostics };
}

// ---- writing a side as Terraform and importing it ----

function argumentNodes(args: Json): HclNode[] {
  const nodes: HclNode[] = [];
  for (const [key, value] of Object.entries(args)) {
    if (Array.isArray(value) && value.length > 0 && value.every(isObject)) for (const item of value) nodes.push(block(key, [], argumentNodes(item)));
    else nodes.push(attr(key, value as HclValue));
  }
  return nodes;
}

function label(i: number): string {
  return `r${i}`;
}

type Side = "before" | "after";

/** The id a resource had before (for `client_id` references of risk configurations). */
const idOf = (r: PlanResource) => (typeof r.change.before?.id === "string" ? r.change.before.id : undefined);

/** The name a pool or client keeps when its own is unknown until apply: the other side's, else the address. */
function nameFor(resource: PlanResource, args: Json): void {
  if (args.name !== undefined) return;
  if (resource.change.type !== TF_TYPES.pool && resource.change.type !== TF_TYPES.client) return;
  args.name = resource.before?.name ?? (resource.change.index !== undefined ? String(resource.change.index) : resource.change.name);
}

/**
 * The secret references a plan's sides carry: a Terraform plan holds the secret itself (sensitive), never where
 * it comes from, so the two sides name two placeholders when the value changes and one when it does not.
 */
export const SECRET_REF = envSecretName("TERRAFORM_PLAN_SECRET");
export const CHANGED_SECRET_REF = envSecretName("TERRAFORM_PLAN_CHANGED_SECRET");

/** Writes the identity provider's secret as a sensitive variable whose reference says whether the value changes. */
function secretVariable(resource: PlanResource, args: Json, side: Side, lbl: string, variables: HclNode[]): void {
  const details = isObject(args.provider_details) ? { ...args.provider_details } : undefined;
  const raw = resource.change[side]?.provider_details;
  const rawDetails = isObject(raw) ? raw : {};
  const key = SECRET_DETAIL_KEYS.find((k) => k in rawDetails || (details && k in details) || resource.sensitiveChanges.some((p) => p.endsWith(k)));
  if (!details || !key) return;
  delete details[key];
  const changed = resource.sensitiveChanges.length > 0 || JSON.stringify((resource.change.before?.provider_details as Json | undefined)?.[key]) !== JSON.stringify((resource.change.after?.provider_details as Json | undefined)?.[key]);
  const name = `${lbl}_${key}`;
  const reference = { source: "env" as const, name: side === "after" && changed ? CHANGED_SECRET_REF : SECRET_REF };
  const provider = { providerName: String(args.provider_name ?? ""), providerType: String(args.provider_type ?? "OIDC") } as IdentityProviderSpec;
  variables.push(block("variable", [name], [attr("type", expr("string")), attr("description", secretVariableDescription(provider, reference)), attr("sensitive", true)]), blank);
  details[key] = expr(`var.${name}`) as unknown as string;
  args.provider_details = details;
}

/** The side of a group as a Terraform configuration; undefined when the pool does not exist on that side. */
export function sideConfiguration(group: PlanPoolGroup, side: Side): string | undefined {
  const pool = group.pool;
  const poolArgs = pool ? pool[side] : {};
  if (!poolArgs) return undefined;
  const resources: HclNode[] = [];
  const variables: HclNode[] = [];
  const poolBody = { ...poolArgs };
  if (pool) nameFor(pool, poolBody);
  else poolBody.name = group.userPoolId ?? "unmanaged";
  resources.push(block("resource", [TF_TYPES.pool, "pool"], argumentNodes(poolBody)), blank);
  const clientLabels = new Map<string, string>();
  group.children.forEach((c, i) => {
    if (c.change.type === TF_TYPES.client && idOf(c)) clientLabels.set(idOf(c) as string, label(i));
  });
  group.children.forEach((c, i) => {
    const args = c[side];
    if (!args) return;
    const body: Json = { ...args };
    nameFor(c, body);
    if (c.change.type === TF_TYPES.identityProvider) secretVariable(c, body, side, label(i), variables);
    const nodes: HclNode[] = [attr("user_pool_id", expr(`${TF_TYPES.pool}.pool.id`))];
    if (c.change.type === TF_TYPES.riskConfiguration) {
      const clientId = [c.change[side]?.client_id, c.change.before?.client_id].find((v): v is string => typeof v === "string");
      const byRef = group.children.findIndex((o) => o.change.type === TF_TYPES.client && c.change.references.clientId.some((r) => r.startsWith(withoutKeys(o.change.address))));
      const target = clientId !== undefined ? clientLabels.get(clientId) : byRef >= 0 ? label(byRef) : undefined;
      const hasClient = c.change[side]?.client_id !== undefined || c.change.references.clientId.length > 0;
      if (hasClient && !target) return;
      if (target) nodes.push(attr("client_id", expr(`${TF_TYPES.client}.${target}.id`)));
    }
    resources.push(block("resource", [c.change.type, label(i)], [...nodes, ...argumentNodes(body)]), blank);
  });
  return renderHcl([...variables, ...resources]);
}

function valueAt(draft: Json, path: string): unknown {
  let node: unknown = draft;
  for (const s of parsePath(path) ?? []) node = Array.isArray(node) && typeof s === "number" ? node[s] : isObject(node) && typeof s === "string" ? node[s] : undefined;
  return node;
}

/** Deletes the value at a diagnostic path (`spec.clients[0].callbackUrls[1]`) of a draft. */
function deleteAt(draft: Json, path: string): boolean {
  const segments = parsePath(path);
  if (!segments || segments.length === 0) return false;
  let node: unknown = draft;
  for (const s of segments.slice(0, -1)) {
    if (typeof s === "object") return false;
    node = Array.isArray(node) && typeof s === "number" ? node[s] : isObject(node) && typeof s === "string" ? node[s] : undefined;
    if (node === undefined) return false;
  }
  const last = segments[segments.length - 1];
  if (Array.isArray(node) && typeof last === "number") node.splice(last, 1);
  else if (isObject(node) && typeof last === "string" && last in node) delete node[last];
  else return false;
  return true;
}

/**
 * A valid document from an imported draft: a value the model refuses (the provider stores some out-of-range
 * defaults, like a 0-day temporary password validity) is left out and named, so the rest is still compared.
 */
function documentOf(draft: Json, side: Side, diagnostics: Diagnostic[]): PoolDocument | null {
  const copy = structuredClone(draft);
  for (let attempt = 0; attempt < 20; attempt++) {
    const result = validatePoolDocument(copy);
    if (result.document) return result.document;
    const errors = result.diagnostics.filter((d) => d.severity === "error");
    const values = new Map(errors.map((d) => [d.path, valueAt(copy, d.path)]));
    const removed = errors.filter((d) => d.path.startsWith("spec.") && deleteAt(copy, d.path));
    // The provider stores 0 for a number it leaves unset (a client's token validities): not worth a word.
    for (const d of removed.filter((x) => values.get(x.path) !== 0)) diagnostics.push(warning(d.path, "not-compared", `${side === "after" ? "the pool after apply" : "the pool before"}: ${d.path} was left out of the review: ${d.message}`));
    if (removed.length === 0) {
      for (const d of errors) diagnostics.push(warning(d.path, "not-compared", `${side === "after" ? "the pool after apply" : "the pool before"}: it could not be read into the model: ${d.message}`));
      return null;
    }
  }
  return null;
}

/** Keeps the importer's warnings that say something about the plan (not about the synthetic configuration). */
function relevant(d: Diagnostic): boolean {
  return !/pool-assumed|not-terraform/u.test(d.code);
}

async function readSide(group: PlanPoolGroup, side: Side, region: string | undefined, diagnostics: Diagnostic[]): Promise<PoolDocument | null> {
  const content = sideConfiguration(group, side);
  if (content === undefined) return null;
  const imported = await importTerraformFiles({ files: [{ path: `${side}.tf`, content }], format: "terraform", ...(region ? { region } : {}) });
  for (const d of imported.diagnostics.filter(relevant)) if (d.severity === "error" && imported.pools.length === 0) diagnostics.push(d);
  const pool = imported.pools[0];
  if (!pool) return null;
  for (const d of pool.diagnostics.filter((x) => x.severity === "warning" && relevant(x))) diagnostics.push({ ...d, message: `${side === "after" ? "the pool after apply" : "the pool before"}: ${d.message.replace(/\s*\(\w+\.tf line \d+\)/gu, "").replace(/aws_cognito_[\w]+\.r(\d+)/gu, (_m, i: string) => group.children[Number(i)]?.change.address ?? _m).replace(/aws_cognito_user_pool\.pool\b/gu, group.address)}` });
  return pool.document ?? documentOf(pool.draft as Json, side, diagnostics);
}

/** Both sides of a group as pool documents (null where the pool does not exist). */
export async function readPoolSides(group: PlanPoolGroup, region: string | undefined): Promise<PoolSides> {
  const diagnostics: Diagnostic[] = [];
  const before = await readSide(group, "before", region, diagnostics);
  const after = await readSide(group, "after", region, diagnostics);
  return { before, after, diagnostics };
}
