/**
 * `cognito-studio validate FILE...`: reads each pool file (native or OpenMCF; `-` is standard input), validates it
 * and runs the best-practice findings. Exit 0 when no file has errors (warnings are printed), 1 when any has,
 * 2 on a usage error or an unreadable file.
 */
import { type PolicyCheckOptions, checkPoolDocumentText } from "../../lib/cognito/findings/check-pool-document";
import type { Diagnostic } from "../../lib/cognito/spec/diagnostics";
import { regionSchema } from "../../lib/cognito/spec/primitives";
import { oneOf, parseCommandArgs } from "../args";
import { type CliIo, type Command, EXIT_INVALID, EXIT_OK, EXIT_USAGE, UsageError, readInputText } from "../io";

const FORMATS = ["text", "json"] as const;
const STDIN = "-";

interface FileReport {
  file: string;
  valid: boolean;
  diagnostics: Diagnostic[];
  /** Set when the file could not be read at all. */
  unreadable?: boolean;
}

/** The JSON shape of one diagnostic: the four documented keys, plus the compliance rule of a finding when it has one. */
function jsonDiagnostic(d: Diagnostic & { complianceRule?: string; securityHubControl?: string }) {
  return {
    severity: d.severity,
    path: d.path,
    code: d.code,
    message: d.message,
    ...(d.complianceRule ? { complianceRule: d.complianceRule } : {}),
    ...(d.securityHubControl ? { securityHubControl: d.securityHubControl } : {}),
  };
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

async function checkFile(file: string, io: CliIo, policies: PolicyCheckOptions): Promise<FileReport> {
  let text: string;
  try {
    text = file === STDIN ? await io.readStdin() : await io.readFile(file);
  } catch (cause) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    return { file, valid: false, unreadable: true, diagnostics: [{ severity: "error", path: "", code: "unreadable-file", message: `cannot read ${file}: ${reason}` }] };
  }
  const { valid, diagnostics } = checkPoolDocumentText(text, file === STDIN ? undefined : file, policies);
  return { file, valid, diagnostics };
}

function textLine(label: string, d: Diagnostic): string {
  return `${label}: ${d.severity}${d.path ? ` ${d.path}` : ""} (${d.code}): ${d.message}\n`;
}

/**
 * Reads `--policy FILE`; a file that cannot be read or has a policy that does not compile stops the command
 * (exit 2): a pipeline must not pass because one of its rules was silently skipped.
 */
async function readPolicies(file: string | undefined, target: { name?: string; region?: string }, io: CliIo): Promise<PolicyCheckOptions | number> {
  if (file === undefined) {
    if (target.name !== undefined) throw new UsageError("--target names the target policies are checked for; give --policy FILE too");
    if (target.region !== undefined) throw new UsageError("--target-region is the Region of the target policies are checked for; give --policy FILE too");
    return {};
  }
  if (target.region !== undefined && !regionSchema.safeParse(target.region).success)
    throw new UsageError(`--target-region must be an AWS Region code like us-east-1 or eu-west-2; got "${target.region}"`);
  const text = await readInputText(io, "validate", file);
  if (text === undefined) return EXIT_USAGE;
  // Loaded here, not at the top: the CEL evaluator and its RE2 engine cost every validate without --policy about
  // 30 ms of CPU (median of 15 runs: 210 → 180 ms on a loaded 2-core machine).
  const [{ readPolicyFile }, { evaluatePolicies }] = await Promise.all([import("../../lib/cognito/policies/read-policy-file"), import("../../lib/cognito/policies/evaluate")]);
  const read = readPolicyFile(text);
  if (read.problems.length > 0) {
    for (const problem of read.problems) io.stderr(`cognito-studio validate: ${file}: ${problem}\n`);
    return EXIT_USAGE;
  }
  // Without --target-region, target.region is the design's own (the studio's target has its own Region).
  const given = target.name !== undefined || target.region !== undefined;
  const policyTarget = given ? { name: target.name ?? "", region: target.region ?? "" } : undefined;
  return { checkPolicies: (document) => evaluatePolicies(read.compiled, document, policyTarget) };
}

async function run(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, {
    format: { type: "string", short: "f" },
    policy: { type: "string" },
    target: { type: "string" },
    "target-region": { type: "string" },
  });
  const format = oneOf("format", values.format, FORMATS, "text");
  if (positionals.length === 0) throw new UsageError("give at least one file to validate (or - for standard input)");
  if (positionals.filter((p) => p === STDIN).length > 1) throw new UsageError("standard input (-) can be read only once");

  const policies = await readPolicies(values.policy, { name: values.target, region: values["target-region"] }, io);
  if (typeof policies === "number") return policies;

  const reports: FileReport[] = [];
  for (const file of positionals) reports.push(await checkFile(file, io, policies));

  for (const r of reports) if (r.unreadable) io.stderr(`cognito-studio validate: ${r.diagnostics[0]?.message}\n`);

  if (format === "json") {
    const objects = reports.map((r) => ({ valid: r.valid, diagnostics: r.diagnostics.map(jsonDiagnostic) }));
    const out = reports.length === 1 ? objects[0] : objects.map((o, i) => ({ file: reports[i]?.file, ...o }));
    io.stdout(`${JSON.stringify(out, null, 2)}\n`);
  } else {
    for (const r of reports) {
      if (r.unreadable) continue;
      const label = r.file === STDIN ? "<stdin>" : r.file;
      for (const d of r.diagnostics) io.stdout(textLine(label, d));
    }
    const readable = reports.filter((r) => !r.unreadable);
    const all = readable.flatMap((r) => r.diagnostics);
    const errors = all.filter((d) => d.severity === "error").length;
    const warnings = all.length - errors;
    const invalid = readable.filter((r) => !r.valid).length;
    const unreadable = reports.length - readable.length;
    const files = readable.length === 1 && reports.length === 1 ? (readable[0]?.file === STDIN ? "<stdin>" : readable[0]?.file) : plural(readable.length, "file");
    if (readable.length > 0)
      io.stdout(
        `${invalid === 0 ? "valid" : "invalid"}: ${files}${readable.length > 1 ? ` (${invalid} invalid)` : ""}, ${plural(errors, "error")}, ${plural(warnings, "warning")}${unreadable > 0 ? `; ${plural(unreadable, "file")} unreadable` : ""}\n`,
      );
  }

  if (reports.some((r) => r.unreadable)) return EXIT_USAGE;
  return reports.every((r) => r.valid) ? EXIT_OK : EXIT_INVALID;
}

export const validateCommand: Command = {
  name: "validate",
  usage: `Usage: cognito-studio validate [--format text|json] [--policy POLICIES.yaml [--target NAME] [--target-region REGION]] FILE... (- reads standard input)

Reads each file (a cognito-studio.dev/v1 UserPool document or an OpenMCF AwsCognitoUserPool manifest, YAML or
JSON), validates it against the AWS API constraints and cross-field rules, and reports best-practice findings
as warnings. Options may come before or after the files.

Options:
  -f, --format text|json  output format (default text). json prints {"valid", "diagnostics"} for one file, or a
                          list of such objects, each with a "file" key, for several files
  --policy FILE           also check the workspace's policies (a PolicySet file, as the Policies page exports);
                          each violation is reported with code policy/<id>: a blocking policy's as an error,
                          a warning policy's as a warning
  --target NAME           the target the policies are checked for (target.name; target.region is the spec's
                          region unless --target-region gives it). Without it target.name is ""
  --target-region REGION  the target's Region (target.region), as the studio's target has it, when it is
                          not the spec's region

Exit status: 0 no errors (warnings allowed), 1 a file has errors or breaks a blocking policy, 2 usage error,
unreadable file or a policy file with problems.
`,
  run,
};
