/**
 * Importing the hashicorp/aws 6.x resources of the newer settings from files people write by hand:
 * `aws_cognito_managed_login_branding`, `aws_cognito_user_pool_ui_customization` and
 * `aws_cognito_log_delivery_configuration` (argument names from the provider docs,
 * https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/cognito_log_delivery_configuration
 * and its siblings). What the model cannot hold is a warning; what cannot be evaluated is a gap.
 */
import { describe, expect, test } from "vitest";
import { parseTerraform } from "./parse-terraform";

const POOL = `
provider "aws" {
  region = "eu-west-1"
}
resource "aws_cognito_user_pool" "main" {
  name           = "shop"
  user_pool_tier = "PLUS"
}
resource "aws_cognito_user_pool_client" "spa" {
  name         = "web"
  user_pool_id = aws_cognito_user_pool.main.id
}
`;

describe("aws_cognito_log_delivery_configuration", () => {
  test("log_configurations blocks with their destination blocks become the pool's log delivery", async () => {
    const result = await parseTerraform(`${POOL}
resource "aws_cognito_log_delivery_configuration" "logs" {
  user_pool_id = aws_cognito_user_pool.main.id

  log_configurations {
    event_source = "userNotification"
    log_level    = "ERROR"
    cloud_watch_logs_configuration {
      log_group_arn = "arn:aws:logs:eu-west-1:123456789012:log-group:cognito"
    }
  }

  log_configurations {
    event_source = "userAuthEvents"
    log_level    = "INFO"
    firehose_configuration {
      stream_arn = "arn:aws:firehose:eu-west-1:123456789012:deliverystream/auth"
    }
  }
}`);
    expect(result.diagnostics).toEqual([]);
    expect(result.document?.spec.logDeliveryConfiguration).toEqual({
      logConfigurations: [
        { eventSource: "userNotification", logLevel: "ERROR", cloudWatchLogsConfiguration: { logGroupArn: "arn:aws:logs:eu-west-1:123456789012:log-group:cognito" } },
        { eventSource: "userAuthEvents", logLevel: "INFO", firehoseConfiguration: { streamArn: "arn:aws:firehose:eu-west-1:123456789012:deliverystream/auth" } },
      ],
    });
  });

  test("a second configuration of the same pool is named and left out", async () => {
    const one = `
resource "aws_cognito_log_delivery_configuration" "LABEL" {
  user_pool_id = aws_cognito_user_pool.main.id
  log_configurations {
    event_source = "userNotification"
    log_level    = "ERROR"
    cloud_watch_logs_configuration {
      log_group_arn = "arn:aws:logs:eu-west-1:123456789012:log-group:LABEL"
    }
  }
}`;
    const result = await parseTerraform(`${POOL}${one.replaceAll("LABEL", "a")}${one.replaceAll("LABEL", "b")}`);
    expect(result.document?.spec.logDeliveryConfiguration?.logConfigurations[0]?.cloudWatchLogsConfiguration?.logGroupArn).toMatch(/:a$/u);
    expect(result.diagnostics).toEqual([expect.objectContaining({ code: "repeated-block", message: expect.stringContaining("aws_cognito_log_delivery_configuration.b") })]);
  });
});

describe("aws_cognito_managed_login_branding", () => {
  test("the client by its resource, settings from jsonencode or a JSON heredoc, and asset blocks", async () => {
    const result = await parseTerraform(`${POOL}
resource "aws_cognito_user_pool_client" "admin" {
  name         = "admin console"
  user_pool_id = aws_cognito_user_pool.main.id
}
resource "aws_cognito_managed_login_branding" "spa" {
  user_pool_id = aws_cognito_user_pool.main.id
  client_id    = aws_cognito_user_pool_client.spa.id
  settings = jsonencode({
    categories = { global = { colorSchemeMode = "DARK" } }
  })
  asset {
    bytes      = "iVBORw0KGgo="
    category   = "PAGE_HEADER_LOGO"
    color_mode = "DARK"
    extension  = "PNG"
  }
}
resource "aws_cognito_managed_login_branding" "admin" {
  user_pool_id = aws_cognito_user_pool.main.id
  client_id    = aws_cognito_user_pool_client.admin.id
  settings     = <<-EOT
    {"components": {"form": {"borderRadius": 8}}}
  EOT
}`);
    expect(result.diagnostics).toEqual([]);
    expect(result.document?.spec.managedLoginBranding).toEqual([
      { clientName: "web", settings: { categories: { global: { colorSchemeMode: "DARK" } } }, assets: [{ category: "PAGE_HEADER_LOGO", colorMode: "DARK", extension: "PNG", bytes: "iVBORw0KGgo=" }] },
      { clientName: "admin console", settings: { components: { form: { borderRadius: 8 } } } },
    ]);
  });

  test("settings that are not JSON text are named and left out; other arguments are named", async () => {
    const result = await parseTerraform(`${POOL}
resource "aws_cognito_managed_login_branding" "spa" {
  user_pool_id                = aws_cognito_user_pool.main.id
  client_id                   = aws_cognito_user_pool_client.spa.id
  use_cognito_provided_values = false
  settings                    = "colour: dark"
  region                      = "eu-west-1"
}`);
    expect(result.document?.spec.managedLoginBranding).toEqual([{ clientName: "web", useCognitoProvidedValues: false }]);
    expect(result.diagnostics.map((d) => d.code).sort()).toEqual(["not-imported", "not-in-model"]);
    const messages = result.diagnostics.map((d) => d.message).join("\n");
    expect(messages).toContain("aws_cognito_managed_login_branding.spa (main.tf line 14): settings is not JSON text");
    expect(messages).toContain("aws_cognito_managed_login_branding.spa (main.tf line 14): region has no place in the pool model");
  });
});

describe("aws_cognito_user_pool_ui_customization", () => {
  test("no client_id is every client (ALL); a client id from elsewhere is kept as written, and the document's rule names it", async () => {
    const result = await parseTerraform(`${POOL}
resource "aws_cognito_user_pool_domain" "main" {
  domain       = "shop-login"
  user_pool_id = aws_cognito_user_pool.main.id
}
resource "aws_cognito_user_pool_ui_customization" "all" {
  user_pool_id = aws_cognito_user_pool.main.id
  css          = ".label-customizable { font-weight: 400; }"
  depends_on   = [aws_cognito_user_pool_domain.main]
}
resource "aws_cognito_user_pool_ui_customization" "partner" {
  user_pool_id = aws_cognito_user_pool.main.id
  client_id    = "4tq8abcdefghij"
  css          = ".banner-customizable { background-color: #000; }"
}`);
    expect(result.document?.spec.uiCustomizations).toEqual([
      { clientName: "ALL", css: ".label-customizable { font-weight: 400; }" },
      { clientName: "4tq8abcdefghij", css: ".banner-customizable { background-color: #000; }" },
    ]);
    expect(result.diagnostics).toEqual([expect.objectContaining({ severity: "error", path: "spec.uiCustomizations[1].clientName", code: "ui-customization-unknown-client" })]);
  });

  test("a logo read with filebase64() is a gap at imageFile, not a silent loss", async () => {
    const result = await parseTerraform(`${POOL}
resource "aws_cognito_user_pool_domain" "main" {
  domain       = "shop-login"
  user_pool_id = aws_cognito_user_pool.main.id
}
resource "aws_cognito_user_pool_ui_customization" "spa" {
  user_pool_id = aws_cognito_user_pool.main.id
  client_id    = aws_cognito_user_pool_client.spa.id
  image_file   = filebase64("logo.png")
}`);
    expect(result.diagnostics).toEqual([expect.objectContaining({ severity: "error", path: "spec.uiCustomizations[0].imageFile" })]);
  });
});
