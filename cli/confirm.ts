import { createInterface } from "node:readline/promises";
import type { CliIo } from "./io";

/** A CliIo may offer a confirmation prompt (tests); otherwise one is asked on a terminal. */
export type ConfirmingIo = CliIo & { confirm?: (question: string) => Promise<boolean> };

/** Asks on a terminal; only "yes" counts. undefined when there is no terminal to ask on (callers refuse then). */
export async function confirm(io: ConfirmingIo, question: string): Promise<boolean | undefined> {
  if (io.confirm) return io.confirm(question);
  if (!process.stdin.isTTY || !process.stdout.isTTY) return undefined;
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  try {
    return (await rl.question(question)).trim() === "yes";
  } finally {
    rl.close();
  }
}
