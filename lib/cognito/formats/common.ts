/**
 * Helpers every format shares: the client-defaults warning and resource names.
 */
import { type Diagnostic, warning } from "../spec/diagnostics";
import type { PoolSpec } from "../spec/pool-schema";

/** The warning for formats that have no place for `clientDefaults`: they are written into every client. */
export function clientDefaultsInlined(spec: PoolSpec, format: string): Diagnostic[] {
  if (!spec.clientDefaults) return [];
  return [
    warning(
      "spec.clientDefaults",
      "client-defaults-inlined",
      `${format} has no client defaults: they are written into each client, and read back as each client's own settings`,
    ),
  ];
}

/**
 * `clients: []` / `resourceServers: []` say "the pool has none" (manage them: delete any others); a file of
 * resources cannot say that, and reads back as "not managed".
 */
export function emptyListWarnings(spec: PoolSpec, format: string): Diagnostic[] {
  const out = (["clients", "resourceServers", "groups", "identityProviders", "terms", "managedLoginBranding", "uiCustomizations"] as const)
    .filter((key) => spec[key]?.length === 0)
    .map((key) => warning(`spec.${key}`, "written-as-absent", `an empty ${key} list (the pool has none) cannot be said in ${format}; it reads back as not managed`));
  if (spec.riskConfiguration?.clients?.length === 0)
    out.push(warning("spec.riskConfiguration.clients", "written-as-absent", `"no app client has threat protection settings of its own" cannot be said in ${format}; it reads back as not managed`));
  return out;
}

/**
 * Makes unique names for generated resources from user names: `snake` gives Terraform labels
 * (`web_app`), `pascal` gives CloudFormation logical IDs (`WebApp`).
 */
export class NameAllocator {
  private readonly taken = new Set<string>();
  constructor(private readonly style: "snake" | "pascal", reserved: readonly string[] = []) {
    for (const r of reserved) this.taken.add(r);
  }

  allocate(name: string, fallback: string): string {
    const words = name
      .normalize("NFKD")
      .replace(/[^A-Za-z0-9]+/gu, " ")
      .trim()
      .split(/\s+/u)
      .filter(Boolean);
    let base =
      this.style === "snake"
        ? words.map((w) => w.toLowerCase()).join("_")
        : words.map((w) => w[0].toUpperCase() + w.slice(1)).join("");
    if (base === "" || /^[0-9]/u.test(base)) base = this.style === "snake" ? `${fallback}_${base}`.replace(/_$/u, "") : `${fallback}${base}`;
    // CloudFormation logical IDs: at most 255 alphanumerics; keep them readable.
    base = base.slice(0, 64);
    let candidate = base;
    for (let i = 2; this.taken.has(candidate); i++) candidate = this.style === "snake" ? `${base}_${i}` : `${base}${i}`;
    this.taken.add(candidate);
    return candidate;
  }
}

/** Removes keys whose value is undefined (so deep equality with a parsed document holds). */
export function compact<T extends Record<string, unknown>>(value: T): T {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) if (v !== undefined) out[k] = v;
  return out as T;
}

/** Like {@link compact}, but undefined when nothing is left. */
export function compactOrUndefined<T extends Record<string, unknown>>(value: T): T | undefined {
  const out = compact(value);
  return Object.keys(out).length === 0 ? undefined : out;
}

export function describeError(cause: unknown): string {
  return cause instanceof Error ? cause.message : String(cause);
}

/**
 * Terraform has no SMS MFA switch: the provider turns SMS MFA on whenever `sms_configuration` is set and
 * `mfa_configuration` is ON or OPTIONAL ("SMS MFA is activated only when mfa_configuration is set to ON or
 * OPTIONAL along with this block", https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/cognito_user_pool#sms_configuration).
 * The mineiros module passes both through. A design whose switch disagrees with that gets a warning.
 */
export function terraformSmsMfaWarnings(spec: PoolSpec, format: string): Diagnostic[] {
  const mfaOn = spec.mfaConfiguration === "ON" || spec.mfaConfiguration === "OPTIONAL";
  const implied = mfaOn && spec.smsConfiguration !== undefined;
  const chosen = spec.smsMfaConfiguration?.enabled;
  if (chosen === false && !implied)
    return [warning("spec.smsMfaConfiguration.enabled", "written-as-absent", `SMS MFA switched off is what ${format} does without MFA ON or OPTIONAL and an SMS configuration; it reads back as unset`)];
  if (chosen === true && !implied)
    return [warning("spec.smsMfaConfiguration.enabled", "not-expressible", `${format} turns SMS MFA on only with MFA ON or OPTIONAL and an SMS configuration; this export leaves SMS MFA off`)];
  if (chosen !== true && implied)
    return [
      warning(
        "spec.smsMfaConfiguration.enabled",
        "not-expressible",
        `${format} has no SMS MFA switch: with MFA ${spec.mfaConfiguration} and an SMS configuration it turns SMS MFA on, which the design ${chosen === false ? "turns off" : "leaves unset"}`,
      ),
    ];
  return [];
}

/** The SMS MFA switch an imported Terraform pool implies (see {@link terraformSmsMfaWarnings}): on, or unset. */
export function smsMfaImpliedByTerraform(spec: PoolSpec): PoolSpec["smsMfaConfiguration"] {
  const mfaOn = spec.mfaConfiguration === "ON" || spec.mfaConfiguration === "OPTIONAL";
  return spec.smsConfiguration !== undefined && mfaOn ? { enabled: true } : undefined;
}

/** A custom domain with no prefix domain beside it is the pool's only domain: every format reads it back as `domain`. */
export function loneCustomDomainWarnings(spec: PoolSpec, format: string): Diagnostic[] {
  if (!spec.customDomain || spec.domain) return [];
  return [warning("spec.customDomain", "written-as-absent", `the custom domain is the pool's only domain; ${format} reads it back as Domain`)];
}
