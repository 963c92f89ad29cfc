/**
 * The client secret operations of a confidential app client: [M AddUserPoolClientSecret] "Supports up to
 * 2 active secrets per app client for zero-downtime credential rotation workflows";
 * [M ListUserPoolClientSecrets] "the response never reveals the actual secret value";
 * [M DeleteUserPoolClientSecret] "You cannot delete the last remaining secret for an app client."
 * (A confidential client can have up to 2 secrets: https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_AddUserPoolClientSecret.html.)
 */

/** A secret as List describes it: never its value. */
export interface ClientSecretInfo {
  id: string;
  createdAt?: Date;
}

/** A secret just added: the only time its value exists outside Cognito. */
export interface NewClientSecret extends ClientSecretInfo {
  value: string;
}

export interface ClientSecretPort {
  listClientSecrets(userPoolId: string, clientId: string): Promise<ClientSecretInfo[]>;
  addClientSecret(userPoolId: string, clientId: string): Promise<NewClientSecret>;
  deleteClientSecret(userPoolId: string, clientId: string, secretId: string): Promise<void>;
}
