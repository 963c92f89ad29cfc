/**
 * Test-only: an SDK client for moto that works around one moto bug so the tests exercise our logic.
 *
 * moto 5.2's UpdateUserPool rebuilds the pool's configuration from its defaults plus the request, so it
 * forgets the create-only members (`UsernameAttributes`, `AliasAttributes`, `UsernameConfiguration`),
 * which AWS keeps: they are not members of UpdateUserPoolRequest at all and cannot change after creation
 * (https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_UpdateUserPool.html). The SDK never sends them in UpdateUserPool, so a middleware adds the pool's
 * current values back into the request body on the way to moto. Nothing else is changed.
 */
import {
  CognitoIdentityProviderClient,
  type CognitoIdentityProviderClientConfig,
  DescribeUserPoolCommand,
} from "@aws-sdk/client-cognito-identity-provider";

import { afterAll, beforeAll } from "vitest";

import { type CognitoConnectionOptions, createSdkPort, type SdkPort } from "@/lib/cognito/aws/sdk-port";
import { startMoto, type MotoServer } from "./moto";

const CREATE_ONLY = ["UsernameAttributes", "AliasAttributes", "UsernameConfiguration"] as const;

export function createMotoClient(config: CognitoIdentityProviderClientConfig): CognitoIdentityProviderClient {
  const client = new CognitoIdentityProviderClient(config);
  const describer = new CognitoIdentityProviderClient(config);
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const request = args.request as { body?: unknown; headers?: Record<string, string> };
      if (context.commandName === "UpdateUserPoolCommand" && (typeof request.body === "string" || request.body instanceof Uint8Array)) {
        const text = typeof request.body === "string" ? request.body : new TextDecoder().decode(request.body);
        const body = JSON.parse(text) as Record<string, unknown>;
        const pool = (await describer.send(new DescribeUserPoolCommand({ UserPoolId: String(body.UserPoolId) }))).UserPool ?? {};
        for (const member of CREATE_ONLY) if (pool[member] !== undefined) body[member] = pool[member];
        const patched = JSON.stringify(body);
        request.body = patched;
        if (request.headers) request.headers["content-length"] = String(Buffer.byteLength(patched));
      }
      return next(args);
    },
    { step: "build", name: "motoKeepsCreateOnlyMembers" },
  );
  return client;
}

/**
 * What a moto-backed test needs: the connection (moto's dummy credentials), the studio's port on it
 * (client-side quotas off: moto has none) and a plain SDK client to check the result with.
 */
export function motoCognito(endpoint: string, region: string): { connection: CognitoConnectionOptions & { endpoint: string }; port: SdkPort; sdk: CognitoIdentityProviderClient } {
  const connection = { region, endpoint, credentials: { accessKeyId: "testing", secretAccessKey: "testing" } };
  return { connection, port: createSdkPort(createMotoClient(connection), { rateLimit: "off" }), sdk: new CognitoIdentityProviderClient(connection) };
}

/** What {@link useMotoCognito} hands a test file: filled in before its first test runs. */
export interface MotoCognito {
  readonly endpoint: string;
  readonly connection: CognitoConnectionOptions & { endpoint: string };
  readonly port: SdkPort;
  readonly sdk: CognitoIdentityProviderClient;
}

/**
 * Starts one moto server for the test file (beforeAll) and stops it after its last test (afterAll); the
 * result's members are the server's endpoint, connection, studio port and plain SDK client. Read them in
 * tests and hooks, not at the top level of the file: they exist once beforeAll has run.
 */
export function useMotoCognito(region: string): MotoCognito {
  let server: MotoServer | undefined;
  let cognito: ReturnType<typeof motoCognito> | undefined;
  const started = () => {
    if (!cognito || !server) throw new Error("useMotoCognito: moto is not started yet (read its members inside a test or hook)");
    return { server, cognito };
  };
  beforeAll(async () => {
    server = await startMoto();
    cognito = motoCognito(server.endpoint, region);
  });
  afterAll(async () => {
    await server?.stop();
  });
  return {
    get endpoint() {
      return started().server.endpoint;
    },
    get connection() {
      return started().cognito.connection;
    },
    get port() {
      return started().cognito.port;
    },
    get sdk() {
      return started().cognito.sdk;
    },
  };
}
