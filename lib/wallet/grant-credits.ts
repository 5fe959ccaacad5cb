import type { CreditCategory, CreditLot, LedgerEntry, LotSource, Prisma } from "@prisma/client";
import { AppError } from "@/lib/errors";
import { findPriorEntry, lockWallet } from "@/lib/wallet/lock-wallet";
import { writeCredit } from "@/lib/wallet/write-movement";

export interface GrantCreditsInput {
  userId: string;
  amount: number;
  category: CreditCategory;
  source: Extract<LotSource, "GRANT" | "REDEMPTION" | "REVERSAL">;
  kind: "GRANT" | "REDEMPTION" | "ADJUST";
  /** Names this grant: the same key again returns the first grant and changes nothing. */
  idempotencyKey: string;
  /** Null or absent: the credits never expire. */
  expiresAt?: Date | null;
  priority?: number;
  reference?: string;
  reason?: string;
  actorId?: string;
  metadata?: Record<string, string>;
  sandbox?: boolean;
  now?: Date;
}

export interface GrantResult {
  entry: LedgerEntry;
  lot: CreditLot;
  balance: number;
  /** False when the idempotency key had granted before: nothing changed. */
  created: boolean;
}

/** Gives a user credits as one new lot, in the caller's transaction, with its ledger entry. */
export async function grantCredits(tx: Prisma.TransactionClient, input: GrantCreditsInput): Promise<GrantResult> {
  if (!Number.isSafeInteger(input.amount) || input.amount <= 0) {
    throw new AppError("VALIDATION", "amount_must_be_a_positive_integer");
  }
  const priority = input.priority ?? 50;
  if (!Number.isInteger(priority) || priority < 0 || priority > 100) {
    throw new AppError("VALIDATION", "priority_out_of_range");
  }
  const now = input.now ?? new Date();
  if (input.expiresAt && input.expiresAt <= now) throw new AppError("VALIDATION", "expiry_in_the_past");

  const wallet = await lockWallet(tx, input.userId);
  const prior = await findPriorEntry(tx, wallet, input.idempotencyKey);
  if (prior) {
    const lot = await tx.creditLot.findFirstOrThrow({ where: { entryId: prior.id } });
    return { entry: prior, lot, balance: wallet.balance, created: false };
  }
  const { entry, lots, balanceAfter } = await writeCredit(tx, wallet, {
    ...input,
    now,
    lots: [
      {
        category: input.category,
        source: input.source,
        amount: input.amount,
        expiresAt: input.expiresAt ?? null,
        priority,
        sandbox: input.sandbox,
      },
    ],
  });
  return { entry, lot: lots[0]!, balance: balanceAfter, created: true };
}
