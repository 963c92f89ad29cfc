/**
 * CloudFormation's short-form intrinsic functions: `!Ref X` and friends read as the long form (`{ Ref: X }`,
 * `{ "Fn::GetAtt": [A, B] }`), and `Ref` values write back as `!Ref X`.
 */
import { CORE_SCHEMA, type TagDefinition, defineMappingTag, defineScalarTag, defineSequenceTag } from "js-yaml";
import type { Tags } from "yaml";

type CustomTag = Tags[number];

/** A `Ref` the renderer writes as `!Ref logicalId`. */
export class CfnRef {
  constructor(readonly logicalId: string) {}
  toJSON() {
    return { Ref: this.logicalId };
  }
}

/** A `Fn::GetAtt` the renderer writes as `!GetAtt logicalId.attribute`. */
export class CfnGetAtt {
  constructor(
    readonly logicalId: string,
    readonly attribute: string,
  ) {}
  toJSON() {
    return { "Fn::GetAtt": [this.logicalId, this.attribute] };
  }
}

const FUNCTIONS = ["Base64", "Cidr", "FindInMap", "GetAZs", "ImportValue", "Join", "Select", "Split", "Sub", "Transform", "If", "Equals", "Not", "And", "Or", "Contains", "ToJsonString", "Length"];

function plain(node: unknown): unknown {
  return node !== null && typeof node === "object" && "toJSON" in node && typeof (node as { toJSON: unknown }).toJSON === "function"
    ? (node as { toJSON: () => unknown }).toJSON()
    : node;
}

/** Tags for reading templates: every short form becomes its long form. */
export const CFN_READ_TAGS: CustomTag[] = [
  { tag: "!Ref", resolve: (value: string) => ({ Ref: value }) },
  { tag: "!Condition", resolve: (value: string) => ({ Condition: value }) },
  { tag: "!GetAtt", resolve: (value: string) => ({ "Fn::GetAtt": value.split(/\.(.*)/su).filter((p) => p !== "") }) },
  { tag: "!GetAtt", collection: "seq", resolve: (seq: unknown) => ({ "Fn::GetAtt": plain(seq) }) },
  ...FUNCTIONS.flatMap((name): CustomTag[] => [
    { tag: `!${name}`, resolve: (value: string) => ({ [`Fn::${name}`]: value }) },
    { tag: `!${name}`, collection: "seq", resolve: (seq: unknown) => ({ [`Fn::${name}`]: plain(seq) }) },
    { tag: `!${name}`, collection: "map", resolve: (map: unknown) => ({ [`Fn::${name}`]: plain(map) }) },
  ]),
] as CustomTag[];

const readOnly = () => false;

function scalarForm(tag: string, build: (value: string) => unknown): TagDefinition {
  return defineScalarTag(tag, { resolve: (source) => build(source), identify: readOnly });
}

function sequenceForm(tag: string, key: string): TagDefinition {
  return defineSequenceTag<unknown[], Record<string, unknown>>(tag, {
    create: () => [],
    addItem: (items, item) => void items.push(item),
    finalize: (items) => ({ [key]: items }),
    identify: readOnly,
  });
}

function mappingForm(tag: string, key: string): TagDefinition {
  return defineMappingTag<Record<string, unknown>, Record<string, unknown>>(tag, {
    create: () => ({}),
    addPair: (map, name, value) => {
      map[String(name)] = value;
      return "";
    },
    // A repeated key overrides, as the `yaml` path reads with `uniqueKeys: false`.
    has: () => false,
    keys: (result) => Object.keys(result),
    get: (result, name) => result[String(name)],
    finalize: (map) => ({ [key]: map }),
    identify: readOnly,
  });
}

/** The same short forms as {@link CFN_READ_TAGS}, for the fast reader (fast-yaml.ts). */
export const CFN_READ_SCHEMA = CORE_SCHEMA.withTags(
  scalarForm("!Ref", (value) => ({ Ref: value })),
  scalarForm("!Condition", (value) => ({ Condition: value })),
  scalarForm("!GetAtt", (value) => ({ "Fn::GetAtt": value.split(/\.(.*)/su).filter((p) => p !== "") })),
  sequenceForm("!GetAtt", "Fn::GetAtt"),
  ...FUNCTIONS.flatMap((name) => [
    scalarForm(`!${name}`, (value) => ({ [`Fn::${name}`]: value })),
    sequenceForm(`!${name}`, `Fn::${name}`),
    mappingForm(`!${name}`, `Fn::${name}`),
  ]),
);
