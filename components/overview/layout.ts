/**
 * Layout of the pool overview picture, computed from the document alone (pure, deterministic, no React).
 *
 * Three columns inside the pool's box, then the outside world:
 *   resource servers (and the built-in OIDC scopes), then sign-in providers | app clients | callback hosts (outside the pool)
 * A sign-in provider has one edge to every client that offers it (`supportedIdentityProviders`).
 * The pool is a container node holding the first two columns and the domain (top right of the pool).
 * Scope edges are collapsed per (client, resource server): one edge carries every scope of that server the client
 * may ask for, so a 200-client pool stays readable (the picture just gets tall).
 */
import type { AppClientSpec, PoolDocument } from "@/lib/cognito/spec";
import { effectiveClients } from "@/lib/cognito/plan";

export type OverviewNodeKind = "pool" | "domain" | "resourceServer" | "oidcScopes" | "identityProvider" | "client" | "callbackHost";

export interface OverviewNode {
  id: string;
  kind: OverviewNodeKind;
  x: number;
  y: number;
  width: number;
  height: number;
  /** First line (bold). */
  label: string;
  /** Further lines of text, already cut to fit; `title` has everything. */
  lines: string[];
  /** Full accessible description (also the SVG <title>). */
  title: string;
  /** The pool contains other nodes; every other node is a leaf. */
  container?: boolean;
  /** Visual warnings (a public client with implicit flow, an http callback, …). */
  warn?: boolean;
}

export type OverviewEdgeKind = "scopes" | "provider" | "callback" | "logout" | "callback+logout" | "domain";

export interface OverviewEdge {
  id: string;
  kind: OverviewEdgeKind;
  from: string;
  to: string;
  /** Start and end points (from's right side to to's left side). */
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  /** Short visible label (may be cut); `title` has the whole. */
  label?: string;
  title: string;
  /** For `scopes` edges: the scope names (without the identifier prefix). */
  scopes?: string[];
}

/** A column heading ("App clients") drawn above its column. */
export interface OverviewHeading {
  x: number;
  y: number;
  text: string;
}

export interface OverviewLayout {
  /** The pool first (a container), then the other nodes; leaves never overlap. */
  nodes: OverviewNode[];
  edges: OverviewEdge[];
  headings: OverviewHeading[];
  width: number;
  height: number;
}

/**
 * The scopes every Cognito pool offers without a resource server (AllowedOAuthScopes,
 * https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_CreateUserPoolClient.html).
 */
export const STANDARD_SCOPES = ["openid", "email", "phone", "profile", "aws.cognito.signin.user.admin"] as const;

const PAD = 24;
const POOL_HEADER = 44;
const COLUMN_HEADER = 28;
const GAP_Y = 14;
const RS_WIDTH = 250;
const CLIENT_WIDTH = 250;
const HOST_WIDTH = 360;
/** Room for the edges between columns. */
const GAP_X = 150;
const LINE = 16;
const RS_MAX_SCOPE_LINES = 6;
/** Height of a node with a label and `lines` lines of text: the label's baseline is 20 below the top, 8 of padding below the last line. */
const nodeHeight = (lines: number) => 28 + LINE * lines;
const CLIENT_HEIGHT = nodeHeight(3);
const HOST_HEIGHT = nodeHeight(1);
const DOMAIN_HEIGHT = nodeHeight(2);
/** Approximate width of a 12px sans-serif character, to cut text that would not fit. */
const CHAR_WIDTH = 6.6;

export const OVERVIEW_COLUMNS = {
  resourceServers: { x: PAD * 2, width: RS_WIDTH, title: "Resource servers" },
  identityProviders: { x: PAD * 2, width: RS_WIDTH, title: "Sign-in providers" },
  clients: { x: PAD * 2 + RS_WIDTH + GAP_X, width: CLIENT_WIDTH, title: "App clients" },
  hosts: { x: PAD * 3 + RS_WIDTH + GAP_X + CLIENT_WIDTH + GAP_X, width: HOST_WIDTH, title: "Callback hosts" },
} as const;

/** Cuts `text` to what fits in `width` pixels, with an ellipsis. */
export function fitText(text: string, width: number): string {
  const max = Math.max(1, Math.floor((width - 20) / CHAR_WIDTH));
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/**
 * The host a redirect URL sends the browser to: the origin for http(s) (`https://app.example.com`,
 * `http://localhost:3000`), `scheme://host` for an app's custom scheme (`myapp://callback`).
 */
export function callbackHost(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.protocol === "http:" || parsed.protocol === "https:") return parsed.origin;
    return `${parsed.protocol}//${parsed.host}`;
  } catch {
    return url;
  }
}

function flowsLine(client: AppClientSpec): string {
  const flows = client.allowedOAuthFlows ?? [];
  if (flows.length === 0) return "no OAuth flows";
  // Unless allowedOAuthFlowsUserPoolClient is true (AWS default: false) the listed flows cannot be used
  // (AllowedOAuthFlowsUserPoolClient, https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_CreateUserPoolClient.html).
  return `OAuth: ${flows.join(", ")}${client.allowedOAuthFlowsUserPoolClient === true ? "" : " (OAuth off)"}`;
}

function kindLine(client: AppClientSpec): string {
  const kind = client.generateSecret ? "confidential (secret)" : "public (no secret)";
  const auth = client.explicitAuthFlows?.length ? ` · ${client.explicitAuthFlows.length} auth flow${client.explicitAuthFlows.length === 1 ? "" : "s"}` : "";
  return `${kind}${auth}`;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

/** Lays out the overview picture of `doc`. Never throws on a schema-valid document; unknown scopes are listed on the client. */
export function layoutOverview(doc: PoolDocument): OverviewLayout {
  const spec = doc.spec;
  const clients = effectiveClients(doc) ?? [];
  const servers = spec.resourceServers ?? [];
  const nodes: OverviewNode[] = [];
  const edges: OverviewEdge[] = [];
  const cols = OVERVIEW_COLUMNS;
  const top = PAD + POOL_HEADER + COLUMN_HEADER;

  // Scopes each client asks for, grouped by resource server (longest identifier first wins: identifiers may nest).
  const byLength = [...servers].sort((a, b) => b.identifier.length - a.identifier.length);
  const standard = new Set<string>(STANDARD_SCOPES);
  type ClientScopes = { perServer: Map<string, string[]>; standard: string[]; unknown: string[] };
  const scopesOf = clients.map((client): ClientScopes => {
    const result: ClientScopes = { perServer: new Map(), standard: [], unknown: [] };
    for (const scope of client.allowedOAuthScopes ?? []) {
      if (standard.has(scope)) {
        result.standard.push(scope);
        continue;
      }
      const server = byLength.find((s) => scope.startsWith(`${s.identifier}/`));
      const name = server ? scope.slice(server.identifier.length + 1) : undefined;
      if (!server || name === undefined || !(server.scopes ?? []).some((s) => s.name === name)) {
        result.unknown.push(scope);
        continue;
      }
      const list = result.perServer.get(server.identifier) ?? [];
      list.push(name);
      result.perServer.set(server.identifier, list);
    }
    return result;
  });

  // Column 1: the built-in OIDC scopes (when any client uses them), then each resource server.
  let y = top;
  const usedStandard = STANDARD_SCOPES.filter((s) => scopesOf.some((c) => c.standard.includes(s)));
  if (usedStandard.length > 0) {
    const height = nodeHeight(usedStandard.length);
    nodes.push({
      id: "oidc",
      kind: "oidcScopes",
      x: cols.resourceServers.x,
      y,
      width: RS_WIDTH,
      height,
      label: "Built-in scopes",
      lines: usedStandard.map((s) => fitText(`• ${s}`, RS_WIDTH)),
      title: `Built-in OpenID Connect scopes in use: ${usedStandard.join(", ")}`,
    });
    y += height + GAP_Y;
  }
  servers.forEach((server, i) => {
    const scopes = (server.scopes ?? []).map((s) => s.name);
    const shown = scopes.length > RS_MAX_SCOPE_LINES ? scopes.slice(0, RS_MAX_SCOPE_LINES - 1) : scopes;
    const lines = [fitText(server.identifier, RS_WIDTH), ...shown.map((s) => fitText(`• ${s}`, RS_WIDTH))];
    if (shown.length < scopes.length) lines.push(`+ ${scopes.length - shown.length} more scopes`);
    if (scopes.length === 0) lines.push("no scopes");
    const height = nodeHeight(lines.length);
    nodes.push({
      id: `rs:${i}`,
      kind: "resourceServer",
      x: cols.resourceServers.x,
      y,
      width: RS_WIDTH,
      height,
      label: fitText(server.name, RS_WIDTH),
      lines,
      title: `Resource server ${server.name} (${server.identifier}) with ${plural(scopes.length, "scope")}${scopes.length ? `: ${scopes.join(", ")}` : ""}`,
    });
    y += height + GAP_Y;
  });
  // Sign-in providers under the resource servers, with their own heading.
  const providers = spec.identityProviders ?? [];
  const providersTop = providers.length > 0 ? y + (servers.length > 0 || usedStandard.length > 0 ? COLUMN_HEADER : 0) : y;
  if (providers.length > 0) y = providersTop;
  const providerNodes = providers.map((provider, i) => {
    const offeredBy = clients.filter((c) => (c.supportedIdentityProviders ?? []).includes(provider.providerName)).map((c) => c.name);
    const node: OverviewNode = {
      id: `idp:${i}`,
      kind: "identityProvider",
      x: cols.identityProviders.x,
      y,
      width: RS_WIDTH,
      height: nodeHeight(2),
      label: fitText(provider.providerName, RS_WIDTH),
      lines: [fitText(provider.providerType, RS_WIDTH), fitText(offeredBy.length ? `offered by ${plural(offeredBy.length, "client")}` : "offered by no client", RS_WIDTH)],
      title: `Sign-in provider ${provider.providerName} (${provider.providerType}), offered by ${offeredBy.length ? offeredBy.join(", ") : "no client"}`,
      warn: offeredBy.length === 0,
    };
    nodes.push(node);
    y += node.height + GAP_Y;
    return node;
  });
  const leftBottom = y;

  // Column 2: the clients, in document order.
  y = top;
  const clientNodes = clients.map((client, i) => {
    const sc = scopesOf[i];
    const implicitPublic = (client.allowedOAuthFlows ?? []).includes("implicit");
    const lines = [fitText(flowsLine(client), CLIENT_WIDTH), fitText(kindLine(client), CLIENT_WIDTH)];
    if (sc.unknown.length > 0) lines.push(fitText(`unknown scopes: ${sc.unknown.join(", ")}`, CLIENT_WIDTH));
    else lines.push(fitText(`${plural((client.callbackUrls ?? []).length, "callback URL")}`, CLIENT_WIDTH));
    const allScopes = client.allowedOAuthScopes ?? [];
    const node: OverviewNode = {
      id: `client:${i}`,
      kind: "client",
      x: cols.clients.x,
      y,
      width: CLIENT_WIDTH,
      height: CLIENT_HEIGHT,
      label: fitText(client.name, CLIENT_WIDTH),
      lines,
      title: [
        `App client ${client.name}`,
        flowsLine(client),
        kindLine(client),
        allScopes.length ? `scopes: ${allScopes.join(", ")}` : "no scopes",
        sc.unknown.length ? `scopes not defined by any resource server: ${sc.unknown.join(", ")}` : "",
        (client.callbackUrls ?? []).length ? `callback URLs: ${(client.callbackUrls ?? []).join(", ")}` : "",
      ]
        .filter(Boolean)
        .join("; "),
      warn: implicitPublic || sc.unknown.length > 0,
    };
    y += CLIENT_HEIGHT + GAP_Y;
    return node;
  });
  nodes.push(...clientNodes);
  const middleBottom = y;

  // Pool box and domain (the domain sits at the top of the pool, above the client column's header area).
  const poolBottom = Math.max(leftBottom, middleBottom, top + GAP_Y) + PAD / 2 - GAP_Y;
  // The pool's right side is PAD beyond the client column; it starts at x = PAD.
  const poolWidth = cols.clients.x + CLIENT_WIDTH;
  const pool: OverviewNode = {
    id: "pool",
    kind: "pool",
    x: PAD,
    y: PAD,
    width: poolWidth,
    height: poolBottom - PAD + PAD / 2,
    label: `User pool ${doc.metadata.name}`,
    lines: [
      `${spec.region ?? "no Region (the target's)"} · ${plural(clients.length, "app client")} · ${plural(servers.length, "resource server")}${spec.mfaConfiguration ? ` · MFA ${spec.mfaConfiguration}` : ""}`,
    ],
    title: `User pool ${doc.metadata.name} in ${spec.region ?? "its target's Region"} with ${plural(clients.length, "app client")} and ${plural(servers.length, "resource server")}`,
    container: true,
  };
  nodes.unshift(pool);

  // Column 3: callback hosts outside the pool, in order of first use (fewer crossings than sorting by name).
  const hostIds = new Map<string, string>();
  const hostUse = new Map<string, { callback: boolean; logout: boolean }[]>();
  const hostEdges: { client: number; host: string; callback: boolean; logout: boolean }[] = [];
  clients.forEach((client, i) => {
    const perHost = new Map<string, { callback: boolean; logout: boolean }>();
    for (const url of client.callbackUrls ?? []) perHost.set(callbackHost(url), { ...(perHost.get(callbackHost(url)) ?? { callback: false, logout: false }), callback: true });
    for (const url of client.logoutUrls ?? []) perHost.set(callbackHost(url), { ...(perHost.get(callbackHost(url)) ?? { callback: false, logout: false }), logout: true });
    for (const [host, use] of perHost) {
      if (!hostIds.has(host)) hostIds.set(host, `host:${hostIds.size}`);
      hostUse.set(host, [...(hostUse.get(host) ?? []), use]);
      hostEdges.push({ client: i, host, ...use });
    }
  });
  y = top;
  // The pool's domains (a prefix domain and a custom domain beside it): its public face, drawn beside the pool's
  // header at the top of the outside column, one under the other.
  let domainTop = PAD;
  for (const [slot, id] of [["domain", "domain"], ["customDomain", "custom-domain"]] as const) {
    const d = spec[slot];
    if (!d) continue;
    const custom = d.domain.includes(".");
    const fqdn = custom ? d.domain : `${d.domain}.auth.${spec.region ?? "REGION"}.amazoncognito.com`;
    const domainNode: OverviewNode = {
      id,
      kind: "domain",
      x: cols.hosts.x,
      y: domainTop,
      width: HOST_WIDTH,
      height: DOMAIN_HEIGHT,
      label: custom ? "Custom domain" : "Cognito domain",
      lines: [fitText(fqdn, HOST_WIDTH), d.managedLoginVersion === 2 ? "managed login" : d.managedLoginVersion === 1 ? "hosted UI (classic)" : "hosted sign-in pages"],
      title: `${custom ? "Custom domain" : "Domain"} https://${fqdn} serving the hosted sign-in pages${custom ? " (DNS: a CNAME or alias record to its CloudFront distribution)" : ""}`,
    };
    domainTop = domainNode.y + domainNode.height + GAP_Y;
    y = Math.max(top, domainTop + COLUMN_HEADER);
    nodes.push(domainNode);
    edges.push({
      id: `edge:pool-${id}`,
      kind: "domain",
      from: "pool",
      to: id,
      x1: pool.x + pool.width,
      y1: domainNode.y + domainNode.height / 2,
      x2: domainNode.x,
      y2: domainNode.y + domainNode.height / 2,
      title: `User pool ${doc.metadata.name} serves its sign-in pages at https://${fqdn}`,
    });
  }
  const hostsTop = y;
  const hostNodes = new Map<string, OverviewNode>();
  for (const [host, id] of hostIds) {
    const uses = hostUse.get(host) ?? [];
    const insecure = host.startsWith("http://") && !/^http:\/\/(localhost|127\.0\.0\.1)(:|$)/u.test(host);
    const node: OverviewNode = {
      id,
      kind: "callbackHost",
      x: cols.hosts.x,
      y,
      width: HOST_WIDTH,
      height: HOST_HEIGHT,
      label: fitText(host, HOST_WIDTH),
      lines: [plural(uses.length, "client")],
      title: `Redirect host ${host}, used by ${plural(uses.length, "client")}${insecure ? " (plain http outside localhost)" : ""}`,
      warn: insecure,
    };
    hostNodes.set(host, node);
    nodes.push(node);
    y += HOST_HEIGHT + GAP_Y;
  }
  const rightBottom = y;

  // Edges: sign-in provider → each client offering it.
  providers.forEach((provider, p) => {
    const source = providerNodes[p];
    clients.forEach((client, i) => {
      if (!source || !(client.supportedIdentityProviders ?? []).includes(provider.providerName)) return;
      const target = clientNodes[i];
      edges.push({
        id: `edge:${source.id}->${target.id}`,
        kind: "provider",
        from: source.id,
        to: target.id,
        x1: source.x + source.width,
        y1: source.y + source.height / 2,
        x2: target.x,
        y2: target.y + target.height - 8,
        label: fitText(`sign in with ${provider.providerName}`, GAP_X - 10),
        title: `${client.name} offers sign-in with ${provider.providerName} (${provider.providerType})`,
      });
    });
  });

  // Edges: resource server → client (collapsed per server), client → host.
  const serverNodeByIdentifier = new Map(servers.map((s, i) => [s.identifier, nodes.find((n) => n.id === `rs:${i}`) as OverviewNode]));
  const oidcNode = nodes.find((n) => n.id === "oidc");
  clients.forEach((client, i) => {
    const target = clientNodes[i];
    const incoming: { node: OverviewNode; scopes: string[]; title: string }[] = [];
    if (oidcNode && scopesOf[i].standard.length > 0)
      incoming.push({ node: oidcNode, scopes: scopesOf[i].standard, title: `${client.name} may ask for built-in scopes ${scopesOf[i].standard.join(", ")}` });
    for (const server of servers) {
      const scopes = scopesOf[i].perServer.get(server.identifier);
      const node = serverNodeByIdentifier.get(server.identifier);
      if (scopes && node) incoming.push({ node, scopes, title: `${client.name} may ask for ${server.name} scopes ${scopes.join(", ")}` });
    }
    // Spread the ends along the client's left side so each edge (and its label) is distinct.
    incoming.forEach((e, k) => {
      const y2 = target.y + ((k + 1) * target.height) / (incoming.length + 1);
      edges.push({
        id: `edge:${e.node.id}->${target.id}`,
        kind: "scopes",
        from: e.node.id,
        to: target.id,
        x1: e.node.x + e.node.width,
        y1: e.node.y + Math.min(e.node.height / 2, 28),
        x2: target.x,
        y2,
        label: fitText(e.scopes.join(", "), GAP_X - 10),
        title: e.title,
        scopes: e.scopes,
      });
    });
  });
  const outgoingCount = new Map<number, number>();
  for (const e of hostEdges) outgoingCount.set(e.client, (outgoingCount.get(e.client) ?? 0) + 1);
  const outgoingIndex = new Map<number, number>();
  for (const e of hostEdges) {
    const source = clientNodes[e.client];
    const host = hostNodes.get(e.host) as OverviewNode;
    const k = outgoingIndex.get(e.client) ?? 0;
    outgoingIndex.set(e.client, k + 1);
    const kind: OverviewEdgeKind = e.callback && e.logout ? "callback+logout" : e.callback ? "callback" : "logout";
    const what = kind === "callback+logout" ? "redirects to and signs out to" : kind === "callback" ? "redirects to" : "signs out to";
    edges.push({
      id: `edge:${source.id}->${host.id}`,
      kind,
      from: source.id,
      to: host.id,
      x1: source.x + source.width,
      y1: source.y + ((k + 1) * source.height) / ((outgoingCount.get(e.client) ?? 1) + 1),
      x2: host.x,
      y2: host.y + host.height / 2,
      title: `${clients[e.client].name} ${what} ${e.host}`,
    });
  }

  const height = Math.max(pool.y + pool.height, rightBottom - GAP_Y) + PAD;
  const width = cols.hosts.x + HOST_WIDTH + PAD;
  const headingY = (columnTop: number) => columnTop - 10;
  const headings: OverviewHeading[] = [
    { x: cols.resourceServers.x, y: headingY(top), text: providers.length > 0 && providersTop === top ? cols.identityProviders.title : cols.resourceServers.title },
    { x: cols.clients.x, y: headingY(top), text: cols.clients.title },
  ];
  if (hostIds.size > 0) headings.push({ x: cols.hosts.x, y: headingY(hostsTop), text: cols.hosts.title });
  if (providers.length > 0 && providersTop > top) headings.push({ x: cols.identityProviders.x, y: headingY(providersTop), text: cols.identityProviders.title });
  return { nodes, edges, headings, width, height };
}
