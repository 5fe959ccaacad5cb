// The app as its own process, for the scenarios that take our database away or kill the app:
// the sandbox gateways and notify endpoints of lib/testing/app-server.ts on DATABASE_URL (a
// proxy the test controls), announced on stdout. APP_URL comes from the parent. Started by
// lib/reliability/app-process.ts; not for anything else.
import { installDatabase } from "@/lib/db";
import { openDatabase } from "@/lib/db/database";
import { readyLine } from "@/lib/reliability/app-process";
import { startAppServer } from "@/lib/testing/app-server";

async function main(): Promise<void> {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is required");
  const db = await openDatabase({ kind: "postgres", url });
  installDatabase(db);
  const server = await startAppServer();
  process.once("SIGTERM", () => {
    void server
      .close()
      .then(() => db.close())
      .finally(() => process.exit(0));
  });
  process.stdout.write(`${readyLine}${server.url}\n`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
