import type { Command } from "../io";
import { planCommand } from "./plan";
import { presetsCommand } from "./presets";
import { schemaCommand } from "./schema";
import { validateCommand } from "./validate";
import { exportCommand } from "./export";
import { importCommand } from "./import";
import { pullCommand } from "./pull";
import { applyCommand } from "./apply";
import { preflightCommand } from "./preflight";
import { connectCommand } from "./connect";
import { rotateSecretCommand } from "./rotate-secret";

/** Every command of the CLI, in the order `--help` lists them. Later commands register here. */
export const commands: Command[] = [
  validateCommand,
  schemaCommand,
  presetsCommand,
  planCommand,
  exportCommand,
  importCommand,
  pullCommand,
  applyCommand,
  preflightCommand,
  connectCommand,
  rotateSecretCommand,
];
