#!/bin/sh
# Rewrites test/fixtures/terraform-plans/*.json: real `terraform show -json` plans of Cognito changes, made by
# test/terraform-plan-review.integration.test.ts with terraform and the hashicorp/aws provider against moto.
# The unit tests of lib/cognito/terraform-plan read them, so they run without terraform.
set -e
cd "$(dirname "$0")/.."
UPDATE_TERRAFORM_PLAN_FIXTURES=1 npx vitest run --project integration test/terraform-plan-review.integration.test.ts
