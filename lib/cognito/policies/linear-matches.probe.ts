/**
 * Run by linear-matches.test.ts in a child process: a catastrophic pattern, as an admin might write it, against
 * a callback URL an editor crafted. Prints the violations for the crafted URL and for a plain match.
 */
import { compilePolicies } from "./compile";
import { evaluatePolicies } from "./evaluate";
import type { PoolDocument } from "../spec/document-schema";

const { compiled, problems } = compilePolicies([
  {
    id: "no-runs-of-a",
    description: "Callback URLs are not runs of a",
    severity: "block",
    each: "clients",
    require: '!has(item.callbackUrls) || item.callbackUrls.all(u, !u.matches(r"(a+)+$"))',
    path: "spec.clients[*].callbackUrls",
  },
]);
if (problems.length > 0) throw new Error(JSON.stringify(problems));

const withUrl = (url: string) => ({ apiVersion: "cognito-studio.dev/v1", kind: "UserPool", metadata: { name: "pool" }, spec: { clients: [{ name: "web", callbackUrls: [url] }] } }) as unknown as PoolDocument;
const messages = (url: string) => evaluatePolicies(compiled, withUrl(url)).map((v) => v.message);

process.stdout.write(JSON.stringify({ crafted: messages(`${"a".repeat(40)}!`), plain: messages("aaaa") }));
