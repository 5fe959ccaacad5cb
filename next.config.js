// @ts-check
const createNextIntlPlugin = require("next-intl/plugin");

const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

// Pages get their Content-Security-Policy, with a nonce per request, from proxy.ts.
const securityHeaders = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
  // Browsers act on HSTS only when it arrives over HTTPS (RFC 6797 §8.1) and ignore it on plain
  // http, so it is always sent: served over HTTPS (directly or behind a TLS proxy), the app keeps
  // browsers on HTTPS for a year; the plain-http demo is unaffected. No includeSubDomains: other
  // hosts of the domain are not ours to decide for.
  { key: "Strict-Transport-Security", value: "max-age=31536000" },
];

/** @type {import('next').NextConfig} */
const nextConfig = {
  async headers() {
    return [
      { source: "/:path*", headers: securityHeaders },
      // The sandbox's Alipay cashier is framed by the order page (proxy.ts: frame-ancestors 'self').
      { source: "/sandbox/cashier/:tradeId", headers: [{ key: "X-Frame-Options", value: "SAMEORIGIN" }] },
    ];
  },
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
