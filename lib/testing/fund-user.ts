import { randomBytes } from "node:crypto";
import { getPrisma } from "@/lib/db";
import { postEntry } from "@/lib/ledger/post-entry";

/** Gives a test user credits through the ledger. */
export async function fundUser(userId: string, amount: number): Promise<void> {
  const prisma = await getPrisma();
  await prisma.$transaction((tx) =>
    postEntry(tx, {
      userId,
      delta: amount,
      kind: "ADJUST",
      idempotencyKey: `test-fund:${randomBytes(8).toString("hex")}`,
    }),
  );
}
