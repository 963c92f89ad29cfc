/**
 * The other side of the tokens: for each resource server, which app clients may get its scopes, and a snippet
 * an API uses to check an access token before serving a route: the signature against the pool's JWKS, `exp`,
 * the issuer, `token_use` = access, `client_id` among those clients, and the route's scope
 * (https://docs.aws.amazon.com/cognito/latest/developerguide/amazon-cognito-user-pools-using-tokens-verifying-a-jwt.html).
 * Node uses `aws-jwt-verify`, which AWS maintains (https://github.com/awslabs/aws-jwt-verify); other stacks get
 * the same checks with a JWKS client (Python's PyJWT here). Cognito access tokens carry no `aud`, so the client
 * id is checked in `client_id`.
 */
import { issuerUrlOf } from "../aws/read-live-pool";
import { appConnection, NoRegionError, PLACEHOLDER_POOL_ID, type LiveIds } from "../connect/app-connection";
import { effectiveClient } from "../spec/client-defaults";
import type { PoolDocument } from "../spec/document-schema";

export interface ApiVerification {
  resourceServer: string;
  identifier: string;
  /** Full scope names, `identifier/scope`. */
  scopes: string[];
  /** The app clients allowed one of the scopes, with their ids (placeholders before apply). */
  clients: { name: string; clientId: string }[];
  issuer: string;
  userPoolId: string;
  node: string;
  python: string;
}

const js = (value: string) => JSON.stringify(value);

function renderNode(v: Omit<ApiVerification, "node" | "python">): string {
  const scopeType = v.scopes.length ? v.scopes.map(js).join(" | ") : "string";
  return `// ${v.resourceServer} (${v.identifier}): check a Cognito access token before serving a route.
// npm install aws-jwt-verify
import { CognitoJwtVerifier } from "aws-jwt-verify";

// Checks the signature (the pool's JWKS, fetched and cached), exp, the issuer (this pool),
// token_use = "access" and client_id: only the app clients allowed this API's scopes.
const verifier = CognitoJwtVerifier.create({
  userPoolId: ${js(v.userPoolId)},
  tokenUse: "access",
  clientId: [${v.clients.map((c) => js(c.clientId)).join(", ")}],
});

/** In each route, with the scope it needs: await requireScope(req.headers.authorization, ${js(v.scopes[0] ?? "SCOPE")}). */
export async function requireScope(authorization: string | undefined, scope: ${scopeType}) {
  const token = authorization?.replace(/^Bearer /iu, "") ?? "";
  return verifier.verify(token, { scope }); // rejects (throws) when a check fails or the scope is missing
}
`;
}

function renderPython(v: Omit<ApiVerification, "node" | "python">): string {
  return `# ${v.resourceServer} (${v.identifier}): check a Cognito access token with any JWKS client.
# pip install "pyjwt[crypto]"
import jwt

ISSUER = ${js(v.issuer)}
CLIENT_IDS = {${v.clients.map((c) => js(c.clientId)).join(", ")}}
jwks = jwt.PyJWKClient(ISSUER + "/.well-known/jwks.json")

def require_scope(token: str, scope: str) -> dict:
    """In each route, with the scope it needs, e.g. require_scope(token, ${js(v.scopes[0] ?? "SCOPE")})."""
    key = jwks.get_signing_key_from_jwt(token).key
    # Signature, exp and iss; access tokens carry no aud, so client_id is checked below.
    claims = jwt.decode(token, key, algorithms=["RS256"], issuer=ISSUER, options={"require": ["exp", "iss", "client_id", "token_use"]})
    if claims["token_use"] != "access":
        raise PermissionError("not an access token")
    if claims["client_id"] not in CLIENT_IDS:
        raise PermissionError("a token of an app client this API does not accept")
    if scope not in claims.get("scope", "").split():
        raise PermissionError("the token lacks the scope " + scope)
    return claims
`;
}

/** One verification per resource server of the design; the Region as for {@link appConnection}. */
export function renderApiVerifications(document: PoolDocument, options: { region?: string; live?: LiveIds } = {}): ApiVerification[] {
  const spec = document.spec;
  const clients = spec.clients ?? [];
  const region = spec.region ?? options.region;
  if (!region) throw new NoRegionError("the design names no Region and no target gives one: link a target, or set the Region in the design");
  const userPoolId = options.live?.userPoolId ?? PLACEHOLDER_POOL_ID;
  return (spec.resourceServers ?? []).map((server) => {
    const scopes = (server.scopes ?? []).map((s) => `${server.identifier}/${s.name}`);
    const allowed = clients.filter((c) => (effectiveClient(spec, c).allowedOAuthScopes ?? []).some((s) => scopes.includes(s)));
    const connections = allowed.map((c) => appConnection(document, c.name, options.live, options.region));
    const base = {
      resourceServer: server.name,
      identifier: server.identifier,
      scopes,
      clients: connections.map((c) => ({ name: c.clientName, clientId: c.clientId })),
      issuer: issuerUrlOf(region, userPoolId),
      userPoolId,
    };
    return { ...base, node: renderNode(base), python: renderPython(base) };
  });
}
