/**
 * CloudFormation's short-form intrinsic functions for the `yaml` package: `!Ref X` and friends read as the
 * long form (`{ Ref: X }`, `{ "Fn::GetAtt": [A, B] }`), and `Ref` values write back as `!Ref X`.
 */
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

/** Tags for writing templates. */
export const CFN_WRITE_TAGS: CustomTag[] = [
  {
    tag: "!Ref",
    identify: (value: unknown) => value instanceof CfnRef,
    resolve: (value: string) => new CfnRef(value),
    stringify: (item: { value?: unknown }) => (item.value as CfnRef).logicalId,
  },
  {
    tag: "!GetAtt",
    identify: (value: unknown) => value instanceof CfnGetAtt,
    resolve: (value: string) => new CfnGetAtt(...(value.split(".", 2) as [string, string])),
    stringify: (item: { value?: unknown }) => `${(item.value as CfnGetAtt).logicalId}.${(item.value as CfnGetAtt).attribute}`,
  },
] as CustomTag[];
