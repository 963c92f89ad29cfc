import { fullDiff } from "@aws-cdk/cloudformation-diff";
import { parse as parseYaml } from "yaml";
import { CFN_READ_TAGS } from "../lib/cognito/formats/cloudformation/intrinsics";
import { EXPORTERS, IMPORTERS, type ExportFormat, type ImportFormat } from "../lib/cognito/formats";
import { planChanges } from "../lib/cognito/plan";
import { validatePoolDocument, hasErrors } from "../lib/cognito/spec";
import { findPoolFindings } from "../lib/cognito/findings";
import { STARTER_POLICIES, compilePolicies, evaluatePolicies } from "../lib/cognito/policies";
import { quotaSizedPool, withTenPercentChanged } from "../test/support/pool-documents";
import { medianMs, medianTimes, printRow } from "./measure";

const TARGET_MS = 50;
/** Imports parse the whole file before mapping it, so their target is twice the rest's. */
const IMPORT_TARGET_MS = 100;
const verdict = (ms: number, target = TARGET_MS) => (ms < target ? `(target < ${target} ms: met)` : `(target < ${target} ms: NOT met)`);
/** The verdict on the wall time, with the CPU time beside it (what a quiet machine would show). */
const timed = ({ wall, cpu }: { wall: number; cpu: number }, target = TARGET_MS) => `${verdict(wall, target)}  cpu ${cpu.toFixed(1)} ms`;

/** The spec-and-formats benchmark's figures: validate, plan, each export and import of the maximal pool, and the CDK peer. */
export async function benchCore(): Promise<void> {
  const current = quotaSizedPool();
  const desired = withTenPercentChanged(current);
  const { diagnostics } = validatePoolDocument(desired);
  if (hasErrors(diagnostics)) throw new Error(`the maximal pool is invalid: ${JSON.stringify(diagnostics.slice(0, 3))}`);
  console.log("maximal pool: 1000 clients, 25 resource servers x 100 scopes, 50 custom attributes; median of 7 runs");

  let times = await medianTimes(() => validatePoolDocument(desired));
  printRow("validate (schema + cross-field rules)", times.wall, timed(times));
  times = await medianTimes(() => findPoolFindings(desired));
  printRow("findings", times.wall, timed(times));
  times = await medianTimes(() => compilePolicies(STARTER_POLICIES));
  printRow(`compile the starter policies (${STARTER_POLICIES.length}, CEL)`, times.wall, timed(times));
  const { compiled } = compilePolicies(STARTER_POLICIES);
  times = await medianTimes(() => evaluatePolicies(compiled, desired, { name: "prod", region: "eu-west-1" }));
  printRow("evaluate the starter policies (1000 clients, target prod)", times.wall, timed(times));
  times = await medianTimes(() => planChanges(current, desired));
  const oursMs = times.wall;
  const plan = planChanges(current, desired);
  printRow(`plan (10% of clients changed: ${plan.summary.change} to change)`, oursMs, timed(times));

  const exported: Partial<Record<ExportFormat, string>> = {};
  for (const format of ["spec", "terraform", "terraform-module", "openmcf", "cloudformation"] as const) {
    times = await medianTimes(() => EXPORTERS[format](desired));
    exported[format] = EXPORTERS[format](desired).files[0]?.content ?? "";
    printRow(`export ${format} (${(exported[format]!.length / 1024).toFixed(0)} KiB)`, times.wall, timed(times));
  }
  for (const format of ["spec", "terraform", "openmcf", "cloudformation"] as const satisfies readonly ImportFormat[]) {
    const text = exported[format]!;
    const result = await IMPORTERS[format](text, { region: "eu-west-1" });
    if (!result.document) throw new Error(`import ${format} failed: ${JSON.stringify(result.diagnostics.slice(0, 3))}`);
    times = await medianTimes(() => IMPORTERS[format](text, { region: "eu-west-1" }), 5);
    printRow(`import ${format}`, times.wall, timed(times, IMPORT_TARGET_MS));
  }

  // The peer a CDK user relies on: cloudformation-diff's fullDiff on the CloudFormation exports of the
  // same two documents, already parsed (as our plan gets parsed documents).
  const before = parseYaml(EXPORTERS.cloudformation(current).files[0]!.content, { logLevel: "silent", customTags: CFN_READ_TAGS });
  const after = parseYaml(exported.cloudformation!, { logLevel: "silent", customTags: CFN_READ_TAGS });
  const theirsMs = await medianMs(() => fullDiff(before, after));
  const theirs = fullDiff(before, after);
  printRow(`@aws-cdk/cloudformation-diff fullDiff (${theirs.resources.differenceCount} resources differ)`, theirsMs);
  console.log(`ratio plan / fullDiff = ${(oursMs / theirsMs).toFixed(2)} (target below 1)`);
}
