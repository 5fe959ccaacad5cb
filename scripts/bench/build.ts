/**
 * Makes sure a production build of the current sources exists, as `npm start` does
 * (scripts/start.mjs): the bench measures the production server, never the dev server.
 */
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";

// What the production build is made from, as scripts/start.mjs reads it: any of it newer means rebuild.
const sources = JSON.parse(readFileSync(path.join(import.meta.dirname, "..", "build-inputs.json"), "utf8")) as string[];

function newestMtime(full: string): number {
  if (!existsSync(full)) return 0;
  const stat = statSync(full);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const child of readdirSync(full)) newest = Math.max(newest, newestMtime(path.join(full, child)));
  return newest;
}

function run(root: string, command: string, args: string[]): void {
  const result = spawnSync(command, args, {
    cwd: root,
    // Build chatter goes to stderr: stdout carries only the report.
    stdio: ["ignore", 2, 2],
    env: { ...process.env, NODE_ENV: "production", CHECKPOINT_DISABLE: "1", NEXT_TELEMETRY_DISABLED: "1" },
  });
  if (result.status !== 0)
    throw new Error(`${path.basename(command)} ${args.join(" ")} failed (exit ${result.status})`);
}

export function bin(root: string, name: string): string {
  return path.join(root, "node_modules", ".bin", name);
}

/** Generates the Prisma client and runs `next build` when missing or older than the sources. */
export function ensureBuild(root: string, log: (line: string) => void): void {
  const client = path.join(root, "node_modules", ".prisma", "client", "index.js");
  if (!existsSync(client) || statSync(client).mtimeMs < newestMtime(path.join(root, "prisma", "schema.prisma"))) {
    log("generating the Prisma client");
    run(root, bin(root, "prisma"), ["generate"]);
  }
  const buildId = path.join(root, ".next", "BUILD_ID");
  const builtAt = existsSync(buildId) ? statSync(buildId).mtimeMs : 0;
  if (sources.some((entry) => newestMtime(path.join(root, entry)) > builtAt)) {
    log("building for production (next build)");
    run(root, bin(root, "next"), ["build"]);
  } else {
    log("production build is up to date");
  }
}
