import type { LedgerEntry, Prisma } from "@prisma/client";
import { AppError } from "@/lib/errors";

export interface LockedWallet {
  userId: string;
  externalId: string | null;
  balance: number;
  heldCredits: number;
  ledgerSeq: number;
  allowNegativeBalance: boolean;
  /** WalletSettings.lowBalanceThreshold, read under the same lock. */
  lowBalanceThreshold: number | null;
}

/**
 * Locks the user's wallet row for the rest of the caller's transaction. Every movement of a
 * user's lots, balance or holds takes this lock first, so statements after it (a new snapshot
 * each, under READ COMMITTED) see every earlier movement, and movements of one user queue here.
 */
export async function lockWallet(tx: Prisma.TransactionClient, userId: string): Promise<LockedWallet> {
  const rows = await tx.$queryRaw<LockedWallet[]>`
    SELECT id AS "userId", "externalId", balance, "heldCredits", "ledgerSeq", "allowNegativeBalance",
           (SELECT "lowBalanceThreshold" FROM "WalletSettings" WHERE id = 1) AS "lowBalanceThreshold"
    FROM "User" WHERE id = ${userId} FOR UPDATE`;
  const wallet = rows[0];
  if (!wallet) throw new AppError("NOT_FOUND", "user_not_found");
  return wallet;
}

/**
 * The entry an idempotency key already names, read after `lockWallet` so a concurrent movement
 * under the same key has committed or not started. A key another user's movement used is a
 * conflict, never that movement's answer.
 */
export async function findPriorEntry(
  tx: Prisma.TransactionClient,
  wallet: LockedWallet,
  idempotencyKey: string,
): Promise<LedgerEntry | null> {
  const entry = await tx.ledgerEntry.findUnique({ where: { idempotencyKey } });
  if (entry && entry.userId !== wallet.userId) throw new AppError("CONFLICT", "idempotency_key_reused");
  return entry;
}
