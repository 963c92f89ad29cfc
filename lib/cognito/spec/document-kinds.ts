/**
 * Which kind of document a parsed file is, and the hook other formats plug into.
 * Native documents are `cognito-studio.dev/v1` / `UserPool`. OpenMCF (now Planton) `AwsCognitoUserPool`
 * manifests are recognised here (the envelope of its api.proto, github.com/plantonhq/planton, apis/dev/planton/provider/aws/awscognitouserpool/v1/); their mapping lives in
 * `lib/cognito/formats/openmcf/`, and `readPoolDocument` (formats/read-pool-document.ts) is the one entry
 * point that reads both kinds.
 */
import { error, type Diagnostic } from "./diagnostics";
import { POOL_API_VERSION, POOL_KIND } from "./document-schema";

export type DocumentKind = "native" | "openmcf" | "unknown";

export const OPENMCF_API_VERSIONS = ["aws.openmcf.org/v1", "aws.planton.dev/v1"] as const;
export const OPENMCF_KIND = "AwsCognitoUserPool";

function envelope(obj: unknown): { apiVersion?: unknown; kind?: unknown } {
  return obj !== null && typeof obj === "object" && !Array.isArray(obj) ? (obj as { apiVersion?: unknown; kind?: unknown }) : {};
}

export function detectDocumentKind(obj: unknown): DocumentKind {
  const { apiVersion, kind } = envelope(obj);
  if (apiVersion === POOL_API_VERSION && kind === POOL_KIND) return "native";
  if ((OPENMCF_API_VERSIONS as readonly unknown[]).includes(apiVersion) && kind === OPENMCF_KIND) return "openmcf";
  return "unknown";
}

/** The one error for a document that is neither kind: what was found and what is accepted. */
export function unknownDocumentKind(value: unknown): Diagnostic {
  const isObject = value !== null && typeof value === "object" && !Array.isArray(value);
  const { apiVersion, kind } = envelope(value);
  const accepted = [`apiVersion "${POOL_API_VERSION}" with kind "${POOL_KIND}"`, ...OPENMCF_API_VERSIONS.map((v) => `apiVersion "${v}" with kind "${OPENMCF_KIND}"`)];
  const found = isObject
    ? `apiVersion ${JSON.stringify(apiVersion) ?? "(missing)"}, kind ${JSON.stringify(kind) ?? "(missing)"}`
    : `not an object but ${Array.isArray(value) ? "a list" : JSON.stringify(value)}`;
  const knownVersion = apiVersion === POOL_API_VERSION || (OPENMCF_API_VERSIONS as readonly unknown[]).includes(apiVersion);
  // A CloudFormation template is a pool in another format, not a mistake: say where it is read.
  const template = isObject && ("AWSTemplateFormatVersion" in value || "Resources" in value);
  const hint = template ? ". This looks like a CloudFormation template: convert it with `cognito-studio import FILE` or the studio's Import" : "";
  return error(knownVersion ? "kind" : "apiVersion", "unknown-document-kind", `unknown document (${found}); accepted: ${accepted.join("; or ")}${hint}`);
}
