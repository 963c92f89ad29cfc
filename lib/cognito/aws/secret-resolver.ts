/**
 * Resolves a provider's `secretRef` to its value at apply time, on the server that applies (never in a
 * browser, never stored): an environment variable of the process, a Secrets Manager secret (optionally one
 * key of a JSON secret) or an SSM SecureString parameter. The value goes straight into the Cognito request.
 * Errors name the reference and never contain a secret.
 *
 * Which names may be read (a reference is written by an editor, the value is read with the server's rights):
 * - env: only variables starting with `IDP_SECRET_` (ENV_SECRET_PREFIX), so the server's own settings and
 *   credentials (AWS_SECRET_ACCESS_KEY, AUTH_SECRET, DATABASE_URL…) can never be sent to an identity provider;
 * - Secrets Manager / SSM: only names (or the name part of an ARN) starting with `STUDIO_SECRET_NAME_PREFIX`,
 *   `studio/idp/` unless the deployment sets another; `*` (set on purpose) allows any name. An empty value
 *   keeps the default: a variable templated from nothing must not open every secret the server can read.
 * The spec rule (rules/identity-providers.ts) says the env rule to the editor; the checks here are the ones
 * nothing can bypass (an old document, a CLI apply, a document saved before the rule).
 */
import { GetSecretValueCommand, SecretsManagerClient } from "@aws-sdk/client-secrets-manager";
import { GetParameterCommand, SSMClient } from "@aws-sdk/client-ssm";
import { ENV_SECRET_PREFIX, type SecretRef } from "../spec/identity-provider-schema";
import { type CognitoConnectionOptions, credentialsFor, sdkRequestHandler } from "./sdk-port";

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
    if (!ref.name.startsWith(ENV_SECRET_PREFIX))
      throw new SecretResolutionError(`refusing to read environment variable ${ref.name}: provider secrets are read only from variables starting with ${ENV_SECRET_PREFIX}`);
    const value = env[ref.name];
    if (value === undefined || value === "") throw new SecretResolutionError(`environment variable ${ref.name} is not set on the server that applies`);
    return value;
  };
}

/** The environment variable that limits which Secrets Manager / SSM names a reference may read. */
export const SECRET_NAME_PREFIX_ENV = "STUDIO_SECRET_NAME_PREFIX";
/** The prefix when the deployment sets none: secrets made for identity providers, by name. */
export const DEFAULT_SECRET_NAME_PREFIX = "studio/idp/";

/** The prefix names must start with, or undefined when the deployment allows any name (`*`). */
export function secretNamePrefix(env: Readonly<Record<string, string | undefined>> = process.env): string | undefined {
  const raw = env[SECRET_NAME_PREFIX_ENV]?.trim();
  if (raw === "*") return undefined;
  return raw ? raw : DEFAULT_SECRET_NAME_PREFIX;
}

/**
 * The name a reference reads: the name itself, or the name part of an ARN (Secrets Manager
 * `arn:…:secret:NAME-AbCdEf`; SSM `arn:…:parameter/NAME`, where a hierarchical name's leading slash is not in the ARN).
 */
export function referencedName(ref: SecretRef): string {
  if (!ref.name.startsWith("arn:")) return ref.name;
  if (ref.source === "secretsManager") {
    const at = ref.name.indexOf(":secret:");
    return at === -1 ? ref.name : ref.name.slice(at + ":secret:".length);
  }
  const at = ref.name.indexOf(":parameter/");
  if (at === -1) return ref.name;
  const rest = ref.name.slice(at + ":parameter/".length);
  return rest.includes("/") ? `/${rest}` : rest;
}

/**
 * The secret as JSON, or undefined. JSON.parse's own error message quotes the text it could not read (the
 * secret's first characters), so it must never reach an error that is stored, streamed or logged.
 */
function parseSecretJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/**
 * Every source: env, and Secrets Manager / SSM in the target's Region and account, with the target's
 * credentials (its role when it has one; moto's endpoint in tests).
 */
export function createSecretResolver(connection: CognitoConnectionOptions, env: Readonly<Record<string, string | undefined>> = process.env): SecretResolver {
  const fromEnv = environmentSecretResolver(env);
  const config = { region: connection.region, ...(connection.endpoint ? { endpoint: connection.endpoint } : {}), ...credentialsFor(connection), ...sdkRequestHandler(connection), maxAttempts: 3 };
  let secrets: SecretsManagerClient | undefined;
  let ssm: SSMClient | undefined;
  const namePrefix = secretNamePrefix(env);
  return async (ref) => {
    if (ref.source === "env") return fromEnv(ref);
    if (namePrefix !== undefined && !referencedName(ref).startsWith(namePrefix))
      throw new SecretResolutionError(
        `refusing to read ${describe(ref)}: ${SECRET_NAME_PREFIX_ENV} allows only names starting with ${namePrefix}${env[SECRET_NAME_PREFIX_ENV]?.trim() ? "" : " (the default)"}; rename the secret, or have the operator change ${SECRET_NAME_PREFIX_ENV}`,
      );
    try {
      if (ref.source === "secretsManager") {
        secrets ??= new SecretsManagerClient(config);
        const out = await secrets.send(new GetSecretValueCommand({ SecretId: ref.name }));
        const text = out.SecretString;
        if (text === undefined) throw new SecretResolutionError(`${describe(ref)} has no SecretString`);
        if (ref.jsonKey === undefined) return text;
        const parsed = parseSecretJson(text);
        if (parsed === undefined)
          throw new SecretResolutionError(`${describe(ref)}: the secret is not a JSON object, so it has no key ${ref.jsonKey}; remove jsonKey to use the whole secret, or store it as JSON`);
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
