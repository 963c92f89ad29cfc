/**
 * Request-rate quotas of the operations the studio calls, as data (the "API request rate quotas" of
 * https://docs.aws.amazon.com/cognito/latest/developerguide/quotas.html: the categories a
 * pool/client/resource-server/domain apply engine hits). All categories here are not adjustable.
 * `perPool` is footnote 3: "Any individual operation in this category has a constraint that prevents the
 * operation from being called at a rate higher than 5 RPS for a single user pool."
 */
export type QuotaCategory =
  | "UserPoolRead"
  | "UserPoolUpdate"
  | "UserPoolClientRead"
  | "UserPoolClientUpdate"
  | "UserPoolResourceRead"
  | "UserPoolResourceUpdate";

export interface CategoryQuota {
  /** Requests per second for one account in one Region, summed over all pools. */
  account: number;
  /** Requests per second per operation for one user pool, when the category has that limit. */
  perPool?: number;
}

export const CATEGORY_QUOTAS: Readonly<Record<QuotaCategory, CategoryQuota>> = {
  UserPoolRead: { account: 15 },
  UserPoolUpdate: { account: 15 },
  UserPoolClientRead: { account: 15, perPool: 5 },
  UserPoolClientUpdate: { account: 15, perPool: 5 },
  UserPoolResourceRead: { account: 20, perPool: 5 },
  UserPoolResourceUpdate: { account: 15, perPool: 5 },
};

/** The operations of the port and the quota category the quotas page lists each in. */
export const OPERATION_CATEGORIES = {
  DescribeUserPool: "UserPoolRead",
  ListUserPools: "UserPoolRead",
  CreateUserPool: "UserPoolUpdate",
  UpdateUserPool: "UserPoolUpdate",
  DeleteUserPool: "UserPoolUpdate",
  DescribeUserPoolClient: "UserPoolClientRead",
  ListUserPoolClients: "UserPoolClientRead",
  CreateUserPoolClient: "UserPoolClientUpdate",
  UpdateUserPoolClient: "UserPoolClientUpdate",
  DeleteUserPoolClient: "UserPoolClientUpdate",
  GetUserPoolMfaConfig: "UserPoolResourceRead",
  ListResourceServers: "UserPoolResourceRead",
  DescribeUserPoolDomain: "UserPoolResourceRead",
  AddCustomAttributes: "UserPoolResourceUpdate",
  SetUserPoolMfaConfig: "UserPoolResourceUpdate",
  CreateResourceServer: "UserPoolResourceUpdate",
  UpdateResourceServer: "UserPoolResourceUpdate",
  DeleteResourceServer: "UserPoolResourceUpdate",
  CreateUserPoolDomain: "UserPoolResourceUpdate",
  UpdateUserPoolDomain: "UserPoolResourceUpdate",
  DeleteUserPoolDomain: "UserPoolResourceUpdate",
  ListGroups: "UserPoolResourceRead",
  ListIdentityProviders: "UserPoolResourceRead",
  DescribeIdentityProvider: "UserPoolResourceRead",
  CreateGroup: "UserPoolResourceUpdate",
  UpdateGroup: "UserPoolResourceUpdate",
  DeleteGroup: "UserPoolResourceUpdate",
  CreateIdentityProvider: "UserPoolResourceUpdate",
  UpdateIdentityProvider: "UserPoolResourceUpdate",
  DeleteIdentityProvider: "UserPoolResourceUpdate",
  DescribeRiskConfiguration: "UserPoolResourceRead",
  SetRiskConfiguration: "UserPoolResourceUpdate",
  // Not listed on the quotas page: counted with the pool's other settings, the stricter guess.
  GetLogDeliveryConfiguration: "UserPoolResourceRead",
  SetLogDeliveryConfiguration: "UserPoolResourceUpdate",
  // Terms documents: counted with the pool's other resources (the quotas page lists them as resource
  // operations of managed login).
  ListTerms: "UserPoolResourceRead",
  DescribeTerms: "UserPoolResourceRead",
  CreateTerms: "UserPoolResourceUpdate",
  UpdateTerms: "UserPoolResourceUpdate",
  DeleteTerms: "UserPoolResourceUpdate",
  DescribeManagedLoginBrandingByClient: "UserPoolResourceRead",
  CreateManagedLoginBranding: "UserPoolResourceUpdate",
  UpdateManagedLoginBranding: "UserPoolResourceUpdate",
  DeleteManagedLoginBranding: "UserPoolResourceUpdate",
  GetUICustomization: "UserPoolResourceRead",
  SetUICustomization: "UserPoolResourceUpdate",
} as const satisfies Record<string, QuotaCategory>;

export type CognitoOperation = keyof typeof OPERATION_CATEGORIES;

/**
 * The least time, in seconds, that `calls` would take on AWS under these quotas if nothing else in the
 * account used them: per operation per pool at `perPool` RPS, and per category at `account` RPS.
 * (n calls at r RPS need (n - 1) / r seconds when the first goes out at once.)
 */
export function quotaFloorSeconds(calls: Partial<Record<CognitoOperation, number>>, pools = 1): number {
  let floor = 0;
  const perCategory = new Map<QuotaCategory, number>();
  for (const [operation, count] of Object.entries(calls) as [CognitoOperation, number][]) {
    if (!count) continue;
    const category = OPERATION_CATEGORIES[operation];
    perCategory.set(category, (perCategory.get(category) ?? 0) + count);
    const perPool = CATEGORY_QUOTAS[category].perPool;
    if (perPool) floor = Math.max(floor, (Math.ceil(count / pools) - 1) / perPool);
  }
  for (const [category, count] of perCategory) floor = Math.max(floor, (count - 1) / CATEGORY_QUOTAS[category].account);
  return floor;
}
