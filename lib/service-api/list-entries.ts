import { LedgerKind, type Prisma } from "@prisma/client";
import { getPrisma } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { entryView } from "@/lib/service-api/views";

export interface ListEntriesOptions {
  userId: string;
  kind?: string;
  from?: string;
  to?: string;
  /** The `nextCursor` of the previous page. */
  cursor?: string;
  limit: number;
}

const cursorPrefix = "seq_";

/** A user's ledger, newest first, paged by `seq` (the ledger's own order) rather than by offset. */
export async function listEntries({ userId, kind, from, to, cursor, limit }: ListEntriesOptions) {
  if (kind !== undefined && !(kind in LedgerKind)) {
    throw new AppError("VALIDATION", "invalid_input", {
      fields: { kind: `one of ${Object.keys(LedgerKind).join(", ")}` },
    });
  }
  let before: number | undefined;
  if (cursor !== undefined) {
    const seq = cursor.startsWith(cursorPrefix) ? Number(cursor.slice(cursorPrefix.length)) : NaN;
    if (!Number.isSafeInteger(seq) || seq < 1) throw new AppError("VALIDATION", "invalid_cursor");
    before = seq;
  }
  const prisma = await getPrisma();
  const user = await prisma.user.findUnique({ where: { id: userId }, select: { id: true } });
  if (!user) throw new AppError("NOT_FOUND", "user_not_found");
  const where: Prisma.LedgerEntryWhereInput = {
    userId,
    ...(kind ? { kind: kind as LedgerKind } : {}),
    ...(before ? { seq: { lt: before } } : {}),
    ...(from || to
      ? { createdAt: { ...(from ? { gte: new Date(from) } : {}), ...(to ? { lt: new Date(to) } : {}) } }
      : {}),
  };
  const rows = await prisma.ledgerEntry.findMany({ where, orderBy: { seq: "desc" }, take: limit + 1 });
  const page = rows.slice(0, limit);
  return {
    entries: page.map(entryView),
    nextCursor: rows.length > limit ? `${cursorPrefix}${page.at(-1)!.seq}` : null,
  };
}
