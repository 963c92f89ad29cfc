// @ts-check
/** @type {import('next').NextConfig} */
const nextConfig = {
  // Database drivers with native parts, and hcl2json (WebAssembly loaded with require), stay outside the server bundle.
  serverExternalPackages: ["@libsql/client", "libsql", "@prisma/adapter-libsql", "pg", "@prisma/adapter-pg", "@cdktf/hcl2json"],
  poweredByHeader: false,
};

export default nextConfig;
