import type { CreditCategory } from "@prisma/client";
import { getPrisma } from "@/lib/db";

export interface BatchView {
  id: string;
  name: string;
  category: CreditCategory;
  creditsPerCode: number;
  codeCount: number;
  redeemedCount: number;
  redeemBy: string;
  creditValidityDays: number | null;
  perUserLimit: number;
  disabledAt: string | null;
  /** False once the one CSV download has happened. */
  downloadable: boolean;
  codesDownloadedAt: string | null;
  createdAt: string;
}

/** Every batch, newest first, with how many of its codes were redeemed. */
export async function listBatches(): Promise<BatchView[]> {
  const prisma = await getPrisma();
  const rows = await prisma.redemptionBatch.findMany({
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    omit: { sealedCodes: true },
    take: 200,
  });
  const pending = new Set(
    (
      await prisma.redemptionBatch.findMany({
        where: { id: { in: rows.map((row) => row.id) }, sealedCodes: { not: null } },
        select: { id: true },
      })
    ).map((row) => row.id),
  );
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    category: row.category,
    creditsPerCode: row.creditsPerCode,
    codeCount: row.codeCount,
    redeemedCount: row.redeemedCount,
    redeemBy: row.redeemBy.toISOString(),
    creditValidityDays: row.creditValidityDays,
    perUserLimit: row.perUserLimit,
    disabledAt: row.disabledAt?.toISOString() ?? null,
    downloadable: pending.has(row.id),
    codesDownloadedAt: row.codesDownloadedAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
  }));
}
