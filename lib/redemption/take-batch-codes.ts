import { zonedTimestamp } from "@/lib/admin/date-range";
import { stringify } from "csv-stringify/sync";
import { recordAudit } from "@/lib/audit/record-audit";
import { appKeyring } from "@/lib/crypto/app-keyring";
import { open } from "@/lib/crypto/secret-box";
import { getPrisma } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { sealContext } from "@/lib/redemption/create-batch";
import { getDisplayTimeZone } from "@/lib/settings/get-display-time-zone";

export interface TakeBatchCodesOptions {
  batchId: string;
  actorId: string;
}

export interface BatchCodesFile {
  filename: string;
  csv: string;
}

/**
 * The batch's codes as CSV, exactly once: the sealed copy is cleared in the same conditional
 * write that hands it out, so a second (or concurrent) download is refused.
 */
export async function takeBatchCodes({ batchId, actorId }: TakeBatchCodesOptions): Promise<BatchCodesFile> {
  const [prisma, timeZone] = await Promise.all([getPrisma(), getDisplayTimeZone()]);
  return prisma.$transaction(async (tx) => {
    const batch = await tx.redemptionBatch.findUnique({ where: { id: batchId } });
    if (!batch) throw new AppError("NOT_FOUND", "batch_not_found");
    const taken = await tx.redemptionBatch.updateMany({
      where: { id: batchId, sealedCodes: { not: null } },
      data: { sealedCodes: null, codesDownloadedAt: new Date() },
    });
    if (taken.count !== 1 || !batch.sealedCodes) throw new AppError("CONFLICT", "codes_already_downloaded");
    const codes = open(appKeyring(), batch.sealedCodes, sealContext(batch.id)).split("\n");
    await recordAudit(tx, {
      actorId,
      action: "redemption_batch.download",
      target: batch.id,
      after: { codeCount: codes.length },
    });
    const validity = batch.creditValidityDays === null ? "never" : String(batch.creditValidityDays);
    const csv = stringify(
      codes.map((code) => [
        code,
        batch.creditsPerCode,
        batch.category,
        zonedTimestamp(batch.redeemBy, timeZone),
        validity,
      ]),
      { header: true, columns: ["code", "credits", "category", "redeem_by", "credit_validity_days"] },
    );
    return { filename: `redemption-codes-${batch.id}.csv`, csv };
  });
}
