/**
 * Resolves a provider's `secretRef` to its value at apply time, on the server that applies (never in a
 * browser, never stored): an environment variable of the process, a Secrets Manager secret (optionally one
 * key of a JSON secret) or an SSM SecureString parameter. The value goes straight into the Cognito request.
 * Errors name the reference and never contain a secret.
 */
import { GetSecretValueCommand, SecretsManagerClient } from "@aws-sdk/client-secrets-manager";
import { GetParameterCommand, SSMClient } from "@aws-sdk/client-ssm";
import type { SecretRef } from "../spec/identity-provider-schema";
import { type CognitoConnectionOptions, credentialsFor } from "./sdk-port";

export type SecretResolver = (ref: SecretRef) => Promise<string>;

export class SecretResolutionError extends Error {
  override name = "SecretResolutionError";
}

function describe(ref: SecretRef): string {
  return `${ref.source} "${ref.name}"${ref.jsonKey ? ` (key ${ref.jsonKey})` : ""}`;
}

/** Environment variables only (what a pipeline or `cognito-studio apply` usually has). */
export function environmentSecretResolver(env: Readonly<Record<string, string | undefined>> = process.env): SecretResolver {
  return async (ref) => {
    if (ref.source !== "env") throw new SecretResolutionError(`cannot read ${describe(ref)}: this apply resolves environment variables only`);
    const value = env[ref.name];
    if (value === undefined || value === "") throw new SecretResolutionError(`environment variable ${ref.name} is not set on the server that applies`);
    return value;
  };
}

/**
 * Every source: env, and Secrets Manager / SSM in the target's Region and account, with the target's
 * credentials (its role when it has one; moto's endpoint in tests).
 */
export function createSecretResolver(connection: CognitoConnectionOptions, env: Readonly<Record<string, string | undefined>> = process.env): SecretResolver {
  const fromEnv = environmentSecretResolver(env);
  const config = { region: connection.region, ...(connection.endpoint ? { endpoint: connection.endpoint } : {}), ...credentialsFor(connection) };
  let secrets: SecretsManagerClient | undefined;
  let ssm: SSMClient | undefined;
  return async (ref) => {
    if (ref.source === "env") return fromEnv(ref);
    try {
      if (ref.source === "secretsManager") {
        secrets ??= new SecretsManagerClient(config);
        const out = await secrets.send(new GetSecretValueCommand({ SecretId: ref.name }));
        const text = out.SecretString;
        if (text === undefined) throw new SecretResolutionError(`${describe(ref)} has no SecretString`);
        if (ref.jsonKey === undefined) return text;
        const parsed: unknown = JSON.parse(text);
        const value = parsed !== null && typeof parsed === "object" ? (parsed as Record<string, unknown>)[ref.jsonKey] : undefined;
        if (typeof value !== "string") throw new SecretResolutionError(`${describe(ref)}: the secret has no string key ${ref.jsonKey}`);
        return value;
      }
      ssm ??= new SSMClient(config);
      const out = await ssm.send(new GetParameterCommand({ Name: ref.name, WithDecryption: true }));
      const value = out.Parameter?.Value;
      if (value === undefined) throw new SecretResolutionError(`${describe(ref)} has no value`);
      return value;
    } catch (cause) {
      if (cause instanceof SecretResolutionError) throw cause;
      // The AWS error's code and message name the secret, not its value.
      const code = cause instanceof Error ? cause.name : "Error";
      throw new SecretResolutionError(`cannot read ${describe(ref)}: ${code}${cause instanceof Error && cause.message ? `: ${cause.message}` : ""}`);
    }
  };
}
