/**
 * The live ids an application needs, read cheaply: ListUserPoolClients pages (60 clients a call) carry
 * every client's name and id, so no DescribeUserPoolClient is needed (on AWS those run at 5 per second per
 * pool: a full readLivePool of 1000 clients takes 200 s; this takes 17 calls).
 */
import type { CognitoPort } from "../aws/port";
import type { LiveIds } from "./app-connection";

/**
 * With `customDomain`, also the CloudFront distribution its DNS record points at (one DescribeUserPoolDomain).
 */
export async function readLiveIds(port: Pick<CognitoPort, "listUserPoolClients" | "describeUserPoolDomain">, userPoolId: string, customDomain?: string): Promise<LiveIds> {
  const clientIds: Record<string, string> = {};
  const seen = new Set<string>();
  let token: string | undefined;
  do {
    const page = await port.listUserPoolClients(userPoolId, token);
    for (const c of page.items) if (c.ClientName && c.ClientId) clientIds[c.ClientName] = c.ClientId;
    token = page.nextToken;
    if (token !== undefined) {
      if (seen.has(token)) throw new Error(`pagination token repeated: ${token}`);
      seen.add(token);
    }
  } while (token);
  const described = customDomain ? await port.describeUserPoolDomain(customDomain) : undefined;
  const target = described?.UserPoolId === userPoolId ? described.CloudFrontDistribution : undefined;
  return { userPoolId, clientIds, ...(target ? { customDomainCloudFrontTarget: target } : {}) };
}
