// @ts-check
/** @type {import('next').NextConfig} */
const nextConfig = {
  // Database drivers with native parts, and hcl2json (WebAssembly loaded with require), stay outside the server bundle.
  serverExternalPackages: ["@libsql/client", "libsql", "@prisma/adapter-libsql", "pg", "@prisma/adapter-pg", "@cdktf/hcl2json"],
  poweredByHeader: false,
  // An import may be a 2 MB file (lib/cognito/formats/input-limits.ts), which JSON escaping makes larger in
  // the request; anything bigger is refused by Next before any of the studio's code runs.
  experimental: { serverActions: { bodySizeLimit: "3mb" } },
};

export default nextConfig;
