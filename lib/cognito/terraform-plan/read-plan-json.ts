/**
 * Reads the JSON of a saved Terraform plan (`terraform show -json PLANFILE`, format documented at
 * https://developer.hashicorp.com/terraform/internals/json-format) and keeps what concerns Cognito: every
 * `aws_cognito_*` managed resource change, wherever it is (root module, `module.x`, `count` / `for_each`
 * instances), and the configuration's references that tie a child resource to its pool. Never throws.
 */
import { nestsDeeperThan } from "../formats/input-limits";
import { type Diagnostic, error } from "../spec/diagnostics";

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => v !== null && typeof v === "object" && !Array.isArray(v);

/** Terraform's action list for one resource (`["delete","create"]` is a replacement). */
export type TerraformAction = "no-op" | "create" | "read" | "update" | "delete" | "replace";

/** One `aws_cognito_*` resource change of the plan. */
export interface CognitoResourceChange {
  /** As Terraform prints it: `module.auth.aws_cognito_user_pool_client.web["mobile"]`. */
  address: string;
  /** `module.auth` (or "" in the root module). */
  moduleAddress: string;
  type: string;
  name: string;
  /** The `count` / `for_each` key, when there is one. */
  index?: string | number;
  action: TerraformAction;
  before: Json | null;
  after: Json | null;
  /** Terraform's markers (`true` at a path = unknown until apply / sensitive). */
  afterUnknown: unknown;
  beforeSensitive: unknown;
  afterSensitive: unknown;
  /** Terraform's own reason for a replacement (`replace_because_cannot_update`) and the attributes that force it. */
  actionReason?: string;
  replacePaths: string[];
  /** The configuration's references of `user_pool_id` / `client_id` (`aws_cognito_user_pool.shop.id`), made absolute to the module. */
  references: { userPoolId: string[]; clientId: string[] };
  /** Arguments the configuration sets (its `expressions`): an unknown value among them is worth naming. */
  configured: string[];
}

export interface TerraformPlanJson {
  terraformVersion?: string;
  formatVersion?: string;
  /** Every `aws_cognito_*` change, noops included (a child needs its pool even when the pool does not change). */
  changes: CognitoResourceChange[];
  /** The `aws` provider's Region when the configuration sets it as a constant. */
  providerRegion?: string;
  /** True when the plan holds no resource change at all (a refresh-only plan, or nothing to do). */
  refreshOnly: boolean;
  /** Other managed resources that change, named so nothing is silently left out. */
  otherChanges: number;
  /** `aws_cognito_*` resources that change in the drift Terraform found on refresh (`resource_drift`). */
  drift: { address: string; action: TerraformAction }[];
}

export type ReadPlanResult = { plan?: TerraformPlanJson; diagnostics: Diagnostic[] };

export function actionOf(actions: unknown): TerraformAction {
  const list = Array.isArray(actions) ? actions.filter((a): a is string => typeof a === "string") : [];
  if (list.includes("delete") && list.includes("create")) return "replace";
  const one = list[0];
  return one === "create" || one === "read" || one === "update" || one === "delete" ? one : "no-op";
}

function pathText(path: unknown): string {
  // Terraform writes strings and numbers; anything else (an object whose toString is not a function) says nothing.
  if (!Array.isArray(path) || !path.every((p) => typeof p === "string" || typeof p === "number")) return "";
  return path.map((p, i) => (typeof p === "number" ? `[${p}]` : i === 0 ? p : `.${p}`)).join("");
}

/** `module.a.module.b` → the configuration's module_calls chain. */
function moduleConfig(configuration: unknown, moduleAddress: string): Json | undefined {
  let module = isObject(configuration) && isObject(configuration.root_module) ? configuration.root_module : undefined;
  if (!moduleAddress) return module;
  for (const part of moduleAddress.split(/\.(?=module\.)/u)) {
    const name = /^module\.([^.[]+)/u.exec(part)?.[1];
    const calls = module && isObject(module.module_calls) ? module.module_calls : undefined;
    const call = name && calls && isObject(calls[name]) ? calls[name] : undefined;
    module = call && isObject(call.module) ? call.module : undefined;
  }
  return module;
}

function expressionsOf(configuration: unknown, moduleAddress: string, type: string, name: string): Json | undefined {
  const module = moduleConfig(configuration, moduleAddress);
  const resources = module && Array.isArray(module.resources) ? module.resources : [];
  const resource = resources.find((r): r is Json => isObject(r) && r.type === type && r.name === name && r.mode !== "data");
  return resource && isObject(resource.expressions) ? resource.expressions : undefined;
}

/** `password_policy[0].minimum_length`: the paths of the configuration's expressions (blocks are lists of bodies). */
function configuredPaths(expressions: Json, prefix: string): string[] {
  const out: string[] = [];
  for (const [key, value] of Object.entries(expressions)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (Array.isArray(value)) value.forEach((body, i) => (isObject(body) ? out.push(...configuredPaths(body, `${path}[${i}]`)) : undefined));
    else out.push(path);
  }
  return out;
}

function referencesOf(configuration: unknown, moduleAddress: string, type: string, name: string, attribute: string): string[] {
  const expression = expressionsOf(configuration, moduleAddress, type, name)?.[attribute];
  const refs = isObject(expression) && Array.isArray(expression.references) ? expression.references.filter((r): r is string => typeof r === "string") : [];
  // Module instance keys are not in the configuration: the prefix is the module path without them.
  const prefix = moduleAddress ? `${moduleAddress.replace(/\[[^\]]*\]/gu, "")}.` : "";
  return refs.filter((r) => /^aws_cognito_/u.test(r)).map((r) => `${prefix}${r}`);
}

function providerRegionOf(configuration: unknown): string | undefined {
  const config = isObject(configuration) && isObject(configuration.provider_config) ? configuration.provider_config : undefined;
  const aws = config && isObject(config.aws) ? config.aws : undefined;
  const expressions = aws && isObject(aws.expressions) ? aws.expressions : undefined;
  const region = expressions && isObject(expressions.region) ? expressions.region.constant_value : undefined;
  return typeof region === "string" ? region : undefined;
}

function readChange(rc: Json, configuration: unknown): CognitoResourceChange | undefined {
  const change = isObject(rc.change) ? rc.change : undefined;
  if (!change || typeof rc.address !== "string" || typeof rc.type !== "string") return undefined;
  const moduleAddress = typeof rc.module_address === "string" ? rc.module_address : "";
  const name = typeof rc.name === "string" ? rc.name : "";
  const index = typeof rc.index === "string" || typeof rc.index === "number" ? rc.index : undefined;
  return {
    address: rc.address,
    moduleAddress,
    type: rc.type,
    name,
    ...(index !== undefined ? { index } : {}),
    action: actionOf(change.actions),
    before: isObject(change.before) ? change.before : null,
    after: isObject(change.after) ? change.after : null,
    afterUnknown: change.after_unknown,
    beforeSensitive: change.before_sensitive,
    afterSensitive: change.after_sensitive,
    ...(typeof rc.action_reason === "string" ? { actionReason: rc.action_reason } : {}),
    replacePaths: Array.isArray(change.replace_paths) ? change.replace_paths.map(pathText).filter(Boolean) : [],
    references: {
      userPoolId: referencesOf(configuration, moduleAddress, rc.type, name, "user_pool_id"),
      clientId: referencesOf(configuration, moduleAddress, rc.type, name, "client_id"),
    },
    configured: configuredPaths(expressionsOf(configuration, moduleAddress, rc.type, name) ?? {}, ""),
  };
}

function lineAndColumn(text: string, offset: number): string {
  const before = text.slice(0, offset);
  const line = before.split("\n").length;
  return `line ${line}, column ${offset - before.lastIndexOf("\n")}`;
}

/** V8 quotes about ten characters either side of an unexpected token: `..."secret":Valu"...`. */
const QUOTED_CONTEXT = /^Unexpected token .*?, (\.\.\.)?"(.*)"(\.\.\.)? is not valid JSON$/su;

/**
 * What JSON.parse said, without the text it quotes: a plan holds sensitive values in clear (only marked as
 * sensitive, https://developer.hashicorp.com/terraform/internals/json-format#change-representation), and the
 * message goes to CI logs and pull-request comments. The place is given as a line and column instead.
 */
function jsonErrorWords(text: string, message: string): string {
  const position = /at position (\d+)/u.exec(message);
  const what = message.replace(/\s*(in JSON )?at position \d+.*$/su, "");
  if (position) return `${what} at ${lineAndColumn(text, Number(position[1]))}`;
  const quoted = QUOTED_CONTEXT.exec(message);
  if (!quoted) return what.includes('"') ? "invalid JSON" : what;
  const at = text.indexOf(quoted[2] ?? "");
  const offset = at === -1 ? -1 : at + (quoted[1] ? 10 : 0);
  return offset === -1 ? "an unexpected character" : `an unexpected character at ${lineAndColumn(text, offset)}`;
}

/** Far deeper than a plan (modules in modules, nested blocks: a few dozen), shallow enough for every recursive reader. */
const MAX_NESTING = 200;

/**
 * Terraform's promise: a new major format_version is an incompatible change
 * (https://developer.hashicorp.com/terraform/internals/json-format#format-summary). Format 1 is what 0.12 and later write.
 */
function formatProblem(version: unknown): Diagnostic | undefined {
  if (version === undefined || (typeof version === "string" && /^1\.\d+$/u.test(version))) return undefined;
  return error(
    "",
    "unsupported-format",
    `the plan's format_version is ${JSON.stringify(version)}; the studio reads format 1.x, what Terraform 0.12 and later write (https://developer.hashicorp.com/terraform/internals/json-format): give the output of \`terraform show -json PLANFILE\` from such a Terraform`,
  );
}

/** Parses `terraform show -json` output. A file that is not a plan (a state, HCL, a plan made by `terraform plan` without `show -json`) is an error naming what to run. */
export function readTerraformPlanJson(text: string): ReadPlanResult {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (cause) {
    const where = jsonErrorWords(text, cause instanceof Error ? cause.message : String(cause));
    return { diagnostics: [error("", "not-json", `the file is not JSON (${where}); give the output of \`terraform show -json PLANFILE\`, not the binary plan file`)] };
  }
  if (!isObject(json) || (!("resource_changes" in json) && !("planned_values" in json) && !("prior_state" in json)))
    return { diagnostics: [error("", "not-a-plan", "the JSON is not a Terraform plan: it has no resource_changes; save a plan with `terraform plan -out PLANFILE`, then give the output of `terraform show -json PLANFILE`")] };
  if (nestsDeeperThan(json, MAX_NESTING))
    return { diagnostics: [error("", "too-deep", `the plan's JSON nests more than ${MAX_NESTING} levels deep; a Terraform plan nests a few dozen: give the output of \`terraform show -json PLANFILE\` as Terraform wrote it`)] };
  const unsupported = formatProblem(json.format_version);
  if (unsupported) return { diagnostics: [unsupported] };
  const all = Array.isArray(json.resource_changes) ? json.resource_changes.filter(isObject) : [];
  const managed = all.filter((rc) => rc.mode !== "data");
  const cognito = managed.filter((rc) => typeof rc.type === "string" && rc.type.startsWith("aws_cognito_"));
  const changes = cognito.map((rc) => readChange(rc, json.configuration)).filter((c): c is CognitoResourceChange => c !== undefined);
  const drift = (Array.isArray(json.resource_drift) ? json.resource_drift.filter(isObject) : [])
    .filter((rc) => typeof rc.type === "string" && rc.type.startsWith("aws_cognito_") && typeof rc.address === "string")
    .map((rc) => ({ address: rc.address as string, action: actionOf(isObject(rc.change) ? rc.change.actions : undefined) }));
  const changing = (rc: Json) => actionOf(isObject(rc.change) ? rc.change.actions : undefined) !== "no-op";
  return {
    plan: {
      ...(typeof json.terraform_version === "string" ? { terraformVersion: json.terraform_version } : {}),
      ...(typeof json.format_version === "string" ? { formatVersion: json.format_version } : {}),
      changes,
      ...(providerRegionOf(json.configuration) ? { providerRegion: providerRegionOf(json.configuration) } : {}),
      refreshOnly: !managed.some(changing),
      otherChanges: managed.filter((rc) => !cognito.includes(rc) && changing(rc)).length,
      drift,
    },
    diagnostics: [],
  };
}
