/**
 * "API in front of a resource server": routes typed one a line, added to the Terraform, module and CloudFormation
 * exports as an API Gateway REST API with a Cognito authorizer. A GET form like the target picker (no JavaScript,
 * the routes in the URL, nothing stored); the page checks the lines with lib/cognito/api-authorizer.
 */
import Link from "next/link";
import { Button, buttonClass } from "@/components/ui/button";
import { Textarea } from "@/components/ui/textarea";
import { MAX_ROUTE_LINES_CHARS, type RouteLinesCheck } from "@/lib/cognito/api-authorizer";

export interface ApiRoutesFormProps {
  /** The lines as typed (the `apiRoutes` query parameter). */
  text?: string;
  target?: string;
  format?: string;
  /** The design's scopes per resource server, to copy from. */
  servers: { name: string; scopes: string[] }[];
  check?: RouteLinesCheck;
  /** The page without routes (the link that removes the API). */
  removeHref: string;
}

function Outcome({ check }: { check: RouteLinesCheck }) {
  if (check.errors.length > 0)
    return (
      <div id="api-routes-errors" role="alert" className="rounded-md bg-red-50 p-3 text-sm text-red-800">
        <p className="font-medium">The exports below have no API until these are fixed:</p>
        <ul className="mt-1 list-disc space-y-1 pl-5">
          {check.errors.map((e, i) => (
            <li key={i}>{e}</li>
          ))}
        </ul>
      </div>
    );
  if (!check.api) return null;
  const routes = check.api.routes.length;
  return (
    <div role="status" className="space-y-1 rounded-md bg-green-50 p-3 text-sm text-green-900" data-testid="api-routes-summary">
      <p>
        The Terraform (<code>api-gateway.tf</code>), mineiros module and CloudFormation exports below include the REST API <strong>{check.api.name}</strong>: {routes}{" "}
        {routes === 1 ? "route" : "routes"} behind a Cognito authorizer on this pool, each admitting an access token with one of its scopes.
        Publish (above) commits the pool&apos;s export without the API.
      </p>
      {check.warnings.map((w, i) => (
        <p key={i} className="text-amber-900">
          {w}
        </p>
      ))}
    </div>
  );
}

export function ApiRoutesForm({ text, target, format, servers, check, removeHref }: ApiRoutesFormProps) {
  const described = ["api-routes-help", check?.errors.length ? "api-routes-errors" : undefined].filter(Boolean).join(" ");
  return (
    <details open={text !== undefined} className="rounded-lg border border-slate-200 bg-white p-3">
      <summary className="cursor-pointer text-sm font-medium text-slate-900">API in front of a resource server (API Gateway, optional)</summary>
      {servers.length === 0 ? (
        <p className="mt-2 text-sm text-slate-700">The design has no resource server: add one with scopes (the editor&apos;s Resource servers section) to export an API whose routes need them.</p>
      ) : (
        <form method="get" className="mt-3 space-y-3" aria-label="API routes">
          <div className="flex flex-col gap-1">
            <label htmlFor="api-routes" className="text-sm font-medium text-slate-900">
              Routes, one a line: method, path, then the scopes that may call it
            </label>
            <Textarea
              id="api-routes"
              name="apiRoutes"
              rows={4}
              maxLength={MAX_ROUTE_LINES_CHARS}
              defaultValue={text ?? ""}
              placeholder={`GET /orders ${servers[0]?.scopes[0] ?? "orders/read"}`}
              aria-describedby={described}
              aria-invalid={check?.errors.length ? true : undefined}
              className="w-full text-sm"
            />
            <div id="api-routes-help" className="space-y-1 text-xs text-slate-700">
              <p>A token with any one of a route&apos;s scopes may call it. Paths take parameters like {"{id}"}, and {"{proxy+}"} as the last part.</p>
              {servers.map((s) => (
                <p key={s.name} className="break-words">
                  Scopes of {s.name}: {s.scopes.length > 0
                    ? s.scopes.map((scope) => (
                        <span key={scope}>
                          <code className="break-all">{scope}</code>{" "}
                        </span>
                      ))
                    : "none yet"}
                </p>
              ))}
            </div>
          </div>
          {target && <input type="hidden" name="target" value={target} />}
          {format && <input type="hidden" name="format" value={format} />}
          <div className="flex flex-wrap gap-2">
            <Button type="submit" variant="secondary">
              Add the API to the exports
            </Button>
            {text !== undefined && (
              <Link href={removeHref} className={buttonClass("ghost")}>
                Remove the API
              </Link>
            )}
          </div>
          {check && <Outcome check={check} />}
        </form>
      )}
    </details>
  );
}
