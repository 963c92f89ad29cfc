import { readFileSync } from "node:fs";

/** What a server action answers (lib/contracts/action-result.ts), as read back from the RSC response. */
export type ActionAnswer<T = Record<string, unknown>> =
  | { ok: true; data: T }
  | { ok: false; fieldErrors: Record<string, string[]>; formError?: string; code?: string };

/** One request's outcome as the load report counts it. */
export interface Timed<T> {
  ms: number;
  status: number;
  value?: T;
  /** Set when the request failed: a network error, a non-2xx status, or an unreadable answer. */
  error?: string;
}

/**
 * The server action ids of the production build, by "file#export" (e.g. "app/pools/actions.ts#saveDraftAction"),
 * read from Next's manifest: the ids the browser's compiled forms send in the Next-Action header.
 */
export function readActionIds(dir = ".next"): Map<string, string> {
  const manifest = JSON.parse(readFileSync(`${dir}/server/server-reference-manifest.json`, "utf8")) as {
    node: Record<string, { filename?: string; exportedName?: string }>;
  };
  const ids = new Map<string, string>();
  for (const [id, entry] of Object.entries(manifest.node)) if (entry.filename && entry.exportedName) ids.set(`${entry.filename}#${entry.exportedName}`, id);
  return ids;
}

/**
 * The value a server action returned, from its RSC (Flight) response: row 0 names the row holding the
 * action's result (`"a":"$@1"`). Plain JSON data only (what the studio's actions return); Flight escapes a
 * string that starts with "$" as "$$", and dates as "$D…", which is all this reader undoes.
 */
export function readActionAnswer(text: string): ActionAnswer {
  const rows = new Map<string, string>();
  for (const line of text.split("\n")) {
    const at = line.indexOf(":");
    if (at > 0 && /^[0-9a-f]+$/u.test(line.slice(0, at))) rows.set(line.slice(0, at), line.slice(at + 1));
  }
  const head = rows.get("0");
  if (!head) throw new Error(`not an action response: ${text.slice(0, 120)}`);
  const ref = (JSON.parse(head) as { a?: string }).a;
  const row = typeof ref === "string" && ref.startsWith("$@") ? rows.get(ref.slice(2)) : undefined;
  if (row === undefined) throw new Error(`no action result in the response: ${text.slice(0, 120)}`);
  return JSON.parse(row, (_key, value: unknown) => (typeof value === "string" && value.startsWith("$") ? (value.startsWith("$D") ? value.slice(2) : value.slice(1)) : value)) as ActionAnswer;
}

/** A person's browser: their session cookie, signed in through Auth.js's own credentials route. */
export class StudioSession {
  private cookies = new Map<string, string>();

  constructor(
    readonly base: string,
    readonly email: string,
    private readonly actionIds: Map<string, string>,
  ) {}

  private cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  }

  private keepCookies(response: Response): void {
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(";");
      const at = pair!.indexOf("=");
      if (at > 0) this.cookies.set(pair!.slice(0, at).trim(), pair!.slice(at + 1).trim());
    }
  }

  /** GET /api/auth/csrf, then POST /api/auth/callback/credentials: the session cookie Auth.js sets. */
  async signIn(password: string): Promise<void> {
    const csrf = await fetch(`${this.base}/api/auth/csrf`, { headers: { cookie: this.cookieHeader() } });
    this.keepCookies(csrf);
    const { csrfToken } = (await csrf.json()) as { csrfToken: string };
    const response = await fetch(`${this.base}/api/auth/callback/credentials`, {
      method: "POST",
      redirect: "manual",
      headers: { "content-type": "application/x-www-form-urlencoded", cookie: this.cookieHeader() },
      body: new URLSearchParams({ email: this.email, password, csrfToken, callbackUrl: `${this.base}/` }),
    });
    this.keepCookies(response);
    await response.arrayBuffer();
    if (![...this.cookies.keys()].some((k) => k.includes("session-token"))) throw new Error(`sign-in of ${this.email} failed (HTTP ${response.status})`);
  }

  /**
   * Calls a server action as the browser does: POST to the page with the action's id in Next-Action and the
   * arguments as JSON. An answer with the generic server error counts as an error (it is a 500 in all but status).
   */
  async action<T = Record<string, unknown>>(name: string, input: unknown, page = "/"): Promise<Timed<ActionAnswer<T>>> {
    const id = this.actionIds.get(name);
    if (!id) throw new Error(`no server action ${name} in the build`);
    const start = performance.now();
    try {
      const response = await fetch(`${this.base}${page}`, {
        method: "POST",
        headers: { accept: "text/x-component", "next-action": id, "content-type": "text/plain;charset=UTF-8", origin: this.base, cookie: this.cookieHeader() },
        body: JSON.stringify([input]),
      });
      const text = await response.text();
      const ms = performance.now() - start;
      if (!response.ok) return { ms, status: response.status, error: `HTTP ${response.status}` };
      const value = readActionAnswer(text) as ActionAnswer<T>;
      if (!value.ok && value.formError?.startsWith("Something went wrong on the server")) return { ms, status: response.status, value, error: "server error (generic message)" };
      return { ms, status: response.status, value };
    } catch (error) {
      return { ms: performance.now() - start, status: 0, error: error instanceof Error ? error.message : String(error) };
    }
  }

  /** GET a page and read all of its HTML (the document request; not its scripts and styles). */
  async page(path: string): Promise<Timed<string>> {
    const start = performance.now();
    try {
      const response = await fetch(`${this.base}${path}`, { headers: { cookie: this.cookieHeader(), accept: "text/html" }, redirect: "manual" });
      const text = await response.text();
      const ms = performance.now() - start;
      return response.status === 200 ? { ms, status: 200, value: text } : { ms, status: response.status, error: `HTTP ${response.status}` };
    } catch (error) {
      return { ms: performance.now() - start, status: 0, error: error instanceof Error ? error.message : String(error) };
    }
  }

  /** Opens an event stream (GET with the session cookie); the caller reads the body. */
  stream(path: string, signal: AbortSignal): Promise<Response> {
    return fetch(`${this.base}${path}`, { headers: { cookie: this.cookieHeader(), accept: "text/event-stream" }, signal });
  }
}
