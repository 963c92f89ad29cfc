/** `cognito-studio policies starter`: prints the starter policy set as a PolicySet file, for `validate --policy`. */
import { renderPolicyFile } from "../../lib/cognito/policies/read-policy-file";
import { STARTER_POLICIES } from "../../lib/cognito/policies/starter-set";
import { parseCommandArgs } from "../args";
import { type CliIo, type Command, EXIT_OK, UsageError } from "../io";

async function run(args: string[], io: CliIo): Promise<number> {
  const { positionals } = parseCommandArgs(args, {});
  if (positionals.length !== 1 || positionals[0] !== "starter") throw new UsageError(`policies takes one argument, starter; got ${positionals.join(" ") || "none"}`);
  io.stdout(renderPolicyFile(STARTER_POLICIES));
  return EXIT_OK;
}

export const policiesCommand: Command = {
  name: "policies",
  usage: `Usage: cognito-studio policies starter

Prints the starter policy set (production pools keep deletion protection and MFA, no implicit grant, no
localhost callbacks in production, refresh tokens at most 30 days, passwords of 12 characters) as a PolicySet
file. Check a pool against it with: cognito-studio validate FILE --policy POLICIES.yaml --target prod
`,
  run,
};
