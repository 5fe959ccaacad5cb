// `npm run start:cluster -- [N]`: N production instances (default 2) of the built app on one
// PostgreSQL, on ports PORT, PORT+1, … behind nothing but their ports, for trying several
// instances. Build first (`npm run build`, or one `npm start`). Needs DATABASE_URL and the
// settings every instance must share: NEXTAUTH_SECRET and APP_ENCRYPTION_KEY.
import { spawn } from "node:child_process";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const count = Number(process.argv[2] ?? "2");
const basePort = Number(process.env.PORT ?? "3000");
const missing = ["DATABASE_URL", "NEXTAUTH_SECRET", "APP_ENCRYPTION_KEY"].filter((name) => !process.env[name]);
if (!Number.isInteger(count) || count < 1 || count > 16) {
  process.stderr.write("usage: npm run start:cluster -- <instances, 1-16>\n");
  process.exit(2);
}
if (missing.length) {
  // The embedded database is one process's; separate secrets would make each instance refuse the others' sessions and keys.
  process.stderr.write(`start:cluster needs ${missing.join(", ")} (see README, "Production").\n`);
  process.exit(2);
}

const children = Array.from({ length: count }, (_, index) => {
  const port = basePort + index;
  const child = spawn(
    path.join(root, "node_modules", ".bin", "next"),
    ["start", "-p", String(port), "--keepAliveTimeout", "65000"],
    {
      cwd: root,
      env: {
        ...process.env,
        PORT: String(port),
        // Notify URLs and QR pages name one public address (a load balancer in real use).
        APP_URL: process.env.APP_URL ?? `http://localhost:${basePort}`,
        NEXT_MANUAL_SIG_HANDLE: "true",
        NEXT_TELEMETRY_DISABLED: "1",
      },
      stdio: "inherit",
    },
  );
  child.on("exit", (code) => process.stderr.write(`instance on port ${port} exited (${code})\n`));
  return child;
});
for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => {
    for (const child of children) child.kill(signal);
  });
}
await Promise.all(children.map((child) => new Promise((resolve) => child.on("exit", resolve))));
