import { createServer, type Server, type Socket } from "node:net";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { createSdkPreflightPort } from "../preflight";
import { createCognitoClient, createSdkPort, SDK_TIMEOUTS } from "./sdk-port";

// The real SDK against a local TCP server that accepts connections and never answers: without a request
// timeout the SDK would wait for ever (an apply hangs while it holds its lock).
let server: Server;
let endpoint: string;
const sockets = new Set<Socket>();

beforeAll(async () => {
  server = createServer((socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  endpoint = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;
});

afterAll(async () => {
  for (const socket of sockets) socket.destroy();
  await new Promise((resolve) => server.close(resolve));
});

const credentials = { accessKeyId: "testing", secretAccessKey: "testing" };

describe("SDK timeouts", () => {
  test("every Cognito client gets a connection and request timeout that fails the attempt (60 s / 10 s by default)", async () => {
    const client = createCognitoClient({ region: "eu-west-1", credentials });
    const handler = client.config.requestHandler as unknown as { configProvider: Promise<Record<string, unknown>> };
    expect(await handler.configProvider).toMatchObject({ requestTimeout: 60_000, connectionTimeout: 10_000, throwOnRequestTimeout: true });
    expect(SDK_TIMEOUTS).toEqual({ connectionTimeoutMs: 10_000, requestTimeoutMs: 60_000 });
  });

  test("a Cognito call to a server that never answers fails with TimeoutError instead of hanging", async () => {
    const port = createSdkPort({ region: "eu-west-1", endpoint, credentials, maxAttempts: 1, requestTimeoutMs: 300 }, { rateLimit: "off" });
    const started = Date.now();
    const error = await port.describeUserPool("eu-west-1_Hang").then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).name).toBe("TimeoutError");
    expect(Date.now() - started).toBeLessThan(4_000);
  }, 10_000);

  test("a preflight call to a server that never answers fails too (its clients share the timeouts)", async () => {
    const preflight = createSdkPreflightPort({ region: "eu-west-1", endpoint, credentials, maxAttempts: 1, requestTimeoutMs: 300 });
    const error = await preflight.describeCertificate("arn:aws:acm:us-east-1:123456789012:certificate/hang").then(
      () => undefined,
      (e: unknown) => e,
    );
    expect((error as Error).name).toBe("TimeoutError");
  }, 10_000);
});
