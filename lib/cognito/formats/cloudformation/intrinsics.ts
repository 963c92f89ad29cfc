/**
 * CloudFormation's short-form intrinsic functions: `!Ref X` and friends read as the long form (`{ Ref: X }`,
 * `{ "Fn::GetAtt": [A, B] }`), and `Ref` values write back as `!Ref X`.
 */
import { CORE_SCHEMA, NOT_RESOLVED, defineScalarTag } from "js-yaml";
import type { Tags } from "yaml";

type CustomTag = Tags[number];

/** A `Ref` the renderer writes as `!Ref logicalId`. */
export class CfnRef {
  constructor(readonly logicalId: string) {}
  toJSON() {
    return { Ref: this.logicalId };
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

/** The schema the fast writer (fast-yaml.ts) prints templates with: `CfnRef` values as `!Ref logicalId`. */
export const CFN_WRITE_SCHEMA = CORE_SCHEMA.withTags(
  defineScalarTag<CfnRef>("!Ref", {
    resolve: (source) => (source === "" ? NOT_RESOLVED : new CfnRef(source)),
    identify: (value) => value instanceof CfnRef,
    represent: (value: CfnRef) => value.logicalId,
  }),
);
