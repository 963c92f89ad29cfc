/**
 * Terms documents between the API and the document (https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_TermsType.html).
 *
 * Reading: ListTerms gives ids and names only, so each document is described (DescribeTerms) for its client
 * and links. A document whose client is not among the pool's clients is left out (it cannot be named).
 * Writing: CreateTerms needs the client's id; UpdateTerms changes the links (and sends the name, source and
 * enforcement again, which are the same). Source and enforcement each accept one value: they are constants.
 */
import type { CreateTermsRequest, TermsType, UpdateTermsRequest } from "@aws-sdk/client-cognito-identity-provider";
import { mapWithConcurrency } from "../concurrency";
import type { CognitoPort } from "./port";
import { TERMS_ENFORCEMENT, TERMS_LANGUAGES, TERMS_NAMES, TERMS_SOURCE, type TermsLanguage, type TermsName, type TermsSpec } from "../spec/terms-schema";
import { allPages } from "./read-live-pool";

/** Every terms document of the pool, described. */
export async function readLiveTerms(port: CognitoPort, userPoolId: string, concurrency: number): Promise<TermsType[]> {
  const listed = await allPages((token) => port.listTerms(userPoolId, token));
  return mapWithConcurrency(listed, concurrency, (t) => port.describeTerms(userPoolId, t.TermsId ?? ""));
}

/** The document's terms from the described ones; `clientNames` maps client ids to names. Sorted by key. */
export function termsFromApi(described: readonly TermsType[], clientNames: ReadonlyMap<string, string>): TermsSpec[] {
  const out: TermsSpec[] = [];
  for (const t of described) {
    const client = clientNames.get(t.ClientId ?? "");
    const name = TERMS_NAMES.find((n) => n === t.TermsName);
    if (client === undefined || name === undefined) continue;
    const links: Partial<Record<TermsLanguage, string>> = {};
    for (const language of TERMS_LANGUAGES) {
      const url = t.Links?.[language];
      if (url !== undefined) links[language] = url;
    }
    out.push({ client, name, links });
  }
  return out.sort((a, b) => (a.client === b.client ? a.name.localeCompare(b.name) : a.client < b.client ? -1 : 1));
}

function linksOf(terms: TermsSpec): Record<string, string> {
  return Object.fromEntries(Object.entries(terms.links).filter((e): e is [string, string] => e[1] !== undefined));
}

export function createTermsInput(userPoolId: string, clientId: string, terms: TermsSpec): CreateTermsRequest {
  return { UserPoolId: userPoolId, ClientId: clientId, TermsName: terms.name, TermsSource: TERMS_SOURCE, Enforcement: TERMS_ENFORCEMENT, Links: linksOf(terms) };
}

export function updateTermsInput(userPoolId: string, termsId: string, terms: TermsSpec): UpdateTermsRequest {
  return { UserPoolId: userPoolId, TermsId: termsId, TermsName: terms.name, TermsSource: TERMS_SOURCE, Enforcement: TERMS_ENFORCEMENT, Links: linksOf(terms) };
}

/** The live document with this client id and name, when there is one. */
export function findLiveTerms(live: readonly TermsType[], clientId: string | undefined, name: TermsName): TermsType | undefined {
  return clientId === undefined ? undefined : live.find((t) => t.ClientId === clientId && t.TermsName === name);
}
