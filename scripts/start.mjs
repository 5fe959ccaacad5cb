// `npm start`: generate the Prisma client and build when the sources changed, then serve.
// Migrations and seed data run inside the server process at start-up (instrumentation.ts),
// so the embedded database is only ever opened by the process that serves it.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const bin = (name) => path.join(root, "node_modules", ".bin", name);
const env = { ...process.env, CHECKPOINT_DISABLE: "1", NEXT_TELEMETRY_DISABLED: "1" };

function run(command, args) {
  const result = spawnSync(command, args, { cwd: root, env, stdio: "inherit" });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

function newestMtime(entry) {
  const full = path.join(root, entry);
  if (!existsSync(full)) return 0;
  const stat = statSync(full);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const child of readdirSync(full)) newest = Math.max(newest, newestMtime(path.join(entry, child)));
  return newest;
}

// What the production build is made from (shared with the bench): any of it newer means rebuild.
const sources = JSON.parse(readFileSync(path.join(root, "scripts", "build-inputs.json"), "utf8"));
const generatedClient = path.join(root, "node_modules", ".prisma", "client", "index.js");
const buildId = path.join(root, ".next", "BUILD_ID");
const sourcesChanged = (marker) =>
  !existsSync(marker) || sources.some((entry) => newestMtime(entry) > statSync(marker).mtimeMs);

if (!existsSync(generatedClient) || statSync(generatedClient).mtimeMs < newestMtime("prisma/schema.prisma")) {
  run(bin("prisma"), ["generate"]);
}
if (sourcesChanged(buildId)) run(bin("next"), ["build"]);

// Our own server (scripts/server.mjs): Next.js with the client's address taken from the socket
// (TRUST_PROXY), idle keep-alive connections kept 65 s, signals left to the app.
const server = spawn(process.execPath, [path.join(root, "scripts", "server.mjs"), ...process.argv.slice(2)], {
  cwd: root,
  env,
  stdio: "inherit",
});
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
