// @ts-check
const createNextIntlPlugin = require("next-intl/plugin");

const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // Loaded from node_modules at run time: PGlite reads its WASM and data files next to its
  // module, and every bundle must share one database handle per process.
  serverExternalPackages: [
    "@electric-sql/pglite",
    "pglite-prisma-adapter",
    "@prisma/client",
    "@prisma/adapter-pg",
    "pg",
    "@node-rs/argon2",
  ],
  experimental: {
    // forbidden() / unauthorized() answer 403 / 401 from server components.
    authInterrupts: true,
  },
};

module.exports = withNextIntl(nextConfig);
