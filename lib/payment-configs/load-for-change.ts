import type { PaymentConfig, Prisma } from "@prisma/client";
import { AppError } from "@/lib/errors";

/**
 * A live (not deleted) config, read with a row lock inside the caller's transaction, so the
 * audit's "before" is what the change really replaced.
 */
export async function lockLiveConfig(tx: Prisma.TransactionClient, id: string): Promise<PaymentConfig> {
  const locked = await tx.$queryRaw<{ id: string }[]>`
    SELECT id FROM "PaymentConfig" WHERE id = ${id} AND "deletedAt" IS NULL FOR UPDATE`;
  if (!locked[0]) throw new AppError("NOT_FOUND", "payment_config_not_found");
  return tx.paymentConfig.findUniqueOrThrow({ where: { id } });
}
