/**
 * `cognito-studio cost FILE --mau N [--m2m N] [--sms N [--sms-price USD]]`: the design's monthly cost on each
 * feature plan (Lite, Essentials, Plus) and which of its settings need which plan (lib/cognito/cost), from the
 * dated price table in the repository.
 */
import { costUsageSchema, type CostEstimate, estimateCost, readUsageNumber } from "../../lib/cognito/cost";
import { oneOf, parseCommandArgs } from "../args";
import { type CliIo, type Command, EXIT_OK, UsageError } from "../io";
import { readValidDocument } from "../read-document";

const USAGE = `Usage: cognito-studio cost FILE --mau N [--m2m N] [--sms N [--sms-price USD]] [--format text|json]

Prints the monthly cost of the pool in FILE on each feature plan (Lite, Essentials, Plus) for the usage given,
which plans its settings allow (threat protection needs Plus, managed login Essentials, ...), and the date and
source of the prices. Figures not confirmed on https://aws.amazon.com/cognito/pricing/ are marked.

Options:
      --mau N              expected monthly active users
      --m2m N              machine-to-machine token requests a month (client credentials)
      --sms N              SMS messages a month (billed by AWS End User Messaging SMS)
      --sms-price USD      the price of one SMS at your destinations, to include them in the total
  -f, --format text|json   json prints the whole estimate

Exit status: 0 printed, 1 invalid FILE, 2 usage error.
`;

const usd = (x: number) => `$${x.toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;

function number(option: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = readUsageNumber(value);
  if (n === undefined || Number.isNaN(n)) throw new UsageError(`--${option} takes a number; got "${value}"`);
  return n;
}

function renderText(e: CostEstimate): string {
  const lines: string[] = [];
  for (const p of e.plans) {
    const mark = p.plan === e.currentPlan ? ` (this design${e.currentPlanIsDefault ? ": AWS's default" : ""})` : "";
    lines.push(`${p.label}${mark}: ${usd(p.total)} a month${p.confirmed ? "" : " (prices not confirmed)"}${p.fits ? "" : `; cannot run this design: needs ${p.missing.map((m) => m.feature).join(", ")}`}`);
    for (const l of p.lines) lines.push(`  ${l.item.padEnd(38)}${String(l.quantity.toLocaleString("en-US")).padStart(14)}  ${usd(l.amount).padStart(12)}`);
  }
  lines.push("", `Least plan for this design: ${e.plans.find((p) => p.plan === e.leastPlan)?.label}`);
  for (const f of e.features) lines.push(`  ${f.feature}: ${f.minimumPlan === "PLUS" ? "Plus" : "Essentials"} (${f.path}; ${f.source})`);
  lines.push("", ...e.notes.map((n) => `note: ${n}`));
  return `${lines.join("\n")}\n`;
}

async function run(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, {
    mau: { type: "string" },
    m2m: { type: "string" },
    sms: { type: "string" },
    "sms-price": { type: "string" },
    format: { type: "string", short: "f" },
  });
  const format = oneOf("format", values.format, ["text", "json"] as const, "text");
  if (positionals.length !== 1) throw new UsageError("give exactly one FILE");
  if (values.mau === undefined) throw new UsageError("--mau N is required (expected monthly active users)");
  const parsed = costUsageSchema.safeParse({
    mau: number("mau", values.mau),
    ...(values.m2m !== undefined ? { m2mRequests: number("m2m", values.m2m) } : {}),
    ...(values.sms !== undefined ? { sms: number("sms", values.sms) } : {}),
    ...(values["sms-price"] !== undefined ? { smsPrice: number("sms-price", values["sms-price"]) } : {}),
  });
  if (!parsed.success) throw new UsageError(parsed.error.issues.map((i) => i.message).join("; "));
  const document = await readValidDocument(io, "cost", positionals[0] ?? "", { errorsOnly: true });
  if (typeof document === "number") return document;
  const estimate = estimateCost(document, parsed.data);
  io.stdout(format === "json" ? `${JSON.stringify(estimate, null, 2)}\n` : renderText(estimate));
  return EXIT_OK;
}

export const costCommand: Command = { name: "cost", usage: USAGE, run };
