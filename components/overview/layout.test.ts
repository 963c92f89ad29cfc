import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import type { AppClientSpec, PoolDocument } from "@/lib/cognito/spec";
import { type OverviewNode, callbackHost, layoutOverview } from "./layout";
import { PoolOverview } from "./pool-overview";
import { poolDocument } from "@/test/support/pool-documents";

const doc = poolDocument({
  domain: { domain: "shop-auth" },
  resourceServers: [
    { identifier: "https://orders.example.com", name: "orders", scopes: [{ name: "read", description: "r" }, { name: "write", description: "w" }] },
    { identifier: "billing", name: "billing", scopes: [{ name: "invoices", description: "i" }] },
  ],
  clients: [
    { name: "web", allowedOAuthFlows: ["code"], allowedOAuthFlowsUserPoolClient: true, allowedOAuthScopes: ["openid", "email", "https://orders.example.com/read"], callbackUrls: ["https://app.example.com/cb", "http://localhost:3000/cb"], logoutUrls: ["https://app.example.com/bye"] },
    { name: "worker", generateSecret: true, allowedOAuthFlows: ["client_credentials"], allowedOAuthFlowsUserPoolClient: true, allowedOAuthScopes: ["https://orders.example.com/read", "https://orders.example.com/write", "billing/invoices"] },
    { name: "mobile", allowedOAuthFlows: ["code"], allowedOAuthFlowsUserPoolClient: true, allowedOAuthScopes: ["openid", "billing/nope"], callbackUrls: ["myapp://callback"] },
  ],
});

function byId(nodes: OverviewNode[], id: string): OverviewNode {
  const node = nodes.find((n) => n.id === id);
  if (!node) throw new Error(`no node ${id}`);
  return node;
}

function overlaps(a: OverviewNode, b: OverviewNode): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

function assertNoOverlap(nodes: OverviewNode[]) {
  const leaves = nodes.filter((n) => !n.container);
  // Sorting by y keeps this linear-ish for 200 clients while still comparing every pair that could touch.
  const sorted = [...leaves].sort((a, b) => a.y - b.y);
  for (let i = 0; i < sorted.length; i++)
    for (let j = i + 1; j < sorted.length && sorted[j].y < sorted[i].y + sorted[i].height; j++)
      if (overlaps(sorted[i], sorted[j])) throw new Error(`${sorted[i].id} overlaps ${sorted[j].id}`);
}

describe("layoutOverview", () => {
  const layout = layoutOverview(doc);
  const edgeKeys = layout.edges.map((e) => `${e.from} -> ${e.to} ${e.kind}${e.scopes ? ` [${e.scopes.join(",")}]` : ""}`);

  it("has the pool, domain, built-in scopes, both resource servers, three clients and three hosts", () => {
    expect(layout.nodes.map((n) => `${n.id} ${n.kind}`)).toEqual([
      "pool pool",
      "oidc oidcScopes",
      "rs:0 resourceServer",
      "rs:1 resourceServer",
      "client:0 client",
      "client:1 client",
      "client:2 client",
      "domain domain",
      "host:0 callbackHost",
      "host:1 callbackHost",
      "host:2 callbackHost",
    ]);
    expect(layout.nodes.filter((n) => n.kind === "callbackHost").map((n) => n.label)).toEqual(["https://app.example.com", "http://localhost:3000", "myapp://callback"]);
    expect(byId(layout.nodes, "domain").lines[0]).toBe("shop-auth.auth.eu-west-1.amazoncognito.com");
  });

  it("draws one scope edge per client and resource server, carrying that server's scopes", () => {
    expect(edgeKeys).toEqual([
      "pool -> domain domain",
      "oidc -> client:0 scopes [openid,email]",
      "rs:0 -> client:0 scopes [read]",
      "rs:0 -> client:1 scopes [read,write]",
      "rs:1 -> client:1 scopes [invoices]",
      "oidc -> client:2 scopes [openid]",
      "client:0 -> host:0 callback+logout",
      "client:0 -> host:1 callback",
      "client:2 -> host:2 callback",
    ]);
  });

  it("marks a client asking for a scope no resource server defines", () => {
    const mobile = byId(layout.nodes, "client:2");
    expect(mobile.warn).toBe(true);
    expect(mobile.lines).toContain("unknown scopes: billing/nope");
    expect(byId(layout.nodes, "client:1").warn).toBe(false);
    expect(byId(layout.nodes, "client:1").lines).toEqual(["OAuth: client_credentials", "confidential (secret)", "0 callback URLs"]);
  });

  it("lays out without overlap, clients and servers inside the pool, hosts outside it", () => {
    assertNoOverlap(layout.nodes);
    const pool = byId(layout.nodes, "pool");
    for (const n of layout.nodes.filter((n) => n.kind === "client" || n.kind === "resourceServer" || n.kind === "oidcScopes")) {
      expect(n.x).toBeGreaterThanOrEqual(pool.x);
      expect(n.y).toBeGreaterThanOrEqual(pool.y);
      expect(n.x + n.width).toBeLessThanOrEqual(pool.x + pool.width);
      expect(n.y + n.height).toBeLessThanOrEqual(pool.y + pool.height);
    }
    for (const n of layout.nodes.filter((n) => n.kind === "callbackHost" || n.kind === "domain")) expect(n.x).toBeGreaterThan(pool.x + pool.width);
    for (const n of layout.nodes) {
      expect(n.x + n.width).toBeLessThanOrEqual(layout.width);
      expect(n.y + n.height).toBeLessThanOrEqual(layout.height);
    }
  });

  it("edges start at their source's right side and end at their target's left side", () => {
    for (const e of layout.edges) {
      const from = byId(layout.nodes, e.from);
      const to = byId(layout.nodes, e.to);
      expect(e.x1).toBe(from.x + from.width);
      expect(e.x2).toBe(to.x);
      expect(e.y2).toBeGreaterThanOrEqual(to.y);
      expect(e.y2).toBeLessThanOrEqual(to.y + to.height);
    }
  });

  it("lays out 200 clients without overlap, one collapsed scope edge per client and server", () => {
    const clients: AppClientSpec[] = Array.from({ length: 200 }, (_, i) => ({
      name: `client-${i}`,
      allowedOAuthFlows: ["code"],
      allowedOAuthFlowsUserPoolClient: true,
      allowedOAuthScopes: ["https://orders.example.com/read", "https://orders.example.com/write", "billing/invoices"],
      callbackUrls: [`https://tenant-${i % 50}.example.com/cb`],
    }));
    const big = layoutOverview({ ...doc, spec: { ...doc.spec, clients } });
    assertNoOverlap(big.nodes);
    expect(big.nodes.filter((n) => n.kind === "client")).toHaveLength(200);
    expect(big.nodes.filter((n) => n.kind === "callbackHost")).toHaveLength(50);
    expect(big.edges.filter((e) => e.kind === "scopes")).toHaveLength(400);
    expect(big.edges.filter((e) => e.kind === "callback")).toHaveLength(200);
    const last = byId(big.nodes, "client:199");
    expect(big.height).toBeGreaterThan(last.y + last.height);
    expect(byId(big.nodes, "pool").y + byId(big.nodes, "pool").height).toBeGreaterThan(last.y + last.height);
  });

  it("draws a prefix domain and the custom domain beside it, one under the other, each joined to the pool", () => {
    const both = layoutOverview({ ...doc, spec: { ...doc.spec, domain: { domain: "shop-auth" }, customDomain: { domain: "auth.shop.test", certificateArn: "arn:aws:acm:us-east-1:123456789012:certificate/x" } } });
    const prefix = byId(both.nodes, "domain");
    const custom = byId(both.nodes, "custom-domain");
    expect([prefix.label, custom.label]).toEqual(["Cognito domain", "Custom domain"]);
    expect(custom.lines[0]).toBe("auth.shop.test");
    expect(custom.y).toBeGreaterThanOrEqual(prefix.y + prefix.height);
    expect(both.edges.filter((e) => e.kind === "domain").map((e) => e.to)).toEqual(["domain", "custom-domain"]);
    // The hosts column starts below both.
    const hosts = both.nodes.filter((n) => n.kind === "callbackHost");
    expect(Math.min(...hosts.map((h) => h.y))).toBeGreaterThan(custom.y + custom.height);
  });

  it("handles a pool with nothing but a region", () => {
    const bare = layoutOverview({ ...doc, spec: { region: "us-east-1" } });
    expect(bare.nodes.map((n) => n.kind)).toEqual(["pool"]);
    expect(bare.edges).toEqual([]);
  });
});

describe("callbackHost", () => {
  it.each([
    ["https://app.example.com/cb?x=1", "https://app.example.com"],
    ["http://localhost:3000/cb", "http://localhost:3000"],
    ["myapp://callback/path", "myapp://callback"],
    ["not a url", "not a url"],
  ])("%s -> %s", (url, host) => expect(callbackHost(url)).toBe(host));
});

describe("PoolOverview", () => {
  it("renders an accessible SVG with titles for nodes and edges", () => {
    const html = renderToStaticMarkup(createElement(PoolOverview, { document: doc }));
    expect(html).toContain('role="img"');
    expect(html).toMatch(/<title id="[^"]+-title">Overview of User pool shop<\/title>/u);
    expect(html).toContain("<title>worker may ask for orders scopes read, write</title>");
    expect(html).toContain("<title>web redirects to and signs out to https://app.example.com</title>");
    expect(html).toContain("Text description of the picture");
  });
});

describe("sign-in providers in the overview", () => {
  const withProviders: PoolDocument = {
    ...doc,
    spec: {
      ...doc.spec,
      identityProviders: [
        { providerName: "Google", providerType: "Google", providerDetails: { client_id: "c", authorize_scopes: "openid" }, secretRef: { source: "env", name: "IDP_SECRET_G" } },
        { providerName: "Corp", providerType: "SAML", providerDetails: { MetadataURL: "https://idp.example.com/m" } },
        { providerName: "Unused", providerType: "OIDC", providerDetails: { client_id: "u", authorize_scopes: "openid", oidc_issuer: "https://u.example.com", attributes_request_method: "GET" } },
      ],
      clients: (doc.spec.clients ?? []).map((c) => (c.name === "web" ? { ...c, supportedIdentityProviders: ["COGNITO", "Google", "Corp"] } : c.name === "mobile" ? { ...c, supportedIdentityProviders: ["Google"] } : c)),
    },
  };
  const layout = layoutOverview(withProviders);

  it("draws one edge from each provider to every client that offers it, and flags a provider no client offers", () => {
    expect(layout.edges.filter((e) => e.kind === "provider").map((e) => `${e.from} -> ${e.to}`)).toEqual(["idp:0 -> client:0", "idp:0 -> client:2", "idp:1 -> client:0"]);
    expect(byId(layout.nodes, "idp:0").title).toBe("Sign-in provider Google (Google), offered by web, mobile");
    expect(byId(layout.nodes, "idp:2").warn).toBe(true);
    expect(layout.headings.map((h) => h.text)).toContain("Sign-in providers");
  });

  it("keeps providers below the resource servers, inside the pool, without overlaps", () => {
    assertNoOverlap(layout.nodes);
    const pool = byId(layout.nodes, "pool");
    for (const id of ["idp:0", "idp:1", "idp:2"]) {
      const node = byId(layout.nodes, id);
      expect(node.y).toBeGreaterThan(byId(layout.nodes, "rs:1").y);
      expect(node.y + node.height).toBeLessThanOrEqual(pool.y + pool.height);
    }
  });

  it("says which client offers which provider in the picture's text", () => {
    const html = renderToStaticMarkup(createElement(PoolOverview, { document: withProviders }));
    expect(html).toContain("web offers sign-in with Google (Google)");
    expect(html).toContain("3 sign-in provider links");
  });
});

describe("a design without a Region", () => {
  it("says the pool takes its target's Region instead of printing undefined", () => {
    const layout = layoutOverview({ apiVersion: "cognito-studio.dev/v1", kind: "UserPool", metadata: { name: "p" }, spec: { clients: [{ name: "web" }], domain: { domain: "p-auth" } } });
    const text = layout.nodes.flatMap((n) => [n.label, n.title, ...n.lines]).join("\n");
    expect(text).not.toContain("undefined");
    expect(layout.nodes.find((n) => n.kind === "pool")?.lines[0]).toBe("no Region (the target's) · 1 app client · 0 resource servers");
    expect(layout.nodes.find((n) => n.kind === "domain")?.lines[0]).toBe("p-auth.auth.REGION.amazoncognito.com");
  });
});
