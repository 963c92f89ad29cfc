/**
 * Test support: run the real `terraform` CLI offline against moto. The hashicorp/aws provider comes from a local
 * filesystem mirror (no network), found at run time: `TF_PROVIDER_MIRROR`, else the usual plugin folders
 * (https://developer.hashicorp.com/terraform/cli/config/config-file#implied-local-mirror-directories), else a
 * search of the machine's root file system for the provider binary (as `.ci/run` does), so a plain `npm test`
 * finds a mirror kept anywhere.
 */
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, writeFileSync } from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";

const PROVIDER_DIR = join("registry.terraform.io", "hashicorp", "aws");

/** Whether `terraform version` runs. */
export function terraformVersion(): string | undefined {
  const run = spawnSync("terraform", ["version"], { encoding: "utf8", env: { ...process.env, TF_CLI_CONFIG_FILE: "/dev/null" } });
  return run.status === 0 ? run.stdout.split("\n")[0] : undefined;
}

/** The folder holding registry.terraform.io/hashicorp/aws/VERSION/OS_ARCH, or undefined. */
export function findProviderMirror(): string | undefined {
  const candidates = [
    process.env.TF_PROVIDER_MIRROR,
    process.env.TF_PLUGIN_CACHE_DIR,
    join(homedir(), ".terraform.d", "plugins"),
    join(homedir(), ".local", "share", "terraform", "plugins"),
    "/usr/local/share/terraform/plugins",
    "/usr/share/terraform/plugins",
  ].filter((c): c is string => !!c);
  return candidates.find((c) => existsSync(join(c, PROVIDER_DIR)) && readdirSync(join(c, PROVIDER_DIR)).length > 0) ?? searchProviderMirror();
}

/** MIRROR/registry.terraform.io/hashicorp/aws/VERSION/OS_ARCH/terraform-provider-aws_* → MIRROR, found with find(1). */
function searchProviderMirror(): string | undefined {
  const found = spawnSync("find", ["/", "-xdev", "-path", "*/registry.terraform.io/hashicorp/aws/*", "-name", "terraform-provider-aws*", "-type", "f", "-print", "-quit"], { encoding: "utf8", timeout: 120_000 });
  const binary = found.stdout?.split("\n")[0] ?? "";
  const at = binary.indexOf(`/${PROVIDER_DIR}/`);
  return at > 0 ? binary.slice(0, at) : undefined;
}

/** The provider versions a mirror holds (e.g. ["5.100.0"]). */
export function mirroredProviderVersions(mirror: string): string[] {
  return readdirSync(join(mirror, PROVIDER_DIR));
}

/** Writes a CLI configuration that installs hashicorp/aws from `mirror` only, and returns its path. */
export function writeCliConfig(folder: string, mirror: string): string {
  const file = join(folder, "terraform.tfrc");
  writeFileSync(
    file,
    [
      "provider_installation {",
      "  filesystem_mirror {",
      `    path    = ${JSON.stringify(mirror)}`,
      '    include = ["registry.terraform.io/hashicorp/aws"]',
      "  }",
      "  direct {",
      '    exclude = ["registry.terraform.io/hashicorp/aws"]',
      "  }",
      "}",
      "",
    ].join("\n"),
  );
  return file;
}

/**
 * A provider override (Terraform merges `*_override.tf` into the `provider "aws"` block of the export): Cognito
 * calls (and those of any other `services`, provider endpoint names such as `apigateway`) go to moto with fake
 * credentials, and nothing else is asked of AWS.
 */
export function writeMotoProviderOverride(folder: string, endpoint: string, services: readonly string[] = ["cognitoidp"]): void {
  writeFileSync(
    join(folder, "moto_override.tf"),
    [
      'provider "aws" {',
      '  access_key                  = "testing"',
      '  secret_key                  = "testing"',
      "  skip_credentials_validation = true",
      "  skip_metadata_api_check     = true",
      "  skip_requesting_account_id  = true",
      "  skip_region_validation      = true",
      "  endpoints {",
      ...services.map((service) => `    ${service} = ${JSON.stringify(endpoint)}`),
      "  }",
      "}",
      "",
    ].join("\n"),
  );
}

export type TerraformRun = { status: number; stdout: string; stderr: string };

/** Runs terraform in `folder` with the given CLI configuration; never throws. */
export function terraform(folder: string, cliConfig: string, args: string[], env: Record<string, string> = {}): TerraformRun {
  const run = spawnSync("terraform", args, {
    cwd: folder,
    encoding: "utf8",
    env: { ...process.env, ...env, TF_CLI_CONFIG_FILE: cliConfig, TF_IN_AUTOMATION: "1", TF_INPUT: "0", CHECKPOINT_DISABLE: "1" },
    maxBuffer: 64 * 1024 * 1024,
  });
  return { status: run.status ?? -1, stdout: run.stdout ?? "", stderr: run.stderr ?? "" };
}
