/**
 * Native {@link PoolDocument} → OpenMCF `AwsCognitoUserPool` manifest (apiVersion `aws.openmcf.org/v1`).
 *
 * What the v1 kind cannot express (fields the v1 spec.proto lacks, github.com/plantonhq/planton, apis/dev/planton/provider/aws/awscognitouserpool/v1/: resource
 * servers, SMS, threat protection, tier, message templates, device tracking, …) is a warning diagnostic AND a
 * comment at the top of the YAML. As a safety net the renderer maps its own output back (parse.ts) and warns
 * about every field that would not come back equal, so nothing is lost without a word. Never throws.
 */
import type { AppClientSpec, TimeUnit } from "../../spec/client-schema";
import { type Diagnostic, error, joinPath, warning } from "../../spec/diagnostics";
import type { PoolDocument } from "../../spec/document-schema";
import type { PoolSpec } from "../../spec/pool-schema";
import { writeYaml } from "../fast-yaml";
import type { ExportResult } from "../types";
import { mapOpenMcfToNative } from "./parse";
import { METADATA_LABEL_FIELDS, METADATA_LABEL_PREFIX, fromOpenMcfPath } from "./paths";
import { OPENMCF_EXPLICIT_AUTH_FLOWS, checkOpenMcfRules } from "./rules";
import { OPENMCF_API_VERSION, OPENMCF_KIND, OPENMCF_LAMBDA_TRIGGERS, type OpenMcfManifest, openMcfManifestSchema } from "./schema";

export const OPENMCF_FILE_NAME = "manifest.yaml";

type Obj = Record<string, unknown>;

function compact<T extends Obj>(obj: T): T {
  return Object.fromEntries(Object.entries(obj).filter(([, v]) => v !== undefined)) as T;
}

/** Pool settings the v1 kind has no field for, with what a user should know (the v1 spec.proto). */
const POOL_FIELDS_NOT_EXPRESSIBLE: Partial<Record<keyof PoolSpec, string>> = {
  resourceServers: "OpenMCF AwsCognitoUserPool v1 has no resource servers; create them outside this manifest (clients may still ask for their scopes)",
  userAttributeUpdateSettings: "OpenMCF has no user attribute update settings",
  signInPolicy: "OpenMCF has no sign-in policy (allowed first authentication factors)",
  emailMfaConfiguration: "OpenMCF has no email MFA",
  webAuthnConfiguration: "OpenMCF has no WebAuthn (passkey) configuration",
  smsAuthenticationMessage: "OpenMCF has no SMS configuration or SMS MFA",
  smsConfiguration: "OpenMCF has no SMS configuration or SMS MFA (left out of v1: it needs a separate IAM role and SNS setup)",
  smsMfaConfiguration: "OpenMCF has no SMS MFA",
  customDomain: "OpenMCF AwsCognitoUserPool v1 has one domain; the custom domain beside the prefix domain is not exported",
  verificationMessageTemplate: "OpenMCF has no verification message templates",
  deviceConfiguration: "OpenMCF has no device tracking",
  userPoolAddOns: "OpenMCF has no user pool add-ons (threat protection)",
  userPoolTags: "OpenMCF has no pool tags in the spec",
  userPoolTier: "OpenMCF has no feature plan (user pool tier)",
  // Not in the v1 spec.proto: identity providers (a separate kind, `AwsCognitoIdentityProvider`) and groups.
  groups: "OpenMCF AwsCognitoUserPool v1 has no groups; create them outside this manifest",
  riskConfiguration: "OpenMCF AwsCognitoUserPool v1 has no threat protection settings (adaptive authentication, compromised credentials, IP lists); set them in the studio or with Terraform's aws_cognito_risk_configuration",
  logDeliveryConfiguration: "OpenMCF AwsCognitoUserPool v1 has no log delivery; set it in the studio or with CloudFormation's AWS::Cognito::LogDeliveryConfiguration",
  terms: "OpenMCF AwsCognitoUserPool v1 has no terms documents (terms of use, privacy policy); create them outside this manifest",
  identityProviders: "OpenMCF AwsCognitoUserPool v1 has no identity providers (OpenMCF models them as a separate kind, AwsCognitoIdentityProvider); create them outside this manifest (clients may still list them)",
};

/** Client settings the v1 kind has no field for (not in the v1 spec.proto's client message). */
const CLIENT_FIELDS_NOT_EXPRESSIBLE: Partial<Record<keyof AppClientSpec, string>> = {
  readAttributes: "OpenMCF clients have no read attributes",
  writeAttributes: "OpenMCF clients have no write attributes",
  analyticsConfiguration: "OpenMCF clients have no analytics configuration",
  enablePropagateAdditionalUserContextData: "OpenMCF clients cannot propagate additional user context data",
  authSessionValidity: "OpenMCF clients have no auth session validity",
  refreshTokenRotation: "OpenMCF clients have no refresh token rotation",
};

const SECONDS: Record<TimeUnit, number> = { seconds: 1, minutes: 60, hours: 3600, days: 86400 };

/** Whole `target` units in `value` `unit`, or undefined when it is not a whole number. */
function convert(value: number, unit: TimeUnit, target: TimeUnit): number | undefined {
  const seconds = value * SECONDS[unit];
  return seconds % SECONDS[target] === 0 ? seconds / SECONDS[target] : undefined;
}

class Renderer {
  readonly warnings: Diagnostic[] = [];

  constructor(private readonly doc: PoolDocument) {}

  private warn(path: string, code: string, message: string): void {
    this.warnings.push(warning(path, code, message));
  }

  manifest(): OpenMcfManifest {
    const { metadata } = this.doc;
    const labels = { ...metadata.labels };
    const carried: Obj = {};
    for (const field of METADATA_LABEL_FIELDS) {
      const key = `${METADATA_LABEL_PREFIX}${field}`;
      if (labels[key] !== undefined) {
        carried[field] = labels[key];
        delete labels[key];
      }
    }
    const meta = compact({
      name: metadata.name,
      slug: carried.slug,
      id: carried.id,
      org: carried.org,
      env: carried.env,
      labels: Object.keys(labels).length > 0 ? labels : undefined,
      group: carried.group,
    });
    return { apiVersion: OPENMCF_API_VERSION, kind: OPENMCF_KIND, metadata: meta, spec: this.spec() } as OpenMcfManifest;
  }

  /**
   * MFA ON or OPTIONAL whose only methods are SMS or email: the manifest keeps the MFA setting but none of its
   * methods, and AWS refuses MFA without a method (https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_SetUserPoolMfaConfig.html),
   * so the manifest does not apply as it is and reads back as an invalid draft until a method is chosen.
   */
  private warnMfaWithoutMethod(s: PoolSpec): void {
    if (s.mfaConfiguration !== "ON" && s.mfaConfiguration !== "OPTIONAL") return;
    if (s.softwareTokenMfaConfiguration?.enabled) return;
    if (!s.smsMfaConfiguration?.enabled && s.emailMfaConfiguration === undefined) return;
    this.warn(
      "spec.mfaConfiguration",
      "openmcf-mfa-without-method",
      `MFA is ${s.mfaConfiguration} with SMS or email messages as its only methods, which OpenMCF cannot hold: the manifest keeps mfaConfiguration: ${s.mfaConfiguration} without a method, which AWS refuses; turn on authenticator apps (TOTP) in the manifest or set MFA after deploying it`,
    );
  }

  private spec(): Obj {
    const s = this.doc.spec;
    for (const [field, reason] of Object.entries(POOL_FIELDS_NOT_EXPRESSIBLE))
      if (s[field as keyof PoolSpec] !== undefined) this.warn(joinPath("spec", field), "openmcf-not-expressible", `${reason}; not exported`);

    if (s.usernameConfiguration === undefined)
      this.warn(
        "spec.usernameConfiguration",
        "openmcf-username-case",
        "OpenMCF always sets username case sensitivity (its modules send username_configuration); the spec leaves it to AWS, whose default is case-sensitive, so it is exported as usernameCaseSensitive: true",
      );

    this.warnMfaWithoutMethod(s);

    const pp = s.passwordPolicy;
    if (pp?.passwordHistorySize !== undefined) this.warn("spec.passwordPolicy.passwordHistorySize", "openmcf-not-expressible", "OpenMCF has no password history size; not exported");
    if (pp && pp.minimumLength === undefined)
      this.warn(
        "spec.passwordPolicy.minimumLength",
        "openmcf-value-filled",
        "OpenMCF requires minimumLength whenever passwordPolicy is set (its validation checks the zero value); exported as 8, Cognito's default",
      );

    if (s.region === undefined)
      this.warn("spec.region", "openmcf-needs-region", "OpenMCF manifests require a region and the design names none; set spec.region in the manifest (or in the design) before deploying it");

    const email = s.emailConfiguration;
    const admin = s.adminCreateUserConfig;
    if (admin?.inviteMessageTemplate !== undefined)
      this.warn("spec.adminCreateUserConfig.inviteMessageTemplate", "openmcf-not-expressible", "OpenMCF has no invitation message template; not exported");

    return compact({
      region: s.region,
      usernameAttributes: s.usernameAttributes,
      aliasAttributes: s.aliasAttributes,
      usernameCaseSensitive: s.usernameConfiguration?.caseSensitive ?? true,
      passwordPolicy:
        pp &&
        compact({
          minimumLength: pp.minimumLength ?? 8,
          requireLowercase: pp.requireLowercase,
          requireUppercase: pp.requireUppercase,
          requireNumbers: pp.requireNumbers,
          requireSymbols: pp.requireSymbols,
          temporaryPasswordValidityDays: pp.temporaryPasswordValidityDays,
        }),
      mfaConfiguration: s.mfaConfiguration,
      softwareTokenMfaEnabled: s.softwareTokenMfaConfiguration?.enabled,
      autoVerifiedAttributes: s.autoVerifiedAttributes,
      accountRecoveryMechanisms: s.accountRecoverySetting?.recoveryMechanisms.map((m) => ({ name: m.name, priority: m.priority })),
      emailConfiguration:
        email &&
        compact({
          emailSendingAccount: email.emailSendingAccount,
          sourceArn: email.sourceArn,
          fromEmailAddress: email.from,
          replyToEmailAddress: email.replyToEmailAddress,
          configurationSet: email.configurationSet,
        }),
      allowAdminCreateUserOnly: admin?.allowAdminCreateUserOnly,
      deletionProtection: s.deletionProtection === undefined ? undefined : s.deletionProtection === "ACTIVE",
      customAttributes: s.schemaAttributes?.map((a, i) => this.attribute(a, i)),
      lambdaConfig: s.lambdaConfig && this.lambdaConfig(s.lambdaConfig),
      clients: this.clients(),
      domain: s.domain && this.domain(s.domain),
    });
  }

  private attribute(a: NonNullable<PoolSpec["schemaAttributes"]>[number], i: number): Obj {
    const path = joinPath("spec.schemaAttributes", i);
    if (a.developerOnlyAttribute !== undefined)
      this.warn(joinPath(path, "developerOnlyAttribute"), "openmcf-not-expressible", "OpenMCF custom attributes cannot be developer-only (dev:); exported as a normal attribute");
    // A standard name (email, …) configures the standard attribute in both models: Cognito adds `custom:` only to
    // other names, so OpenMCF's customAttributes carries standard attributes as they are.
    const s = a.stringAttributeConstraints;
    const n = a.numberAttributeConstraints;
    if (s && a.attributeDataType !== "String")
      this.warn(joinPath(path, "stringAttributeConstraints"), "openmcf-not-expressible", "OpenMCF applies string constraints only to String attributes; not exported");
    if (n && a.attributeDataType !== "Number")
      this.warn(joinPath(path, "numberAttributeConstraints"), "openmcf-not-expressible", "OpenMCF applies number constraints only to Number attributes; not exported");
    const str = a.attributeDataType === "String" ? s : undefined;
    const num = a.attributeDataType === "Number" ? n : undefined;
    return compact({
      name: a.name,
      attributeDataType: a.attributeDataType,
      mutable: a.mutable,
      required: a.required,
      stringMinLength: str?.minLength,
      stringMaxLength: str?.maxLength,
      numberMinValue: num?.minValue,
      numberMaxValue: num?.maxValue,
    });
  }

  private lambdaConfig(config: NonNullable<PoolSpec["lambdaConfig"]>): Obj {
    for (const [field, value] of Object.entries(config))
      if (value !== undefined && !(OPENMCF_LAMBDA_TRIGGERS as readonly string[]).includes(field))
        this.warn(
          joinPath("spec.lambdaConfig", field),
          "openmcf-not-expressible",
          "OpenMCF has only the ten classic Lambda triggers (no versioned pre-token-generation, custom senders, KMS key or inbound federation); not exported",
        );
    return compact(Object.fromEntries(OPENMCF_LAMBDA_TRIGGERS.map((t) => [t, config[t]])));
  }

  private clients(): Obj[] | undefined {
    const s = this.doc.spec;
    if (s.clients === undefined || s.clients.length === 0) {
      this.warn("spec.clients", "openmcf-clients-required", "OpenMCF requires at least one client (clients: min 1 item); the manifest has none and will not pass OpenMCF validation");
      return undefined;
    }
    const defaults = s.clientDefaults;
    if (defaults !== undefined)
      this.warn("spec.clientDefaults", "openmcf-client-defaults-expanded", "OpenMCF has no client defaults; they are written into every client that does not set its own value");
    return withDefaults(s).map((client, i) => this.client(client, i));
  }

  private client(c: AppClientSpec, i: number): Obj {
    const path = joinPath("spec.clients", i);
    for (const [field, reason] of Object.entries(CLIENT_FIELDS_NOT_EXPRESSIBLE))
      if (c[field as keyof AppClientSpec] !== undefined) this.warn(joinPath(path, field), "openmcf-not-expressible", `${reason}; not exported`);
    c.explicitAuthFlows?.forEach((f, j) => {
      if (!(OPENMCF_EXPLICIT_AUTH_FLOWS as readonly string[]).includes(f))
        this.warn(joinPath(path, "explicitAuthFlows", j), "openmcf-not-expressible", `OpenMCF accepts only ${OPENMCF_EXPLICIT_AUTH_FLOWS.join(", ")}; ${f} is not exported`);
    });

    // OpenMCF writes access/ID lifetimes in minutes and refresh lifetimes in days; 0 means unset there.
    const units = c.tokenValidityUnits;
    const lifetime = (field: "accessTokenValidity" | "idTokenValidity" | "refreshTokenValidity", unit: TimeUnit, fallback: TimeUnit, target: TimeUnit, max: number, name: string) => {
      const value = c[field];
      if (value === undefined) return undefined;
      const converted = convert(value, unit, target);
      if (converted === undefined || converted < 1 || converted > max) {
        this.warn(joinPath(path, field), "openmcf-not-expressible", `${value} ${unit} cannot be written as ${name} (whole ${target}, 1–${max}; 0 means unset in OpenMCF); not exported`);
        return undefined;
      }
      if (unit !== target || units?.[fieldUnit(field)] === undefined)
        this.warn(joinPath(path, field), "openmcf-token-validity-converted", `${value} ${unit}${unit === fallback && units?.[fieldUnit(field)] === undefined ? " (the default unit)" : ""} is exported as ${name}: ${converted}`);
      return converted;
    };
    const access = lifetime("accessTokenValidity", units?.accessToken ?? "hours", "hours", "minutes", 1440, "accessTokenValidityMinutes");
    const id = lifetime("idTokenValidity", units?.idToken ?? "hours", "hours", "minutes", 1440, "idTokenValidityMinutes");
    const refresh = lifetime("refreshTokenValidity", units?.refreshToken ?? "days", "days", "days", 3650, "refreshTokenValidityDays");
    const canonical = access !== undefined || id !== undefined || refresh !== undefined;
    const sameUnits = canonical
      ? units?.accessToken === "minutes" && units.idToken === "minutes" && units.refreshToken === "days"
      : units === undefined;
    if (!sameUnits)
      this.warn(
        joinPath(path, "tokenValidityUnits"),
        "openmcf-token-units",
        canonical
          ? "OpenMCF always uses minutes for access and ID tokens and days for refresh tokens; the lifetimes are converted to those units"
          : "OpenMCF has token units only together with a lifetime; the units alone are not exported",
      );

    return compact({
      name: c.name,
      generateSecret: c.generateSecret,
      allowedOauthFlowsUserPoolClient: c.allowedOAuthFlowsUserPoolClient,
      allowedOauthFlows: c.allowedOAuthFlows,
      allowedOauthScopes: c.allowedOAuthScopes,
      callbackUrls: c.callbackUrls,
      logoutUrls: c.logoutUrls,
      defaultRedirectUri: c.defaultRedirectUri,
      supportedIdentityProviders: c.supportedIdentityProviders,
      explicitAuthFlows: c.explicitAuthFlows?.filter((f) => (OPENMCF_EXPLICIT_AUTH_FLOWS as readonly string[]).includes(f)),
      accessTokenValidityMinutes: access,
      idTokenValidityMinutes: id,
      refreshTokenValidityDays: refresh,
      enableTokenRevocation: c.enableTokenRevocation,
      preventUserExistenceErrors: c.preventUserExistenceErrors,
    });
  }

  private domain(d: NonNullable<PoolSpec["domain"]>): Obj {
    if (d.managedLoginVersion !== undefined)
      this.warn("spec.domain.managedLoginVersion", "openmcf-not-expressible", "OpenMCF has no managed login version (the hosted UI version is AWS's default); not exported");
    return compact({ domain: d.domain, certificateArn: d.certificateArn });
  }
}

/** The clients with `clientDefaults` written into each (the client's own value wins). */
function withDefaults(spec: PoolSpec): AppClientSpec[] {
  return (spec.clients ?? []).map((own) => {
    const client = { ...spec.clientDefaults } as AppClientSpec;
    for (const [key, value] of Object.entries(own)) if (value !== undefined) (client as Obj)[key] = value;
    return client;
  });
}

function fieldUnit(field: "accessTokenValidity" | "idTokenValidity" | "refreshTokenValidity"): "accessToken" | "idToken" | "refreshToken" {
  return field === "accessTokenValidity" ? "accessToken" : field === "idTokenValidity" ? "idToken" : "refreshToken";
}

function isObject(v: unknown): v is Obj {
  return v !== null && typeof v === "object" && !Array.isArray(v);
}

/** Paths (in `a`) where `a` and `b` differ: the leaf, or the list when the lengths differ. */
function differences(a: unknown, b: unknown, path: string, out: string[]): void {
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length) out.push(path);
    else a.forEach((v, i) => differences(v, b[i], joinPath(path, i), out));
  } else if (isObject(a) && isObject(b)) {
    for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) differences(a[key], b[key], joinPath(path, key), out);
  } else if (!Object.is(a, b)) out.push(path);
}

function related(a: string, b: string): boolean {
  const under = (x: string, y: string) => x === y || x.startsWith(`${y}.`) || x.startsWith(`${y}[`);
  return under(a, b) || under(b, a);
}

function header(warnings: readonly Diagnostic[]): string {
  const lines = [" OpenMCF AwsCognitoUserPool manifest, exported by Cognito Studio."];
  if (warnings.length > 0) {
    lines.push(" Not exported exactly (OpenMCF AwsCognitoUserPool v1 cannot express it):");
    for (const w of warnings) lines.push(`   - ${w.path || "(document)"}: ${w.message}`);
  }
  return lines.join("\n");
}

/**
 * Renders an OpenMCF `AwsCognitoUserPool` manifest. Warning paths point into the native document.
 * The YAML quotes YAML 1.1 booleans (`"OFF"`, `"ON"`), as Go YAML readers would otherwise read them as booleans
 * (the shared `stringifyYamlDocument`).
 */
export function renderOpenMcf(doc: PoolDocument): ExportResult {
  try {
    const renderer = new Renderer(doc);
    const manifest = renderer.manifest();
    const warnings = renderer.warnings;

    // Safety net: whatever would not come back equal and no warning above names is reported too.
    // Client defaults are compared as written into the clients; the clientDefaults warning covers the rest.
    const back = mapOpenMcfToNative(manifest).document;
    const expected = doc.spec.clientDefaults === undefined ? doc : { ...doc, spec: { ...doc.spec, clients: withDefaults(doc.spec) } };
    const changed: string[] = [];
    differences(expected, back, "", changed);
    for (const path of changed)
      if (!warnings.some((w) => related(w.path, path)))
        warnings.push(warning(path, "openmcf-not-exact", "this value cannot be written to OpenMCF exactly; importing the manifest back gives a different value"));

    // What OpenMCF's own validation would reject in this manifest (e.g. TOTP with MFA OFF is an error there).
    const shape = openMcfManifestSchema.safeParse(manifest);
    const rejected = shape.success ? checkOpenMcfRules(shape.data.spec) : shape.error.issues.map((i) => error(joinPath("", ...i.path.filter((p) => typeof p !== "symbol")), i.code, i.message));
    for (const r of rejected)
      if (!warnings.some((w) => w.path === fromOpenMcfPath(r.path)))
        warnings.push(warning(fromOpenMcfPath(r.path), "openmcf-invalid", `OpenMCF will reject the exported manifest here: ${r.message}`));

    return { files: [{ path: OPENMCF_FILE_NAME, content: writeYaml(manifest, { header: header(warnings) }) }], diagnostics: warnings };
  } catch (cause) {
    return { files: [], diagnostics: [error("", "internal-error", `the OpenMCF export failed unexpectedly (${cause instanceof Error ? cause.message : String(cause)}); please report this`)] };
  }
}
