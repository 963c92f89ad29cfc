/**
 * Imports CloudFormation templates (YAML or JSON; hand-written, SAM or CDK-synthesised) as pool drafts: each
 * `AWS::Cognito::UserPool` is one draft with the resources whose `UserPoolId` names it. Resources whose
 * Condition is false are left out; everything else in the template is ignored with one line per kind saying
 * so. Never throws, and never refuses a template that holds a user pool: what it cannot evaluate is a named
 * gap on the draft.
 */
import { CFN_LOG_DELIVERY, CFN_RISK_CONFIGURATION } from "./risk-logs";
import { CFN_TERMS } from "./terms";
import { type Diagnostic, error, warning } from "../../spec/diagnostics";
import { describeError } from "../common";
import type { ImportFilesResult, ImportRequest, ImportedPool, SourceFile } from "../types";
import { Evaluator, pseudoParameterValues } from "./evaluate";
import { type Gap, isUnresolved } from "./gaps";
import { CFN_MANAGED_LOGIN_BRANDING, CFN_UI_CUSTOMIZATION } from "./branding";
import { CFN_GROUP, CFN_IDENTITY_PROVIDER } from "./groups-idps";
import { type PoolInput, importPool } from "./import-pool";
import { CFN_TYPES, STUDIO_METADATA } from "./naming";
import { readParameterFile } from "./parameter-files";
import { readParameters } from "./parameters";
import { type ServerlessScope, resolveServerlessVariables } from "./serverless-variables";
import { type TemplateSource, readTemplateSource } from "./template-source";

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => v !== null && typeof v === "object" && !Array.isArray(v);

/** The resources a pool's draft is made of (besides the pool). */
const POOL_MODEL_TYPES = new Set<string>([CFN_TYPES.client, CFN_TYPES.resourceServer, CFN_TYPES.domain, CFN_GROUP, CFN_IDENTITY_PROVIDER, CFN_MANAGED_LOGIN_BRANDING, CFN_UI_CUSTOMIZATION, CFN_TERMS, CFN_RISK_CONFIGURATION, CFN_LOG_DELIVERY]);

/** Template sections the import reads (the rest get one line each). */
const READ_SECTIONS = new Set(["AWSTemplateFormatVersion", "Description", "Resources", "Parameters", "Metadata", "Conditions", "Mappings", "Transform"]);

/** Transforms that leave Cognito resources as written (SAM expands only AWS::Serverless::*). */
const KNOWN_TRANSFORMS = new Set(["AWS::Serverless-2016-10-31", "AWS::LanguageExtensions"]);

const SAM_EXPLAINED = "SAM expands only AWS::Serverless::* resources; the Cognito resources were read as written";

/**
 * The logical id of the pool a `UserPoolId` names (`Ref`, or `Fn::GetAtt` of UserPoolId), if it is one of
 * `pools`. `Fn::If` (a pool created here or one given by a parameter) follows the branch its condition picks.
 */
function ownerOf(userPoolId: unknown, pools: ReadonlySet<string>, evaluator?: Evaluator): string | undefined {
  if (!isObject(userPoolId)) return undefined;
  if (typeof userPoolId.Ref === "string" && pools.has(userPoolId.Ref)) return userPoolId.Ref;
  const branches = userPoolId["Fn::If"];
  if (Array.isArray(branches) && branches.length === 3 && typeof branches[0] === "string" && evaluator) {
    const holds = evaluator.condition(branches[0]);
    const candidates = holds === true ? [branches[1]] : holds === false ? [branches[2]] : [branches[1], branches[2]];
    return candidates.map((b) => ownerOf(b, pools, evaluator)).find((id) => id !== undefined);
  }
  const getAtt = userPoolId["Fn::GetAtt"];
  const [id, attribute] = typeof getAtt === "string" ? getAtt.split(".") : Array.isArray(getAtt) ? getAtt : [];
  return typeof id === "string" && attribute === "UserPoolId" && pools.has(id) ? id : undefined;
}

/** Lines saying what was ignored: one per resource type (with its ids, and the first one's line), per scope. */
class IgnoredTypes {
  private readonly byType = new Map<string, string[]>();
  add(type: string, id: string) {
    this.byType.set(type, [...(this.byType.get(type) ?? []), id]);
  }
  lines(source: TemplateSource, what: (type: string) => string): Diagnostic[] {
    return [...this.byType].map(([type, ids]) => {
      const line = source.locate(["Resources", ids[0]])?.line;
      const named = ids.length <= 4 ? ids.join(", ") : `${ids.slice(0, 3).join(", ")} and ${ids.length - 3} more`;
      return warning("", "ignored-resource", `${source.file}${line ? ` line ${line}` : ""}: ${ids.length === 1 ? `${type} ${named} is` : `${ids.length} ${type} resources (${named}) are`} ${what(type)}; not imported`);
    });
  }
}

function whyIgnored(type: string): string {
  if (type.startsWith("AWS::Serverless::")) return `not part of a user pool (${SAM_EXPLAINED})`;
  if (type === "AWS::CDK::Metadata") return "CDK's usage report, not part of a user pool";
  if (type.startsWith("AWS::Cognito::")) return "not part of the pool model";
  return "not part of a user pool";
}

function sectionLines(source: TemplateSource): Diagnostic[] {
  const out: Diagnostic[] = [];
  const at = (key: string) => `${source.file}${source.locate([key])?.line ? ` line ${source.locate([key])?.line}` : ""}`;
  const { template } = source;
  const transforms = (Array.isArray(template.Transform) ? template.Transform : template.Transform === undefined ? [] : [template.Transform]).map((t) => (typeof t === "string" ? t : JSON.stringify(t)));
  for (const t of transforms) {
    if (t === "AWS::Serverless-2016-10-31") out.push(warning("", "ignored-section", `${at("Transform")}: the template is a SAM template (Transform ${t}); ${SAM_EXPLAINED}`));
    else if (!KNOWN_TRANSFORMS.has(t)) out.push(warning("", "ignored-section", `${at("Transform")}: the Transform ${t} (a macro) is not run by the import; the resources were read as written, before the macro`));
  }
  for (const key of Object.keys(template)) {
    if (READ_SECTIONS.has(key)) continue;
    if (key === "Globals") out.push(warning("", "ignored-section", `${at(key)}: the template's Globals section applies to AWS::Serverless::* resources only; not imported`));
    else if (key === "Rules") out.push(warning("", "ignored-section", `${at(key)}: the template's Rules section (checked by CloudFormation before a deploy) is not part of the pool model; not imported`));
    else out.push(warning("", "ignored-section", `${at(key)}: the template's ${key} section is not part of the pool model; not imported`));
  }
  return out;
}

/** A serverless.yml's `provider.region` when it resolves (`${opt:region, 'us-west-2'}` gives its fallback). */
function serverlessRegion(source: TemplateSource, scope: ServerlessScope): string | undefined {
  const provider = source.serverless?.provider;
  const region = isObject(provider) && typeof provider.region === "string" ? resolveServerlessVariables(provider.region, scope) : undefined;
  return typeof region === "string" ? region : undefined;
}

/** What a serverless.yml holds besides its resources: one line, and one per function event that sets a pool's trigger. */
function serverlessLines(source: TemplateSource): Diagnostic[] {
  const file = source.serverless;
  if (!file) return [];
  const others = Object.keys(file).filter((k) => k !== "resources");
  const out = [warning("", "ignored-section", `${source.file}: a Serverless Framework file; its resources section was read as the template${others.length ? ` (${others.join(", ")} are not part of a user pool; not imported)` : ""}`)];
  for (const [name, fn] of Object.entries(isObject(file.functions) ? file.functions : {})) {
    for (const event of isObject(fn) && Array.isArray(fn.events) ? fn.events : []) {
      const pool = isObject(event) && isObject(event.cognitoUserPool) ? event.cognitoUserPool : undefined;
      if (pool)
        out.push(
          warning("", "ignored-trigger", `${source.file}: function ${name} is the ${String(pool.trigger)} trigger of user pool ${String(pool.pool)} (a cognitoUserPool event, set by serverless at deploy time); set that pool's lambdaConfig in the draft`),
        );
    }
  }
  return out;
}

/** SAM functions with a Cognito event: SAM adds the function as that pool's trigger when it expands. */
function samTriggersOf(resources: [string, Json][], poolId: string): PoolInput["samTriggers"] {
  const out: PoolInput["samTriggers"] = [];
  for (const [id, resource] of resources) {
    if (resource.Type !== "AWS::Serverless::Function" || !isObject(resource.Properties) || !isObject(resource.Properties.Events)) continue;
    for (const [eventId, event] of Object.entries(resource.Properties.Events)) {
      if (!isObject(event) || event.Type !== "Cognito" || !isObject(event.Properties)) continue;
      if (ownerOf(event.Properties.UserPool, new Set([poolId])) !== poolId) continue;
      const triggers = Array.isArray(event.Properties.Trigger) ? event.Properties.Trigger : [event.Properties.Trigger];
      for (const trigger of triggers) if (typeof trigger === "string") out.push({ functionId: id, trigger, path: ["Resources", id, "Properties", "Events", eventId] });
    }
  }
  return out;
}

export interface TemplateImport {
  pools: ImportedPool[];
  diagnostics: Diagnostic[];
}

function importSource(source: TemplateSource, request: ImportRequest, addressOf: (id: string) => string): TemplateImport {
  const { template, file } = source;
  if (!isObject(template.Resources)) return { pools: [], diagnostics: [error("", "not-a-template", `${file} is not a CloudFormation template (it has no Resources section)`)] };
  const studio = isObject(template.Metadata) && isObject(template.Metadata[STUDIO_METADATA]) ? template.Metadata[STUDIO_METADATA] : {};
  const serverless = { supplied: request.parameters ?? {}, ...(source.serverless ? { file: source.serverless } : {}) };
  const region = typeof studio.Region === "string" ? studio.Region : (request.region ?? serverlessRegion(source, serverless));
  const parameters = readParameters(source, request.parameters);
  const resources = Object.entries(template.Resources).filter((e): e is [string, Json] => isObject(e[1]));
  const evaluator = new Evaluator({ source, parameters: parameters.values, pseudo: pseudoParameterValues(request.pseudoParameters, region), resources: Object.fromEntries(resources), serverless });
  const diagnostics: Diagnostic[] = [...parameters.diagnostics, ...serverlessLines(source), ...sectionLines(source)];

  // Resources whose Condition is false do not exist; an undecidable one is imported as if it held.
  const conditionGaps = new Map<string, readonly Gap[]>();
  const present = resources.filter(([id, resource]) => {
    if (typeof resource.Condition !== "string") return true;
    const holds = evaluator.condition(resource.Condition);
    if (isUnresolved(holds)) conditionGaps.set(id, holds.gaps);
    else if (!holds) {
      const line = source.locate(["Resources", id, "Condition"])?.line;
      diagnostics.push(warning("", "condition-false", `${file}${line ? ` line ${line}` : ""}: ${id} (${String(resource.Type)}) is left out: its Condition ${resource.Condition} is false with the parameters given`));
    }
    return holds !== false;
  });

  const poolIds = present.filter(([, r]) => r.Type === CFN_TYPES.pool).map(([id]) => id);
  const poolSet = new Set(poolIds);
  const children = new Map<string, PoolInput["children"]>(poolIds.map((id) => [id, []]));
  const fileIgnored = new IgnoredTypes();
  const poolIgnored = new Map(poolIds.map((id) => [id, new IgnoredTypes()]));
  const orphans: string[] = [];
  for (const [id, resource] of present) {
    const type = String(resource.Type);
    if (type === CFN_TYPES.pool) continue;
    const userPoolId = isObject(resource.Properties) ? resource.Properties.UserPoolId : undefined;
    const named = ownerOf(userPoolId, poolSet, evaluator);
    // Another way of naming the template's only pool (`!Sub "${UserPool}"`) still names it; a literal id,
    // a parameter or an import names a pool elsewhere.
    const mentionsOnlyPool = poolIds.length === 1 && isObject(userPoolId) && JSON.stringify(userPoolId).includes(poolIds[0]);
    const owner = named ?? (mentionsOnlyPool ? poolIds[0] : undefined);
    if (POOL_MODEL_TYPES.has(type)) {
      if (owner) children.get(owner)?.push({ id, resource, attachedWithoutRef: named === undefined });
      else orphans.push(id);
    } else if (owner && type.startsWith("AWS::Cognito::")) poolIgnored.get(owner)?.add(type, id);
    else fileIgnored.add(type, id);
  }
  diagnostics.push(...fileIgnored.lines(source, whyIgnored));
  for (const id of orphans) {
    const line = source.locate(["Resources", id])?.line;
    diagnostics.push(
      warning("", "other-pool", `${file}${line ? ` line ${line}` : ""}: ${id} (${String(template.Resources[id] && (template.Resources[id] as Json).Type)}) names no user pool of this template in UserPoolId; not imported (import the template that defines its pool)`),
    );
  }
  if (poolIds.length === 0) {
    const cognito = present.filter(([, r]) => String(r.Type).startsWith("AWS::Cognito::"));
    diagnostics.push(
      error("", "no-user-pool", `${file} has no ${CFN_TYPES.pool} resource${cognito.length ? ` (its Cognito resources ${cognito.map(([id]) => id).join(", ")} belong to a pool defined elsewhere)` : ""}; nothing to import: import the template that defines the pool`),
    );
    return { pools: [], diagnostics };
  }

  const wanted = request.pool === undefined ? poolIds : poolIds.filter((id) => request.pool === id || request.pool === addressOf(id));
  const pools = wanted.map((poolId) => {
    const pool = importPool({
      source,
      evaluator,
      poolId,
      address: addressOf(poolId),
      pool: Object.fromEntries(present)[poolId],
      children: children.get(poolId) ?? [],
      parameterDescriptions: parameters.descriptions,
      region,
      labels: studio.Labels,
      conditionGaps: [poolId, ...(children.get(poolId) ?? []).map((c) => c.id)].filter((id) => conditionGaps.has(id)).map((id) => ({ id, gaps: conditionGaps.get(id) ?? [] })),
      samTriggers: samTriggersOf(present, poolId),
    });
    pool.diagnostics.push(...(poolIgnored.get(poolId)?.lines(source, whyIgnored) ?? []));
    return pool;
  });
  return { pools, diagnostics };
}

/** Imports one template file. Never throws. */
export function importTemplateFile(file: SourceFile, request: ImportRequest, addressOf: (id: string) => string = (id) => id): TemplateImport {
  try {
    const { source, diagnostics } = readTemplateSource(file.path, file.content);
    return source ? importSource(source, request, addressOf) : { pools: [], diagnostics };
  } catch (cause) {
    return { pools: [], diagnostics: [error("", "internal-error", `the CloudFormation import of ${file.path} failed unexpectedly (${describeError(cause)}); please report this`)] };
  }
}

/**
 * Imports CloudFormation templates as drafts, one per user pool (`request.pool`, a logical id, picks one).
 * Files beside the templates that hold parameter values (parameter-files.ts) supply their parameters.
 * A pool's `document` is set only when the draft passes the schema with nothing unresolved; otherwise its
 * diagnostics say, at each field, what to supply. Never throws.
 */
export async function importCloudFormationFiles(request: ImportRequest): Promise<ImportFilesResult> {
  await Promise.resolve();
  if (request.files.length === 0) return { sourceKind: "cloudformation", pools: [], diagnostics: [error("", "no-files", "nothing to import: give a template")] };
  // Parameter files beside the templates give values; the request's own values win over them.
  const parameterFiles = request.files.length > 1 ? request.files.map((f) => [f, readParameterFile(f.content)] as const).filter(([, values]) => values !== undefined) : [];
  const fromFiles = Object.assign({}, ...parameterFiles.map(([, values]) => values)) as Record<string, string>;
  const parameters = { ...fromFiles, ...request.parameters };
  const templates = request.files.filter((f) => !parameterFiles.some(([p]) => p === f));
  const several = templates.length > 1;
  const pools: ImportedPool[] = [];
  const diagnostics: Diagnostic[] = [];
  const found: string[] = [];
  for (const file of templates) {
    const addressOf = (id: string) => (several ? `${file.path}#${id}` : id);
    const result = importTemplateFile(file, { ...request, parameters, pool: undefined }, addressOf);
    found.push(...result.pools.map((p) => p.address));
    pools.push(...result.pools.filter((p) => request.pool === undefined || p.address === request.pool || p.address.endsWith(`#${request.pool}`)));
    diagnostics.push(...result.diagnostics);
  }
  if (request.pool !== undefined && pools.length === 0 && found.length > 0)
    diagnostics.push(error("", "no-such-pool", `no user pool ${request.pool} in the template${several ? "s" : ""}; the user pools are ${found.join(", ")}: pick one of them`));
  return { sourceKind: "cloudformation", pools, diagnostics };
}
