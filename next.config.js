// @ts-check
/** @type {import('next').NextConfig} */
const nextConfig = {
  // Database drivers with native parts, hcl2json and the tree-sitter HCL reader (WebAssembly loaded from node_modules) stay outside the server bundle.
  serverExternalPackages: ["@libsql/client", "libsql", "@prisma/adapter-libsql", "pg", "@prisma/adapter-pg", "@cdktf/hcl2json", "web-tree-sitter", "@tree-sitter-grammars/tree-sitter-hcl"],
  poweredByHeader: false,
  // An import sends its files to a server action: up to 4 MB of text (app/pools/import.validation.ts), which
  // the action's JSON encoding makes larger; the default limit is 1 MB.
  experimental: { serverActions: { bodySizeLimit: "8mb" } },
};

export default nextConfig;
