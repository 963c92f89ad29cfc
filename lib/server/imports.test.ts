import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { ImportFilesResult, ImportRequest, UnresolvedInput } from "@/lib/cognito/formats";
import { migrate } from "@/prisma/migrate.mjs";

// Importing files into designs against a real SQLite file. The Terraform reader that evaluates variables is
// built elsewhere; here `importFiles` is replaced by a function that returns what its contract says
// (lib/cognito/formats/types.ts): several pools, one incomplete with unresolved inputs, evaluated again
// once `var.env` is supplied. The last tests go through the real importFiles, read in the parse worker.
const dir = mkdtempSync(path.join(tmpdir(), "studio-imports-"));
process.env.DATABASE_URL = `file:${path.join(dir, "studio.db")}`;
// The worker's time limit for one reading, short so that a slow file meets it (read once, at the first import).
process.env.STUDIO_PARSE_TIMEOUT_SECONDS = "1";

const { getDb } = await import("./db");
const { createAccount } = await import("./users");
const { createImportedPools, getImportSource, readImport, supplyImportInputs, nextFreeName } = await import("./imports");
const { saveDraft } = await import("./pools");
const { UserError } = await import("./errors");

type Account = Awaited<ReturnType<typeof createAccount>>;
let account: Account;

const FILES = [
  { path: "main.tf", content: 'resource "aws_cognito_user_pool" "main" {}\nresource "aws_cognito_user_pool" "admin" {}\n' },
  { path: "variables.tf", content: 'variable "env" {\n  description = "Deployment stage"\n}\n' },
];

const ENV: UnresolvedInput = { name: "var.env", kind: "variable", suppliable: true, file: "variables.tf", line: 1, type: "string", description: "Deployment stage", fields: ["metadata.name", "spec.clients[0].name"] };
const PREFIX: UnresolvedInput = { name: "local.prefix", kind: "local", suppliable: false, file: "main.tf", line: 4, fields: ["spec.domain.domain"] };
const SECRET: UnresolvedInput = { name: "var.google_secret", kind: "variable", suppliable: true, file: "variables.tf", line: 5, fields: ['spec.identityProviders[0].providerDetails["client_secret"]'] };

/** Shaped like the Terraform reader's output: `main` needs var.env (and local.prefix, which follows it); `admin` is complete. */
function fakeTerraform(calls: ImportRequest[] = []) {
  return async (request: ImportRequest): Promise<ImportFilesResult> => {
    calls.push(request);
    const env = request.variables?.env;
    const main = env
      ? { apiVersion: "cognito-studio.dev/v1", kind: "UserPool", metadata: { name: `shop-${env}` }, spec: { region: "eu-west-1", mfaConfiguration: "OFF", clients: [{ name: `web-${env}` }], domain: { domain: `shop-${env}-auth` } } }
      : { apiVersion: "cognito-studio.dev/v1", kind: "UserPool", metadata: {}, spec: { region: "eu-west-1", mfaConfiguration: "OFF", clients: [{}] } };
    return {
      sourceKind: "terraform",
      pools: [
        { address: "aws_cognito_user_pool.main", ...(env ? { name: `shop-${env}` } : {}), draft: main, unresolved: env ? [] : [ENV, PREFIX, SECRET], diagnostics: [{ severity: "warning", path: "", code: "ignored", message: "main.tf:9: lambda_config is not imported" }] },
        { address: "aws_cognito_user_pool.admin", name: "shop-admin", draft: { apiVersion: "cognito-studio.dev/v1", kind: "UserPool", metadata: { name: "shop-admin" }, spec: { region: "eu-west-1" } }, unresolved: [], diagnostics: [] },
      ],
      diagnostics: [],
    };
  };
}

beforeAll(async () => {
  await migrate(process.env.DATABASE_URL);
  account = await createAccount({ email: "editor@example.com", name: "Editor", password: "password-editor" });
});

afterAll(async () => {
  await getDb().db.$disconnect();
  rmSync(dir, { recursive: true, force: true });
});

test("nextFreeName counts up past taken names and stays within 128 characters", () => {
  expect(nextFreeName("shop", new Set(["shop", "shop-2"]))).toBe("shop-3");
  expect(nextFreeName("x".repeat(128), new Set())).toBe(`${"x".repeat(126)}-2`);
});

describe("importing files", () => {
  let mainId = "";

  test("the preview lists both pools, the incomplete one under its address, with its inputs", async () => {
    const preview = await readImport(account.workspaceId, { files: FILES }, { importFiles: fakeTerraform() });
    expect(preview.format).toBe("terraform");
    expect(preview.pools.map((p) => [p.address, p.name, p.defaultName, p.taken])).toEqual([
      ["aws_cognito_user_pool.main", undefined, "aws_cognito_user_pool.main", false],
      ["aws_cognito_user_pool.admin", "shop-admin", "shop-admin", false],
    ]);
    expect(preview.pools[0]?.unresolved.map((u) => u.name)).toEqual(["var.env", "local.prefix", "var.google_secret"]);
    expect(preview.pools[0]?.counts).toEqual({ clients: 1, resourceServers: 0, groups: 0, identityProviders: 0, domain: false });
    expect(preview.pools[0]?.warnings).toEqual(["main.tf:9: lambda_config is not imported"]);
  });

  test("both chosen pools become designs; the incomplete draft is stored invalid with its import source and audit", async () => {
    const created = await createImportedPools(
      account,
      { files: FILES, environment: "dev", choices: [{ address: "aws_cognito_user_pool.main" }, { address: "aws_cognito_user_pool.admin" }] },
      { importFiles: fakeTerraform() },
    );
    expect(created.map((c) => [c.name, c.valid, c.inputsToSupply])).toEqual([
      ["aws_cognito_user_pool.main", false, 1],
      ["shop-admin", true, 0],
    ]);
    mainId = created[0]?.id ?? "";
    const db = getDb().db;
    const draft = await db.draft.findUniqueOrThrow({ where: { poolId: mainId } });
    expect(draft.valid).toBe(false);
    expect(JSON.parse(draft.document).metadata).toEqual({});
    const source = await getImportSource(account.workspaceId, mainId);
    expect(source?.files).toEqual(["main.tf", "variables.tf"]);
    expect(source?.inputs.map((i) => [i.name, i.suppliable, i.secret])).toEqual([
      ["var.env", true, false],
      ["local.prefix", false, false],
      ["var.google_secret", true, true],
    ]);
    const audits = await db.auditEvent.findMany({ where: { action: "pool.import", poolId: { in: created.map((c) => c.id) } } });
    expect(audits).toHaveLength(2);
  });

  test("a taken name is a field error offering NAME-2, nothing is created; importing as NAME-2 works", async () => {
    const db = getDb().db;
    const before = await db.pool.count();
    const taken = createImportedPools(account, { files: FILES, environment: "dev", choices: [{ address: "aws_cognito_user_pool.admin" }] }, { importFiles: fakeTerraform() });
    await expect(taken).rejects.toBeInstanceOf(UserError);
    await expect(taken).rejects.toMatchObject({ fieldErrors: { "choices.0.name": ['A pool named "shop-admin" already exists in this workspace; import it as shop-admin-2, or give another name.'] } });
    expect(await db.pool.count()).toBe(before);
    const [again] = await createImportedPools(account, { files: FILES, environment: "dev", choices: [{ address: "aws_cognito_user_pool.admin", name: "shop-admin-2" }] }, { importFiles: fakeTerraform() });
    const draft = await db.draft.findUniqueOrThrow({ where: { poolId: again?.id } });
    expect(JSON.parse(draft.document).metadata.name).toBe("shop-admin-2");
  });

  test("supplying var.env writes only the fields it (and local.prefix) feeds into the edited draft", async () => {
    const db = getDb().db;
    // An edit made after the import: MFA on, and a callback URL on the client.
    const draft = await db.draft.findUniqueOrThrow({ where: { poolId: mainId } });
    const edited = JSON.parse(draft.document);
    edited.spec.mfaConfiguration = "ON";
    edited.spec.clients[0].callbackUrls = ["https://shop.example.com/callback"];
    await saveDraft({ workspaceId: account.workspaceId, poolId: mainId, version: 1, document: edited, actor: account.email });

    const calls: ImportRequest[] = [];
    await expect(supplyImportInputs(account, { poolId: mainId, draftVersion: 1, values: { "var.env": "prod" } }, { importFiles: fakeTerraform(calls) })).rejects.toThrow(/changed since you opened it/u);
    await expect(supplyImportInputs(account, { poolId: mainId, draftVersion: 2, values: { "var.google_secret": "s3cret" } }, { importFiles: fakeTerraform(calls) })).rejects.toMatchObject({
      fieldErrors: { "values.var.google_secret": [expect.stringContaining("never stores")] },
    });
    await expect(supplyImportInputs(account, { poolId: mainId, draftVersion: 2, values: { "local.prefix": "x" } }, { importFiles: fakeTerraform(calls) })).rejects.toMatchObject({
      fieldErrors: { "values.local.prefix": [expect.stringContaining("not an input")] },
    });
    expect(calls).toHaveLength(0);

    const supplied = await supplyImportInputs(account, { poolId: mainId, draftVersion: 2, values: { "var.env": " prod " } }, { importFiles: fakeTerraform(calls) });
    expect(calls[0]).toMatchObject({ format: "terraform", pool: "aws_cognito_user_pool.main", variables: { env: "prod" } });
    expect(calls[0]?.files).toEqual(FILES);
    expect(supplied.version).toBe(3);
    expect(supplied.filled.sort()).toEqual(["metadata.name", "spec.clients[0].name", "spec.domain.domain"]);
    const after = JSON.parse((await db.draft.findUniqueOrThrow({ where: { poolId: mainId } })).document);
    expect(after.metadata.name).toBe("shop-prod");
    expect(after.spec.clients[0]).toEqual({ name: "web-prod", callbackUrls: ["https://shop.example.com/callback"] });
    expect(after.spec.domain).toEqual({ domain: "shop-prod-auth" });
    expect(after.spec.mfaConfiguration).toBe("ON");
    // The list follows the draft's new name; the source now has nothing missing and remembers the value.
    expect((await db.pool.findUniqueOrThrow({ where: { id: mainId } })).name).toBe("shop-prod");
    const source = await db.importSource.findUniqueOrThrow({ where: { poolId: mainId } });
    expect(JSON.parse(source.unresolved)).toEqual([]);
    expect(JSON.parse(source.inputValues).variables).toEqual({ env: "prod" });
    const audit = await db.auditEvent.findFirstOrThrow({ where: { poolId: mainId, action: "draft.import-inputs" } });
    expect(audit.after).toBe("version 3: supplied var.env; filled 3 field(s) (draft has errors)");
    expect(audit.details).not.toContain("prod\"");
  });

  test("real single files through importFiles: a CloudFormation template with the form's Region, and refusals at the files", async () => {
    const template = ["AWSTemplateFormatVersion: '2010-09-09'", "Resources:", "  Pool:", "    Type: AWS::Cognito::UserPool", "    Properties:", "      UserPoolName: cfn-users", ""].join("\n");
    const files = [{ path: "template.yaml", content: template }];
    const preview = await readImport(account.workspaceId, { files, region: "eu-central-1" });
    expect(preview.pools.map((p) => p.defaultName)).toEqual(["cfn-users"]);
    const [created] = await createImportedPools(account, { files, region: "eu-central-1", environment: "dev", choices: [{ address: preview.pools[0]?.address ?? "" }] });
    const pool = await getDb().db.pool.findUniqueOrThrow({ where: { id: created?.id }, include: { draft: true } });
    expect([pool.name, pool.region, JSON.parse(pool.draft?.document ?? "{}").spec.region]).toEqual(["cfn-users", "eu-central-1", "eu-central-1"]);
    await expect(readImport(account.workspaceId, { files: [{ path: "pasted text", content: "hello" }] })).rejects.toMatchObject({ field: "files", message: expect.stringMatching(/^Nothing could be imported from pasted text/u) });
  });

  test("the files are read off the request thread: a reading over the worker's time is an error at the files, nothing is created", async () => {
    // Shallow flow YAML the `yaml` parser needs about 5 s for on the request thread (0.9 MB).
    const slow = [{ path: "pasted text", content: 'a: [1, {b: "x"}]\n'.repeat(50_000) }];
    const db = getDb().db;
    const before = await db.pool.count();
    let ticks = 0;
    const ticking = setInterval(() => (ticks += 1), 10);
    const reading = readImport(account.workspaceId, { files: slow });
    await expect(reading).rejects.toBeInstanceOf(UserError);
    await expect(reading).rejects.toMatchObject({ code: "parse-timeout", field: "files", message: expect.stringMatching(/^Reading the file took longer than 1 s, the limit for one import/u) });
    clearInterval(ticking);
    expect(ticks).toBeGreaterThan(10); // the event loop kept turning while the worker read
    await expect(createImportedPools(account, { files: slow, environment: "dev", choices: [{ address: "x" }] })).rejects.toMatchObject({ code: "parse-timeout", field: "files" });
    expect(await db.pool.count()).toBe(before);
  });
});
