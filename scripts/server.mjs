// The app's HTTP server: Next.js behind a plain node:http server, so that route handlers learn
// the client's address from the socket (Next gives them only headers). Every request loses any
// client-address header it came with and gets the trusted one (scripts/trusted-address.mjs,
// TRUST_PROXY). `npm start`, the e2e servers and the bench serve through it.
//
//   node scripts/server.mjs [-p PORT] [-H HOST] [--dev]
import { createServer } from "node:http";
import path from "node:path";
import { parseArgs } from "node:util";
import { applyClientAddress, compileTrustProxy } from "./trusted-address.mjs";

const { values } = parseArgs({
  options: {
    port: { type: "string", short: "p" },
    hostname: { type: "string", short: "H" },
    dev: { type: "boolean", default: false },
  },
});
const dev = values.dev;
process.env.NODE_ENV ??= dev ? "development" : "production";
// The app stops its jobs and closes the embedded database on SIGTERM/SIGINT itself (lib/startup.ts).
process.env.NEXT_MANUAL_SIG_HANDLE = "true";
const port = Number(values.port ?? process.env.PORT ?? 3000);
const hostname = values.hostname;

let trust;
try {
  trust = compileTrustProxy(process.env.TRUST_PROXY);
} catch (error) {
  process.stderr.write(`\nInvalid settings:\n  - TRUST_PROXY: ${error.message}\n\nSee README.md, "Settings".\n\n`);
  process.exit(1);
}

const { default: next } = await import("next");
const app = next({ dev, dir: path.resolve(import.meta.dirname, ".."), hostname, port });
await app.prepare();
const handle = app.getRequestHandler();

const server = createServer((request, response) => {
  applyClientAddress(request, trust);
  handle(request, response);
});
// Idle keep-alive connections outlive a proxy's (typically 60 s), so a client never reuses one
// the server is closing at that moment (Node's default is 5 s): that race ends in a reset.
server.keepAliveTimeout = 65_000;
for (const signal of ["SIGINT", "SIGTERM"]) {
  process.once(signal, () => {
    server.close();
    server.closeIdleConnections();
  });
}
server.listen(port, hostname, () => {
  process.stdout.write(`▲ Ready on http://${hostname ?? "localhost"}:${port}\n`);
});
