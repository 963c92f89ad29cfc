import type { Command } from "../io";

/**
 * A command as `--help` lists it. Its module loads only when it runs (or shows its own help), so a command that
 * checks a file never loads what another needs: the AWS SDK's clients, Prisma, the Terraform reader.
 */
export type CommandEntry = {
  name: string;
  /** One line for `--help`. */
  summary: string;
  load: () => Promise<Command>;
};

/** Every command of the CLI, in the order `--help` lists them. Later commands register here. */
export const commands: CommandEntry[] = [
  { name: "validate", summary: "check pool files (native or OpenMCF) for errors and best-practice findings", load: async () => (await import("./validate")).validateCommand },
  { name: "policies", summary: "print the starter policy set, a PolicySet file for validate --policy", load: async () => (await import("./policies")).policiesCommand },
  { name: "schema", summary: "print the JSON Schema of the pool document format", load: async () => (await import("./schema")).schemaCommand },
  { name: "presets", summary: "list pool and client presets, or print one as a pool document", load: async () => (await import("./presets")).presetsCommand },
  { name: "plan", summary: "show what would change between two pool documents, like terraform plan", load: async () => (await import("./plan")).planCommand },
  { name: "export", summary: "write a pool document as Terraform, a Terraform module call, OpenMCF, CloudFormation or a spec", load: async () => (await import("./export")).exportCommand },
  { name: "publish", summary: "export a pool document and commit it to a branch of a git repository, then push", load: async () => (await import("./publish")).publishCommand },
  { name: "import", summary: "read Terraform (files or a folder), OpenMCF or CloudFormation and print the pool document", load: async () => (await import("./import")).importCommand },
  { name: "pull", summary: "print a live user pool as a pool document", load: async () => (await import("./pull")).pullCommand },
  { name: "apply", summary: "apply a pool document to a live pool (or create one) after showing the plan", load: async () => (await import("./apply")).applyCommand },
  { name: "preflight", summary: "check the ACM certificate, SES identity, SMS role, Lambda triggers and KMS key a pool needs", load: async () => (await import("./preflight")).preflightCommand },
  { name: "connect", summary: "print the issuer, endpoints, ids and a config snippet (next-auth, Amplify, oidc-client-ts, env) for an app client", load: async () => (await import("./connect")).connectCommand },
  { name: "review-plan", summary: "review a saved Terraform plan (terraform show -json) for what it does to Cognito: users deleted, clients recreated, security", load: async () => (await import("./review-plan")).reviewPlanCommand },
  { name: "tokens", summary: "print the ID and access token claims an app client would receive, with the rules behind them", load: async () => (await import("./tokens")).tokensCommand },
  { name: "cost", summary: "print a design's monthly cost on each feature plan (Lite, Essentials, Plus) and the plan its settings need", load: async () => (await import("./cost")).costCommand },
  { name: "rotate-secret", summary: "rotate a confidential app client's secret without downtime (add, confirm, delete the old one)", load: async () => (await import("./rotate-secret")).rotateSecretCommand },
];
