// `npm run admin:create -- <email>`: creates or promotes an admin. The password is read from
// ADMIN_PASSWORD so it never lands in shell history. Stop the app first on the embedded
// database: only one process may open it.
import { closeDatabase, getDatabase } from "@/lib/db";
import { migrate } from "@/lib/db/migrate";
import { ensureAdmin } from "@/lib/seed/admin";

async function main() {
  const email = process.argv[2] ?? process.env.ADMIN_EMAIL;
  const password = process.env.ADMIN_PASSWORD;
  if (!email || !password) {
    console.error("usage: ADMIN_PASSWORD=… npm run admin:create -- admin@example.com");
    process.exit(2);
  }
  const db = await getDatabase();
  try {
    await migrate(db);
    const outcome = await ensureAdmin(db.prisma, email, password);
    console.log(`admin ${email}: ${outcome}`);
  } finally {
    await closeDatabase();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
