/** `cognito-studio schema`: prints the JSON Schema of the native pool document, for editors and CI. */
import { poolDocumentJsonSchema } from "../../lib/cognito/spec/json-schema";
import { parseCommandArgs } from "../args";
import { type CliIo, type Command, EXIT_OK, UsageError } from "../io";

async function run(args: string[], io: CliIo): Promise<number> {
  const { positionals } = parseCommandArgs(args, {});
  if (positionals.length > 0) throw new UsageError(`schema takes no arguments; got ${positionals.join(" ")}`);
  io.stdout(`${JSON.stringify(poolDocumentJsonSchema(), null, 2)}\n`);
  return EXIT_OK;
}

export const schemaCommand: Command = {
  name: "schema",
  usage: `Usage: cognito-studio schema

Prints the JSON Schema (draft 2020-12) of cognito-studio.dev/v1 UserPool documents, generated from the same
zod schemas the studio validates with. Point your editor's YAML/JSON language server at it.
`,
  run,
};
