import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { BLOG_POOL_DOCUMENT, MAXIMAL_POOL_DOCUMENT } from "@/test/support/pool-documents";
import type { PoolDocument } from "../spec/document-schema";
import { checkApiRoutes } from "./check-api-routes";
import { checkApiRouteLines, describeAtLine, MAX_ROUTE_LINES_CHARS, readApiRouteLines, readApiRoutesFile } from "./read-api-routes";

// MAXIMAL_POOL_DOCUMENT: resource servers https://api.example.com (orders.read, orders.write) and reports (export).
const READ = "https://api.example.com/orders.read";
const WRITE = "https://api.example.com/orders.write";
const doc: PoolDocument = MAXIMAL_POOL_DOCUMENT;

const codes = (input: unknown, document: PoolDocument = doc) => checkApiRoutes(input, document).diagnostics.map((d) => `${d.path} ${d.code}`);
const one = (route: Record<string, unknown>) => ({ routes: [route] });

describe("checkApiRoutes: the routes' own rules", () => {
  test("a valid API: the resource server is the scopes' own, the name the pool's and the server's", () => {
    const checked = checkApiRoutes({ routes: [{ method: "get", path: "/orders", scopes: [READ] }, { method: "POST", path: "/orders/{id}", scopes: [WRITE, READ] }] }, doc);
    expect(checked.diagnostics).toEqual([]);
    expect(checked.api?.resourceServer).toEqual({ name: "Orders API", identifier: "https://api.example.com" });
    expect(checked.api?.name).toBe(`${doc.metadata.name}-Orders API`);
    // Methods are read case-insensitively and written as API Gateway spells them.
    expect(checked.api?.routes[0]?.method).toBe("GET");
  });

  test.each([
    ["an unknown method", { method: "FETCH", path: "/a", scopes: [READ] }, "routes[0].method invalid-route", /FETCH is not one API Gateway takes: use one of GET, POST/u],
    ["a path without its leading /", { method: "GET", path: "orders", scopes: [READ] }, "routes[0].path invalid-route", /must start with \/ \(e\.g\. \/orders\)/u],
    ["a trailing /", { method: "GET", path: "/orders/", scopes: [READ] }, "routes[0].path invalid-route", /ends with \/: write \/orders/u],
    ["an empty part", { method: "GET", path: "/a//b", scopes: [READ] }, "routes[0].path invalid-route", /empty part/u],
    ["a space in a part", { method: "GET", path: "/my orders", scopes: [READ] }, "routes[0].path invalid-route", /may hold only letters, digits/u],
    ["a greedy parameter before the end", { method: "ANY", path: "/{proxy+}/x", scopes: [READ] }, "routes[0].path invalid-route", /must be the last part/u],
    ["no scope", { method: "GET", path: "/a", scopes: [] }, "routes[0].scopes invalid-route", /at least one scope/u],
    ["a scope twice", { method: "GET", path: "/a", scopes: [READ, READ] }, "routes[0].scopes invalid-route", /lists a scope twice/u],
    ["a scope without its identifier", { method: "GET", path: "/a", scopes: ["read"] }, "routes[0].scopes[0] invalid-route", /not written identifier\/scope/u],
    ["an unknown key", { method: "GET", path: "/a", scopes: [READ], auth: "none" }, "routes[0] invalid-route", /^auth: not a setting of a route, which has a method, a path and scopes$/u],
  ])("%s is refused, in the page's words", (_, route, code, message) => {
    const checked = checkApiRoutes(one(route), doc);
    expect(checked.api).toBeUndefined();
    expect(checked.diagnostics.map((d) => `${d.path} ${d.code}`)).toEqual([code]);
    expect(checked.diagnostics[0]?.message).toMatch(message);
  });

  test.each([
    ["the root", "/"],
    ["parameters", "/orders/{orderId}/items/{item_id}"],
    ["a greedy parameter last", "/files/{proxy+}"],
    ["unreserved characters", "/v1.2/my-orders_~x"],
  ])("a path with %s is taken", (_, path) => {
    expect(codes(one({ method: "GET", path, scopes: [READ] }))).toEqual([]);
  });

  test("no routes, and routes that are not a list, are refused", () => {
    expect(codes({ routes: [] })).toEqual(["routes invalid-route"]);
    expect(codes({ routes: "GET /a" })).toEqual(["routes invalid-route"]);
    const notAnObject = checkApiRoutes("GET /a", doc).diagnostics;
    expect(notAnObject.map((d) => `${d.path}|${d.code}`)).toEqual(["|invalid-route"]);
    expect(notAnObject[0]?.message).toBe("the API's routes are written routes: [{ method: GET, path: /orders, scopes: [orders/read] }]");
  });

  test("a route listed twice is refused at the second; the same path with another method is not", () => {
    const route = { method: "GET", path: "/orders", scopes: [READ] };
    expect(codes({ routes: [route, { ...route, method: "POST" }, route] })).toEqual(["routes[2] duplicate-route"]);
    expect(checkApiRoutes({ routes: [route, route] }, doc).diagnostics[0]?.message).toBe("GET /orders is listed twice (routes 1 and 2): keep one, with every scope that may call it");
  });

  test("two parameter names at one level are refused (API Gateway keeps one); the same name twice is fine", () => {
    const a = { method: "GET", path: "/orders/{id}", scopes: [READ] };
    expect(codes({ routes: [a, { method: "GET", path: "/orders/{orderId}/items", scopes: [READ] }] })).toEqual(["routes[1].path path-parameter-conflict"]);
    expect(codes({ routes: [a, { method: "GET", path: "/orders/{proxy+}", scopes: [READ] }] })).toEqual(["routes[1].path path-parameter-conflict"]);
    expect(codes({ routes: [a, { method: "GET", path: "/orders/{id}/items", scopes: [READ] }] })).toEqual([]);
  });

  test("more resources than API Gateway's quota of 300 per API are refused; 299 routes under the root are fine", () => {
    const routes = (n: number) => Array.from({ length: n }, (_, i) => ({ method: "GET", path: `/r${i}`, scopes: [READ] }));
    expect(codes({ routes: routes(299) })).toEqual([]);
    expect(codes({ routes: [...routes(150), ...routes(150).map((r) => ({ ...r, path: `${r.path}/x` }))] })).toEqual(["routes too-many-resources"]);
  });

  test("a name of the API's own is kept, and one API Gateway would refuse is not", () => {
    expect(checkApiRoutes({ name: "orders api", ...one({ method: "GET", path: "/a", scopes: [READ] }) }, doc).api?.name).toBe("orders api");
    expect(codes({ name: "orders/api", ...one({ method: "GET", path: "/a", scopes: [READ] }) })).toEqual(["name invalid-route"]);
  });
});

describe("checkApiRoutes: the routes held to the design", () => {
  test("a scope the design lacks is refused, naming the scopes it has", () => {
    const checked = checkApiRoutes(one({ method: "GET", path: "/a", scopes: ["https://api.example.com/orders.delete"] }), doc);
    expect(checked.diagnostics.map((d) => `${d.path} ${d.code}`)).toEqual(["routes[0].scopes[0] unknown-scope"]);
    expect(checked.diagnostics[0]?.message).toContain(`use one of ${READ}, ${WRITE}, reports/export`);
  });

  test("scopes of two resource servers in one API are refused: the API stands in front of one", () => {
    expect(codes({ routes: [{ method: "GET", path: "/a", scopes: [READ] }, { method: "GET", path: "/b", scopes: ["reports/export"] }] })).toEqual(["routes[1].scopes[0] scopes-of-two-servers"]);
  });

  test("a design without resource servers says what to add", () => {
    const bare = structuredClone(doc);
    delete bare.spec.resourceServers;
    expect(codes(one({ method: "GET", path: "/a", scopes: [READ] }), bare)).toEqual(["routes no-resource-server"]);
  });

  test("a route whose scopes no app client may get is a warning: the API is still exported", () => {
    const blog = structuredClone(BLOG_POOL_DOCUMENT);
    blog.spec.resourceServers = [{ identifier: "https://api.example.com", name: "api", scopes: [{ name: "read", description: "r" }, { name: "admin", description: "a" }] }];
    const checked = checkApiRoutes({ routes: [{ method: "GET", path: "/a", scopes: ["https://api.example.com/read"] }, { method: "DELETE", path: "/a", scopes: ["https://api.example.com/admin"] }] }, blog);
    expect(checked.api).toBeDefined();
    expect(checked.diagnostics.map((d) => `${d.severity} ${d.path} ${d.code}`)).toEqual(["warning routes[1].scopes no-client-has-scope"]);
  });

  test("never throws, whatever it is given", () => {
    fc.assert(
      fc.property(fc.anything(), (input) => {
        const checked = checkApiRoutes(input, doc);
        expect(checked.api !== undefined || checked.diagnostics.some((d) => d.severity === "error")).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});

describe("reading routes", () => {
  test("the page's lines: method, path, scopes; blank lines and # comments skipped; problems told by line", () => {
    const text = `# orders\nGET /orders ${READ}\n\n  post   /orders  ${WRITE} ${READ}\nGET /orders\n`;
    const lines = readApiRouteLines(text);
    expect(lines.value.routes).toEqual([
      { method: "GET", path: "/orders", scopes: [READ] },
      { method: "post", path: "/orders", scopes: [WRITE, READ] },
      { method: "GET", path: "/orders", scopes: [] },
    ]);
    expect(lines.lines).toEqual([2, 4, 5]);
    const checked = checkApiRoutes(lines.value, doc);
    expect(checked.diagnostics.map((d) => describeAtLine(d, lines.lines))).toEqual(["Line 5: a route needs at least one scope: a token with any of them may call it"]);
  });

  test("a line with a method only is refused for its missing path", () => {
    const lines = readApiRouteLines("GET");
    expect(checkApiRoutes(lines.value, doc).diagnostics.map((d) => describeAtLine(d, lines.lines))).toEqual([
      "Line 1: a route needs a path, like /orders or /orders/{id}",
      "Line 1: a route needs at least one scope: a token with any of them may call it",
    ]);
  });

  test("the page's check: errors and warnings told by line, the API only when there is no error", () => {
    const blog = structuredClone(BLOG_POOL_DOCUMENT);
    blog.spec.resourceServers = [{ identifier: "api", name: "api", scopes: [{ name: "read", description: "r" }, { name: "admin", description: "a" }] }];
    blog.spec.clients = (blog.spec.clients ?? []).map((c) => ({ ...c, allowedOAuthScopes: ["api/read"] }));
    expect(checkApiRouteLines("GET /a api/read\n\nPUT /a api/nope", blog)).toEqual({ api: undefined, errors: ["Line 3: api/nope is not a scope of this design: add it to its resource server (spec.resourceServers: the editor's Resource servers section), or use one of api/read, api/admin"], warnings: [] });
    const fine = checkApiRouteLines("GET /a api/read\nDELETE /a api/admin", blog);
    expect(fine.api?.routes).toHaveLength(2);
    expect(fine.errors).toEqual([]);
    expect(fine.warnings).toEqual(["Line 2: no app client may get api/admin, so every call of DELETE /a is refused: allow a scope to a client (the editor's App clients section)"]);
    expect(checkApiRouteLines("x".repeat(MAX_ROUTE_LINES_CHARS + 1), blog).errors[0]).toMatch(/^the routes are 6001 characters; the page takes 6000/u);
  });

  test("text over the page's limit is refused before it is read", () => {
    const lines = readApiRouteLines(`GET /a ${READ}\n`.repeat(Math.ceil(MAX_ROUTE_LINES_CHARS / 10)));
    expect(lines.value.routes).toEqual([]);
    expect(lines.diagnostics.map((d) => d.code)).toEqual(["too-long"]);
  });

  test("the CLI's file is YAML or JSON; an unreadable one says so", () => {
    expect(readApiRoutesFile(`routes:\n  - { method: GET, path: /a, scopes: [${READ}] }\n`, "routes.yaml").value).toEqual({ routes: [{ method: "GET", path: "/a", scopes: [READ] }] });
    expect(readApiRoutesFile(`{"routes": []}`, "routes.json").value).toEqual({ routes: [] });
    expect(readApiRoutesFile("", "routes.yaml").diagnostics[0]?.message).toContain("expected API routes");
    expect(readApiRoutesFile("routes: [", "routes.yaml").diagnostics).toHaveLength(1);
  });
});
