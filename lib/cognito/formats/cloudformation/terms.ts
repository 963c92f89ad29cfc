/**
 * CloudFormation for terms documents: `AWS::Cognito::Terms` (UserPoolId, ClientId, TermsName, TermsSource,
 * Enforcement, Links), as in the CloudFormation template reference
 * (https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-cognito-terms.html).
 * The client is a `Ref` to the client's resource (its Ref is the client id); the import reads it back to the
 * client's name. TermsSource and Enforcement each accept one value and are written as such.
 */
import { type Diagnostic, warning } from "../../spec/diagnostics";
import { TERMS_ENFORCEMENT, TERMS_SOURCE, type TermsSpec } from "../../spec/terms-schema";
import { CfnRef } from "./intrinsics";

export const CFN_TERMS = "AWS::Cognito::Terms";

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => v !== null && typeof v === "object" && !Array.isArray(v);

export function termsProperties(terms: TermsSpec, pool: CfnRef, clientLogicalId: string): Json {
  return { UserPoolId: pool, ClientId: new CfnRef(clientLogicalId), TermsName: terms.name, TermsSource: TERMS_SOURCE, Enforcement: TERMS_ENFORCEMENT, Links: { ...terms.links } };
}

/**
 * A terms resource back as a document entry. `rawClientId` is the property before evaluation (a `Ref` or
 * `!GetAtt X.ClientId` to a client of the template); `clientNames` maps client logical ids to names.
 */
export function termsFromProperties(id: string, rawClientId: unknown, properties: Json, clientNames: ReadonlyMap<string, string>, diagnostics: Diagnostic[]): Json | undefined {
  const where = `Resources.${id}.Properties`;
  const { ClientId: _client, TermsName, TermsSource, Enforcement, Links, ...other } = properties;
  for (const key of Object.keys(other)) diagnostics.push(warning(where, "not-in-model", `${where}.${key} has no place in the pool model and was not imported`));
  if (TermsSource !== undefined && TermsSource !== TERMS_SOURCE) diagnostics.push(warning(`${where}.TermsSource`, "not-in-model", `${where}.TermsSource accepts only ${TERMS_SOURCE}; imported as ${TERMS_SOURCE}`));
  if (Enforcement !== undefined && Enforcement !== TERMS_ENFORCEMENT) diagnostics.push(warning(`${where}.Enforcement`, "not-in-model", `${where}.Enforcement accepts only ${TERMS_ENFORCEMENT}; imported as ${TERMS_ENFORCEMENT}`));
  const logicalId = referencedId(rawClientId);
  const client = logicalId === undefined ? undefined : clientNames.get(logicalId);
  if (client === undefined) {
    diagnostics.push(warning(`${where}.ClientId`, "terms-client-unknown", `${where}.ClientId does not refer to an app client of this template; ${id} was not imported (terms documents belong to an app client)`));
    return undefined;
  }
  return { client, name: TermsName, links: Links };
}

function referencedId(raw: unknown): string | undefined {
  if (!isObject(raw)) return undefined;
  if (typeof raw.Ref === "string") return raw.Ref;
  const getAtt = raw["Fn::GetAtt"];
  if (Array.isArray(getAtt) && typeof getAtt[0] === "string") return getAtt[0];
  if (typeof getAtt === "string") return getAtt.split(".")[0];
  return undefined;
}
