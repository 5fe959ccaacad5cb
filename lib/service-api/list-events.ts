import { getPrisma } from "@/lib/db";
import { AppError } from "@/lib/errors";

export interface ListEventsOptions {
  /** The `nextCursor` of the previous page: a position. */
  after?: string;
  limit: number;
}

/**
 * Events by position (commit order), never by seq: a reader that polls with the last cursor
 * sees every event once, in order, even those whose transaction committed late.
 */
export async function listEvents({ after, limit }: ListEventsOptions) {
  if (after !== undefined && !/^\d{1,19}$/.test(after)) throw new AppError("VALIDATION", "invalid_cursor");
  const from = BigInt(after ?? "0");
  const prisma = await getPrisma();
  const rows = await prisma.event.findMany({
    where: { position: { gt: from } },
    orderBy: { position: "asc" },
    take: limit,
  });
  return {
    events: rows.map((row) => ({
      id: row.id,
      type: row.type,
      userId: row.userId,
      data: row.data as Record<string, unknown>,
      createdAt: row.createdAt.toISOString(),
    })),
    nextCursor: String(rows.at(-1)?.position ?? from),
  };
}
