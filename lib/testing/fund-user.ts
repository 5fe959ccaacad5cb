import { randomBytes } from "node:crypto";
import { getPrisma } from "@/lib/db";
import { grantCredits } from "@/lib/wallet/grant-credits";

/** Gives a test user credits: one PAID lot that never expires. */
export async function fundUser(userId: string, amount: number): Promise<void> {
  const prisma = await getPrisma();
  await prisma.$transaction((tx) =>
    grantCredits(tx, {
      userId,
      amount,
      category: "PAID",
      source: "GRANT",
      kind: "GRANT",
      idempotencyKey: `test-fund:${randomBytes(8).toString("hex")}`,
    }),
  );
}
