/**
 * Where a field of the native spec came from in the OpenMCF manifest, so diagnostics of the native validator
 * point into the file the user gave (`spec.clients[0].accessTokenValidity` → `spec.clients[0].accessTokenValidityMinutes`).
 * The table is data: one row per renamed or moved field, `[]` standing for any list index. Paths not in the
 * table are the same in both documents.
 */
import { type PathSegment, joinPath } from "../../spec/diagnostics";

/** Labels that carry the OpenMCF metadata fields the native metadata has no place for. */
export const METADATA_LABEL_PREFIX = "openmcf.cognito-studio.dev/";
/** Scalar `CloudResourceMetadata` fields kept as labels `openmcf.cognito-studio.dev/<field>`. */
export const METADATA_LABEL_FIELDS = ["slug", "id", "org", "env", "group"] as const;

/** Native path pattern → OpenMCF path pattern. The longest matching native prefix wins; leaf rows come first (see REVERSED). */
export const PATH_TRANSLATIONS: readonly (readonly [native: string, openmcf: string])[] = [
  ["spec.usernameConfiguration.caseSensitive", "spec.usernameCaseSensitive"],
  ["spec.usernameConfiguration", "spec.usernameCaseSensitive"],
  ["spec.softwareTokenMfaConfiguration.enabled", "spec.softwareTokenMfaEnabled"],
  ["spec.softwareTokenMfaConfiguration", "spec.softwareTokenMfaEnabled"],
  ["spec.adminCreateUserConfig.allowAdminCreateUserOnly", "spec.allowAdminCreateUserOnly"],
  ["spec.adminCreateUserConfig", "spec.allowAdminCreateUserOnly"],
  ["spec.accountRecoverySetting.recoveryMechanisms", "spec.accountRecoveryMechanisms"],
  ["spec.accountRecoverySetting", "spec.accountRecoveryMechanisms"],
  ["spec.emailConfiguration.from", "spec.emailConfiguration.fromEmailAddress"],
  ["spec.schemaAttributes", "spec.customAttributes"],
  ["spec.schemaAttributes[]", "spec.customAttributes[]"],
  ["spec.schemaAttributes[].stringAttributeConstraints", "spec.customAttributes[]"],
  ["spec.schemaAttributes[].stringAttributeConstraints.minLength", "spec.customAttributes[].stringMinLength"],
  ["spec.schemaAttributes[].stringAttributeConstraints.maxLength", "spec.customAttributes[].stringMaxLength"],
  ["spec.schemaAttributes[].numberAttributeConstraints", "spec.customAttributes[]"],
  ["spec.schemaAttributes[].numberAttributeConstraints.minValue", "spec.customAttributes[].numberMinValue"],
  ["spec.schemaAttributes[].numberAttributeConstraints.maxValue", "spec.customAttributes[].numberMaxValue"],
  ["spec.clients[].allowedOAuthFlowsUserPoolClient", "spec.clients[].allowedOauthFlowsUserPoolClient"],
  ["spec.clients[].allowedOAuthFlows", "spec.clients[].allowedOauthFlows"],
  ["spec.clients[].allowedOAuthScopes", "spec.clients[].allowedOauthScopes"],
  ["spec.clients[].accessTokenValidity", "spec.clients[].accessTokenValidityMinutes"],
  ["spec.clients[].idTokenValidity", "spec.clients[].idTokenValidityMinutes"],
  ["spec.clients[].refreshTokenValidity", "spec.clients[].refreshTokenValidityDays"],
  ["spec.clients[].tokenValidityUnits", "spec.clients[]"],
  ["spec.clients[].tokenValidityUnits.accessToken", "spec.clients[].accessTokenValidityMinutes"],
  ["spec.clients[].tokenValidityUnits.idToken", "spec.clients[].idTokenValidityMinutes"],
  ["spec.clients[].tokenValidityUnits.refreshToken", "spec.clients[].refreshTokenValidityDays"],
  ...METADATA_LABEL_FIELDS.map((f) => [joinPath("metadata.labels", `${METADATA_LABEL_PREFIX}${f}`), `metadata.${f}`] as const),
];

const SEGMENT = /\.([A-Za-z_$][\w$]*)|^([A-Za-z_$][\w$]*)|\[(\d+)\]|\[("(?:[^"\\]|\\.)*")\]/gu;

/** Splits a path written by `joinPath` back into segments. */
export function splitPath(path: string): PathSegment[] {
  const out: PathSegment[] = [];
  for (const m of path.matchAll(SEGMENT)) {
    if (m[1] !== undefined || m[2] !== undefined) out.push((m[1] ?? m[2]) as string);
    else if (m[3] !== undefined) out.push(Number(m[3]));
    else out.push(JSON.parse(m[4] as string) as string);
  }
  return out;
}

type Pattern = (PathSegment | "[]")[];

function parsePattern(pattern: string): Pattern {
  return splitPath(pattern.replace(/\[\]/gu, "[0]")).map((s, i, all) => (typeof s === "number" ? "[]" : all[i]) as PathSegment | "[]");
}

const COMPILED = PATH_TRANSLATIONS.map(([n, o]) => ({ native: parsePattern(n), openmcf: parsePattern(o) })).sort(
  (a, b) => b.native.length - a.native.length,
);

/**
 * The inverse table: for OpenMCF fields that several native fields map to, the first row wins
 * (`accessTokenValidityMinutes` → `accessTokenValidity`, not its unit); rows that fold a native object into its
 * parent (`tokenValidityUnits` → the client) have no inverse.
 */
const REVERSED = PATH_TRANSLATIONS.filter(([, o], i) => PATH_TRANSLATIONS.findIndex(([, other]) => other === o) === i)
  .filter(([n, o]) => !n.startsWith(`${o}.`))
  .map(([n, o]) => ({ native: parsePattern(o), openmcf: parsePattern(n) }))
  .sort((a, b) => b.native.length - a.native.length);

function translate(path: string, rows: readonly { native: Pattern; openmcf: Pattern }[]): string {
  const segments = splitPath(path);
  for (const row of rows) {
    if (row.native.length > segments.length) continue;
    const captured: number[] = [];
    const matches = row.native.every((p, i) => {
      const s = segments[i];
      if (p === "[]") {
        if (typeof s !== "number") return false;
        captured.push(s);
        return true;
      }
      return p === s;
    });
    if (!matches || captured.length !== row.openmcf.filter((p) => p === "[]").length) continue;
    let next = 0;
    const head = row.openmcf.map((p) => (p === "[]" ? (captured[next++] as number) : p));
    return joinPath("", ...head, ...segments.slice(row.native.length));
  }
  return path;
}

/** Translates a path of the native spec into the path of the same field in the OpenMCF manifest. */
export function toOpenMcfPath(nativePath: string): string {
  return translate(nativePath, COMPILED);
}

/** Translates a path of an OpenMCF manifest into the native field it maps to (the inverse of {@link toOpenMcfPath}). */
export function fromOpenMcfPath(openMcfPath: string): string {
  return translate(openMcfPath, REVERSED);
}
