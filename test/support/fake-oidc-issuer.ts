import { createHash, generateKeyPairSync, randomBytes, sign } from "node:crypto";
import { createServer, type Server } from "node:http";
import { freePort } from "./free-port";

/**
 * A minimal OpenID Connect issuer on 127.0.0.1 for tests: discovery, JWKS, userinfo and a token endpoint that
 * checks the client's secret and PKCE verifier and returns an RS256-signed ID token. There is no login
 * page: a test "signs the person in" with `issueCode`, using the state, nonce and code challenge from
 * the authorization URL the client sent the browser to.
 */
export interface FakeOidcIssuer {
  issuer: string;
  issueCode(input: { claims: Record<string, unknown>; nonce: string; codeChallenge: string; redirectUri: string }): string;
  /** Token requests received: what the client sent (never asserted on secrets beyond a match). */
  tokenRequests: { clientId: string; code: string; ok: boolean }[];
  stop(): Promise<void>;
}

const base64url = (data: Buffer | string) => Buffer.from(data).toString("base64url");

export async function startFakeOidcIssuer(client: { clientId: string; clientSecret: string }): Promise<FakeOidcIssuer> {
  const port = await freePort();
  const issuer = `http://127.0.0.1:${port}`;
  const { privateKey, publicKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const kid = "test-key";
  const codes = new Map<string, { claims: Record<string, unknown>; nonce: string; codeChallenge: string; redirectUri: string }>();
  const tokenRequests: FakeOidcIssuer["tokenRequests"] = [];
  const accessTokens = new Map<string, Record<string, unknown>>();

  function idToken(claims: Record<string, unknown>, nonce: string): string {
    const now = Math.floor(Date.now() / 1000);
    const header = base64url(JSON.stringify({ alg: "RS256", typ: "JWT", kid }));
    const payload = base64url(JSON.stringify({ iss: issuer, aud: client.clientId, iat: now, exp: now + 300, nonce, ...claims }));
    return `${header}.${payload}.${sign("sha256", Buffer.from(`${header}.${payload}`), privateKey).toString("base64url")}`;
  }

  const server: Server = createServer((request, response) => {
    const url = new URL(request.url ?? "/", issuer);
    const json = (status: number, body: unknown) => {
      response.writeHead(status, { "content-type": "application/json" });
      response.end(JSON.stringify(body));
    };
    if (url.pathname === "/.well-known/openid-configuration") {
      return json(200, {
        issuer,
        authorization_endpoint: `${issuer}/authorize`,
        token_endpoint: `${issuer}/token`,
        jwks_uri: `${issuer}/jwks`,
        userinfo_endpoint: `${issuer}/userinfo`,
        response_types_supported: ["code"],
        subject_types_supported: ["public"],
        id_token_signing_alg_values_supported: ["RS256"],
        code_challenge_methods_supported: ["S256"],
        token_endpoint_auth_methods_supported: ["client_secret_basic"],
      });
    }
    if (url.pathname === "/userinfo") {
      const claims = accessTokens.get((request.headers.authorization ?? "").replace(/^Bearer /u, ""));
      return claims ? json(200, claims) : json(401, { error: "invalid_token" });
    }
    if (url.pathname === "/jwks") return json(200, { keys: [{ ...publicKey.export({ format: "jwk" }), kid, alg: "RS256", use: "sig" }] });
    if (url.pathname === "/token" && request.method === "POST") {
      let body = "";
      request.on("data", (chunk: Buffer) => (body += chunk.toString()));
      request.on("end", () => {
        const form = new URLSearchParams(body);
        const [id, secret] = Buffer.from((request.headers.authorization ?? "").replace(/^Basic /u, ""), "base64")
          .toString()
          .split(":")
          .map((part) => decodeURIComponent(part));
        const code = form.get("code") ?? "";
        const grant = codes.get(code);
        const verifier = form.get("code_verifier") ?? "";
        const ok =
          id === client.clientId &&
          secret === client.clientSecret &&
          grant !== undefined &&
          form.get("redirect_uri") === grant.redirectUri &&
          createHash("sha256").update(verifier).digest("base64url") === grant.codeChallenge;
        tokenRequests.push({ clientId: id ?? "", code, ok });
        if (!ok || !grant) return json(400, { error: "invalid_grant" });
        codes.delete(code);
        const accessToken = base64url(randomBytes(24));
        accessTokens.set(accessToken, grant.claims);
        return json(200, { access_token: accessToken, token_type: "Bearer", expires_in: 300, id_token: idToken(grant.claims, grant.nonce) });
      });
      return;
    }
    json(404, { error: "not_found" });
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));

  return {
    issuer,
    tokenRequests,
    issueCode(input) {
      const code = base64url(randomBytes(16));
      codes.set(code, input);
      return code;
    },
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
