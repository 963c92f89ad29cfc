/**
 * The generated snippets checked against each library's own types or code, not against strings copied
 * from the generator: the TypeScript snippets are compiled (strict) against the installed next-auth,
 * aws-amplify and oidc-client-ts declarations; the environment file is parsed with dotenv and fed to
 * @auth/core's own setEnvDefaults, which must give the Cognito provider the client id and issuer.
 * A deliberately broken snippet must fail the same compile, so the check is known to bite.
 */
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { setEnvDefaults } from "@auth/core";
import { parse } from "dotenv";
import Cognito from "next-auth/providers/cognito";
import ts from "typescript";
import { afterAll, describe, expect, test } from "vitest";
import { maximalPoolOnMoto } from "@/test/support/pool-documents";
import { appConnection, type AppConnection } from "./app-connection";
import { renderConnectSnippet, renderConnectSnippets } from "./snippets";

// Inside node_modules so that the snippets resolve the project's packages, and outside the tsconfig's files.
const DIR = path.resolve("node_modules/.cache/connect-snippets");
afterAll(() => rmSync(DIR, { recursive: true, force: true }));

/** Compiles files with the strict options an application would use; returns the diagnostics as text. */
function compile(files: Record<string, string>): string[] {
  mkdirSync(DIR, { recursive: true });
  const paths = Object.entries(files).map(([name, text]) => {
    const file = path.join(DIR, name);
    writeFileSync(file, text);
    return file;
  });
  const program = ts.createProgram(paths, {
    strict: true,
    noEmit: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    lib: ["lib.es2022.d.ts", "lib.dom.d.ts"],
    types: ["node"],
    skipLibCheck: true,
    exactOptionalPropertyTypes: false,
  });
  return ts
    .getPreEmitDiagnostics(program)
    .filter((d) => d.file === undefined || paths.includes(path.resolve(d.file.fileName)))
    .map((d) => `${d.file ? path.basename(d.file.fileName) : ""}: ${ts.flattenDiagnosticMessageText(d.messageText, "\n")}`);
}

// The maximal pool plus a confidential web client ("backend": authorization code with a secret), the one kind of
// client it lacks.
const maximal = maximalPoolOnMoto("shop", "eu-west-1", "shop-auth");
const webSpa = maximal.spec.clients!.find((c) => c.name === "web-spa")!;
const doc = { ...maximal, spec: { ...maximal.spec, clients: [...maximal.spec.clients!, { ...webSpa, name: "backend", generateSecret: true }] } };
const live = { userPoolId: "eu-west-1_AbC123", clientIds: { "web-spa": "1example23456789webclient", backend: "2example23456789backend", "orders-worker": "3example23456789worker" } };
const cases: [string, AppConnection][] = [
  ["web, applied", appConnection(doc, "web-spa", live)],
  ["web, not applied", appConnection(doc, "web-spa")],
  ["backend (secret)", appConnection(doc, "backend", live)],
  ["worker (machine to machine)", appConnection(doc, "orders-worker", live)],
  ["web, custom domain", appConnection({ ...doc, spec: { ...doc.spec, domain: { domain: "auth.example.com", certificateArn: "arn:aws:acm:us-east-1:123456789012:certificate/abc" } } }, "web-spa", live)],
];

describe("TypeScript snippets compile against the libraries' own types", () => {
  test("every snippet of every case (applicable or not) compiles with no error", () => {
    const files: Record<string, string> = {};
    cases.forEach(([, connection], i) => {
      for (const snippet of renderConnectSnippets(connection)) {
        if (snippet.language === "typescript") files[`case${i}-${snippet.fileName}`] = snippet.text;
      }
    });
    // Three sign-in libraries per client that signs users in; the token request for the machine client.
    expect(Object.keys(files)).toHaveLength((cases.length - 1) * 3 + 1);
    expect(Object.keys(files).filter((f) => f.endsWith("token.ts"))).toHaveLength(1);
    expect(compile(files)).toEqual([]);
  }, 60_000);

  test("the check bites: a snippet with a misspelt setting or a wrong type does not compile", () => {
    const web = appConnection(doc, "web-spa", live);
    const oidc = renderConnectSnippet(web, "oidc-client-ts").text.replace("client_id:", "clientId:");
    const amplify = renderConnectSnippet(web, "amplify").text.replace('responseType: "code"', 'responseType: "id_token"');
    const nextAuth = renderConnectSnippet(web, "next-auth").text.replace('checks: ["pkce", "state"]', 'checks: ["pkce", "nonsense"]');
    const token = renderConnectSnippet(appConnection(doc, "orders-worker", live), "client-credentials").text.replace('method: "POST"', "method: 42");
    const errors = compile({ "bad-oidc.ts": oidc, "bad-amplify.ts": amplify, "bad-next-auth.ts": nextAuth, "bad-token.ts": token });
    expect(errors.some((e) => e.startsWith("bad-token.ts"))).toBe(true);
    expect(errors.some((e) => e.startsWith("bad-oidc.ts") && e.includes("clientId"))).toBe(true);
    expect(errors.some((e) => e.startsWith("bad-amplify.ts"))).toBe(true);
    expect(errors.some((e) => e.startsWith("bad-next-auth.ts"))).toBe(true);
  }, 60_000);
});

describe("the environment file, read by dotenv and next-auth's own setEnvDefaults", () => {
  test("of a machine client: the token endpoint, and nothing for next-auth", () => {
    const connection = appConnection(doc, "orders-worker", live);
    const env = parse(renderConnectSnippet(connection, "env").text);
    expect(env.COGNITO_TOKEN_URL).toBe(connection.domain?.token);
    expect(env.COGNITO_CLIENT_ID).toBe(connection.clientId);
    expect(Object.keys(env).filter((k) => k.startsWith("AUTH_") || k.includes("SECRET") || k.includes("AUTHORIZE"))).toEqual([]);
  });

  test.each(cases.filter(([name]) => !name.includes("machine")).map(([name, c]) => [name, c] as const))("%s", (_, connection) => {
    const env = parse(renderConnectSnippet(connection, "env").text);
    expect(env.COGNITO_USER_POOL_ID).toBe(connection.userPoolId);
    expect(env.COGNITO_CLIENT_ID).toBe(connection.clientId);
    const config = { providers: [Cognito] as Parameters<typeof setEnvDefaults>[1]["providers"] };
    setEnvDefaults(env, config);
    const provider = config.providers[0] as { id: string; clientId?: string; issuer?: string; clientSecret?: string };
    expect(provider.id).toBe("cognito");
    expect(provider.clientId).toBe(connection.clientId);
    expect(provider.issuer).toBe(connection.issuer);
    // No secret value is ever written: only a comment naming where it is kept.
    expect(provider.clientSecret).toBeUndefined();
    expect(Object.keys(env).some((k) => k.includes("SECRET"))).toBe(false);
  });
});
