import { describe, expect, test } from "vitest";
import packageJson from "../package.json" with { type: "json" };
import { runCli } from "./main";
import { memoryIo } from "@/test/support/cli-io";

describe("cognito-studio", () => {
  test("--version prints the package version", async () => {
    const io = memoryIo();
    expect(await runCli(["--version"], io)).toBe(0);
    expect(io.out()).toBe(`${packageJson.version}\n`);
  });

  test("--help describes usage and exits 0", async () => {
    const io = memoryIo();
    expect(await runCli(["--help"], io)).toBe(0);
    expect(io.out()).toContain("Usage: cognito-studio <command>");
  });

  test("no arguments prints help and exits 2", async () => {
    const io = memoryIo();
    expect(await runCli([], io)).toBe(2);
    expect(io.out()).toContain("Usage:");
  });

  test("an unknown command is a usage error naming it", async () => {
    const io = memoryIo();
    expect(await runCli(["frobnicate"], io)).toBe(2);
    expect(io.err()).toContain('unknown command "frobnicate"');
  });
});
