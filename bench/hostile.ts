import { checkFileText, detectImportFormat, importPoolDocument } from "../lib/cognito/formats";
import { fileRole } from "../lib/cognito/formats/terraform/terraform-config";
import { medianMs, printRow } from "./measure";

/** Hostile input: how long the guards take on the worst bodies an import can send (they must stay linear). */
export async function benchHostile(): Promise<void> {
  const flood = "\n".repeat(500_000);
  let ms = await medianMs(() => detectImportFormat(flood), 5);
  printRow("detect the format of 500,000 newlines", ms, "(was 25 s for 80,000 with multiline ^\\s* patterns; target < 50 ms)");
  ms = await medianMs(() => fileRole("pasted text", "\r\n".repeat(500_000)), 5);
  printRow("tell pasted text's Terraform role, 500,000 CRLF", ms, "(was 20 s for 40,000 with a multiline ^\\s* block pattern; target < 50 ms)");
  const template = `Resources:${flood}  Pool:${flood}    Type:${flood}      AWS::Cognito::UserPool\n`;
  ms = await medianMs(() => detectImportFormat(template), 5);
  printRow("detect a template with 1,500,000 newlines between its keys", ms, "(target < 100 ms)");
  const deep = "[".repeat(1_000_000);
  ms = await medianMs(() => importPoolDocument(deep, "spec"), 5);
  printRow("import 1,000,000 '[' (refused: too deep)", ms, "(target < 50 ms)");
  const wide = `${"a: [1, {b: \"x\"}]\n".repeat(110_000)}`;
  ms = await medianMs(() => checkFileText(wide, "wide.yaml"), 5);
  printRow(`input limits on ${(wide.length / 1e6).toFixed(1)} MB of shallow flow YAML`, ms, "(the YAML parse of it takes about 13 s: the parse worker's time limit ends it)");
}
