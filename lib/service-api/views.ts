import type { CreditHold, CreditLot, LedgerEntry, User } from "@prisma/client";

// What /api/v1 shows of each row: the shapes of lib/api/v1/schemas.ts.

export function userView(user: Pick<User, "id" | "email" | "externalId" | "createdAt">) {
  return { id: user.id, email: user.email, externalId: user.externalId, createdAt: user.createdAt.toISOString() };
}

export function entryView(entry: LedgerEntry) {
  return {
    id: entry.id,
    seq: entry.seq,
    delta: entry.delta,
    balanceAfter: entry.balanceAfter,
    kind: entry.kind,
    reference: entry.reference,
    reason: entry.reason,
    createdAt: entry.createdAt.toISOString(),
  };
}

export function lotView(lot: CreditLot) {
  return {
    id: lot.id,
    category: lot.category,
    amount: lot.amount,
    remaining: lot.remaining,
    expiresAt: lot.expiresAt?.toISOString() ?? null,
    priority: lot.priority,
  };
}

export function holdView(hold: CreditHold) {
  return {
    id: hold.id,
    userId: hold.userId,
    amount: hold.amount,
    status: hold.status,
    capturedAmount: hold.capturedAmount,
    expiresAt: hold.expiresAt.toISOString(),
    resolvedAt: hold.resolvedAt?.toISOString() ?? null,
    reference: hold.reference,
    createdAt: hold.createdAt.toISOString(),
  };
}

export function drawView(draw: { lotId: string; category: "PAID" | "PROMOTIONAL"; amount: number }) {
  return { lotId: draw.lotId, category: draw.category, amount: draw.amount };
}
