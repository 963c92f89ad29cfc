/**
 * Every YAML the studio writes (the spec document, the OpenMCF manifest, the CloudFormation template), for every
 * preset and the sample designs, read with a YAML 1.1 reader (PyYAML, as CloudFormation, Go yaml.v2 and many CI
 * tools read YAML): it must read exactly as the YAML 1.2 reader reads it, and every string and number of the
 * design must arrive as that string or number. Unquoted, `mfaConfiguration: ON` arrives as `true`, and
 * CloudFormation fails the stack ("Value 'true' at 'mfaConfiguration'").
 */
import { describe, expect, it } from "vitest";
import YAML from "yaml";
import { listPresets, presetExampleDocument } from "../presets";
import type { PoolDocument } from "../spec/document-schema";
import { hasPyYaml, loadWithPyYaml } from "@/test/support/pyyaml";
import { CFN_READ_TAGS } from "./cloudformation/intrinsics";
import { exportPoolDocument } from "./index";
import { MAXIMAL_POOL_DOCUMENT, BLOG_POOL_DOCUMENT } from "@/test/support/pool-documents";
import type { ExportFormat } from "./types";

const YAML_FORMATS = ["spec", "openmcf", "cloudformation"] as const satisfies readonly ExportFormat[];

/** A design whose names and texts are YAML 1.1 booleans, numbers and nulls. */
const TRICKY_DOCUMENT: PoolDocument = {
  apiVersion: "cognito-studio.dev/v1",
  kind: "UserPool",
  metadata: { name: "yes", labels: { env: "dev", on: "off", y: "n", mode: "0755" } },
  spec: {
    region: "eu-west-1",
    mfaConfiguration: "ON",
    softwareTokenMfaConfiguration: { enabled: true },
    groups: [
      { name: "NO", description: "1e3" },
      { name: "0755", description: "~" },
      { name: "1:20", description: "null" },
      { name: "True", description: ".inf" },
    ],
    resourceServers: [{ identifier: "1e3", name: "Off", scopes: [{ name: "y", description: "0x1F" }] }],
    clients: [{ name: "on" }, { name: "2024-01-01" }],
  },
};

const DESIGNS: [string, PoolDocument][] = [
  ...listPresets().map((p): [string, PoolDocument] => [`preset ${p.name}`, presetExampleDocument(p)]),
  ["the blog seed", BLOG_POOL_DOCUMENT],
  ["the kitchen sink", MAXIMAL_POOL_DOCUMENT],
  ["YAML 1.1 look-alike names", TRICKY_DOCUMENT],
];

type Leaves = { strings: string[]; numbers: number[]; booleans: boolean[] };

function leavesOf(value: unknown, into: Leaves = { strings: [], numbers: [], booleans: [] }): Leaves {
  if (typeof value === "string") into.strings.push(value);
  else if (typeof value === "number") into.numbers.push(value);
  else if (typeof value === "boolean") into.booleans.push(value);
  else if (Array.isArray(value)) for (const v of value) leavesOf(v, into);
  else if (value !== null && typeof value === "object")
    for (const [k, v] of Object.entries(value)) {
      into.strings.push(k);
      leavesOf(v, into);
    }
  return into;
}

function readAs12(format: (typeof YAML_FORMATS)[number], text: string): unknown {
  return format === "cloudformation" ? YAML.parse(text, { customTags: CFN_READ_TAGS }) : YAML.parse(text);
}

type Leaf = { path: string; value: string | number };

/** The design's own values with their paths (diagnostic notation): the name, the labels (keys too) and every value of the spec. */
function designLeaves(doc: PoolDocument): Leaf[] {
  const leaves: Leaf[] = [{ path: "metadata.name", value: doc.metadata.name }];
  for (const [key, value] of Object.entries(doc.metadata.labels ?? {})) leaves.push({ path: `metadata.labels.${key}`, value: key }, { path: `metadata.labels.${key}`, value });
  const collect = (v: unknown, path: string): void => {
    if (typeof v === "string" || typeof v === "number") leaves.push({ path, value: v });
    else if (Array.isArray(v)) v.forEach((item, i) => collect(item, `${path}[${i}]`));
    else if (v !== null && typeof v === "object") for (const [k, item] of Object.entries(v)) collect(item, `${path}.${k}`);
  };
  collect(doc.spec, "spec");
  return leaves;
}

/**
 * Design values a format writes in another form on purpose (not a loss): what the value must arrive as, or
 * `null` when the value lives in a field's name.
 */
const WRITTEN_OTHERWISE: Partial<Record<(typeof YAML_FORMATS)[number], (leaf: Leaf) => boolean | null | undefined>> = {
  // OpenMCF's deletionProtection is a boolean; its token lifetimes carry their unit in the field name
  // (accessTokenValidityMinutes, refreshTokenValidityDays).
  openmcf: (leaf) => (leaf.path === "spec.deletionProtection" ? leaf.value === "ACTIVE" : /\.tokenValidityUnits\./u.test(leaf.path) ? null : undefined),
};

function arrived(format: (typeof YAML_FORMATS)[number], leaf: Leaf, got: Leaves): boolean {
  const otherwise = WRITTEN_OTHERWISE[format]?.(leaf);
  if (otherwise === null) return true;
  if (otherwise !== undefined) return got.booleans.includes(otherwise);
  return typeof leaf.value === "string" ? got.strings.includes(leaf.value) : got.numbers.includes(leaf.value);
}

/** Whether an export's warning names `path` or a field above it: what it says it cannot hold may be missing. */
function isNamedLoss(diagnostics: readonly { path: string }[], path: string): boolean {
  return diagnostics.some((d) => d.path !== "" && (path === d.path || path.startsWith(`${d.path}.`) || path.startsWith(`${d.path}[`)));
}

describe("YAML exports read with a YAML 1.1 reader (PyYAML)", () => {
  it("python3 with PyYAML is on the machine (.ci/run checks it; install it with apt-get install python3-yaml)", () => {
    expect(hasPyYaml).toBe(true);
  });

  describe.each(DESIGNS)("%s", (_, doc) => {
    it.each(YAML_FORMATS)("%s reads the same in YAML 1.1 as in YAML 1.2, with the design's values", (format) => {
      const exported = exportPoolDocument(doc, format);
      expect(exported.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
      for (const file of exported.files) {
        const as11 = loadWithPyYaml(file.content, { cloudFormationTags: format === "cloudformation" });
        expect(as11).toEqual(readAs12(format, file.content));
        if (format === "spec") expect(as11).toEqual(JSON.parse(JSON.stringify(doc)));
        const got = leavesOf(as11);
        // Values an export says it cannot hold may be missing; everything else must arrive as itself (a string
        // as that string, a number as that number: never a boolean, null or date).
        const missing = designLeaves(doc).filter(
          (leaf) => !isNamedLoss(exported.diagnostics, leaf.path) && !arrived(format, leaf, got),
        );
        expect(missing).toEqual([]);
      }
    });
  });

  it("CloudFormation's MfaConfiguration arrives as the string ON", () => {
    const hardened = DESIGNS.find(([name]) => name === "preset hardened-production")?.[1];
    expect(hardened?.spec.mfaConfiguration).toBe("ON");
    const text = exportPoolDocument(hardened as PoolDocument, "cloudformation").files[0]?.content ?? "";
    const template = loadWithPyYaml(text, { cloudFormationTags: true }) as { Resources: { UserPool: { Properties: { MfaConfiguration: unknown } } } };
    expect(template.Resources.UserPool.Properties.MfaConfiguration).toBe("ON");
  });
});

