/**
 * Turns one side (before or after) of a Terraform resource change into the arguments a configuration would
 * write: what Terraform computes (ids, ARNs, dates) is dropped, values unknown until apply are dropped and
 * named, sensitive values are dropped and never shown, and the empty values the provider stores for "not set"
 * (null, "", [], {}) are not set.
 */
type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => v !== null && typeof v === "object" && !Array.isArray(v);

/**
 * Attributes the provider computes, never arguments (the "Attribute Reference" of each resource page,
 * https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/cognito_user_pool and its
 * siblings cognito_user_pool_client, cognito_user_pool_domain, cognito_resource_server, cognito_user_group,
 * cognito_identity_provider, cognito_risk_configuration).
 */
export const COMPUTED_ATTRIBUTES: Readonly<Record<string, readonly string[]>> = {
  aws_cognito_user_pool: ["id", "arn", "creation_date", "last_modified_date", "endpoint", "estimated_number_of_users", "domain", "custom_domain", "tags_all"],
  aws_cognito_user_pool_client: ["id", "client_secret"],
  aws_cognito_user_pool_domain: ["id", "aws_account_id", "cloudfront_distribution", "cloudfront_distribution_arn", "cloudfront_distribution_zone_id", "s3_bucket", "version"],
  aws_cognito_resource_server: ["id", "scope_identifiers"],
  aws_cognito_user_group: ["id"],
  aws_cognito_identity_provider: ["id"],
  aws_cognito_risk_configuration: ["id"],
};

/** What cleaning one side found: paths unknown until apply and paths holding a sensitive value. */
export interface SideNotes {
  unknown: string[];
  sensitive: string[];
}

function child(marker: unknown, key: string | number): unknown {
  if (marker === true) return true;
  if (Array.isArray(marker) && typeof key === "number") return marker[key];
  if (isObject(marker) && typeof key === "string") return marker[key];
  return undefined;
}

function join(path: string, key: string | number): string {
  return typeof key === "number" ? `${path}[${key}]` : path ? `${path}.${key}` : key;
}

function cleanValue(value: unknown, unknown: unknown, sensitive: unknown, path: string, notes: SideNotes): unknown {
  if (sensitive === true) {
    if (value !== null && value !== undefined && value !== "") notes.sensitive.push(path);
    return undefined;
  }
  if (unknown === true) {
    notes.unknown.push(path);
    return undefined;
  }
  if (value === null || value === undefined || value === "") return undefined;
  if (Array.isArray(value)) {
    const items = value.map((v, i) => cleanValue(v, child(unknown, i), child(sensitive, i), join(path, i), notes)).filter((v) => v !== undefined);
    return items.length ? items : undefined;
  }
  if (isObject(value)) {
    const out: Json = {};
    for (const [k, v] of Object.entries(value)) {
      const cleaned = cleanValue(v, child(unknown, k), child(sensitive, k), join(path, k), notes);
      if (cleaned !== undefined) out[k] = cleaned;
    }
    // An unknown attribute inside an object (a block) is named even when the object itself ends empty.
    if (isObject(unknown)) for (const [k, u] of Object.entries(unknown)) if (u === true && !(k in value)) notes.unknown.push(join(path, k));
    return Object.keys(out).length ? out : undefined;
  }
  return value;
}

/**
 * The arguments of one side. `type` selects the computed attributes to drop; `user_pool_id` and `client_id`
 * are dropped too (the caller ties resources together by address).
 */
export function argumentsOf(type: string, value: Json | null, unknown: unknown, sensitive: unknown, notes: SideNotes): Json | undefined {
  if (value === null) return undefined;
  const computed = new Set([...(COMPUTED_ATTRIBUTES[type] ?? ["id"]), "user_pool_id", "client_id"]);
  const out: Json = {};
  for (const [key, v] of Object.entries(value)) {
    if (computed.has(key)) continue;
    const cleaned = cleanValue(v, child(unknown, key), child(sensitive, key), key, notes);
    if (cleaned !== undefined) out[key] = cleaned;
  }
  // Unknown top-level arguments absent from the value (Terraform leaves them out of `after`).
  if (isObject(unknown)) for (const [k, u] of Object.entries(unknown)) if (u === true && !computed.has(k) && !(k in value)) notes.unknown.push(k);
  return out;
}

function containsUnknown(marker: unknown): boolean {
  if (marker === true) return true;
  if (Array.isArray(marker)) return marker.some(containsUnknown);
  return isObject(marker) && Object.values(marker).some(containsUnknown);
}

/**
 * A list of plain values set before and cleared after (null or [] and not unknown): Terraform removes them,
 * so the after side says so with an empty list rather than "not managed".
 */
export function keepClearedLists(before: Json | undefined, after: Json | undefined, unknownAfter: unknown): void {
  if (!before || !after) return;
  for (const [key, value] of Object.entries(before)) {
    if (key in after || containsUnknown(child(unknownAfter, key))) continue;
    if (Array.isArray(value) && value.every((v) => !isObject(v) && !Array.isArray(v))) after[key] = [];
  }
}

/** Whether any sensitive value differs between the sides (compared, never shown). */
export function sensitiveChanged(before: Json | null, after: Json | null, paths: readonly string[]): string[] {
  const at = (root: unknown, path: string): unknown => {
    let v = root;
    for (const part of path.split(/\.|\[(\d+)\]/u).filter((p) => p !== undefined && p !== "")) v = Array.isArray(v) ? v[Number(part)] : isObject(v) ? v[part] : undefined;
    return v;
  };
  return paths.filter((p) => JSON.stringify(at(before, p)) !== JSON.stringify(at(after, p)));
}
