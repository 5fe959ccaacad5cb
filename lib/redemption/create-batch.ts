import type { RedemptionBatch } from "@prisma/client";
import { recordAudit } from "@/lib/audit/record-audit";
import { appKeyring } from "@/lib/crypto/app-keyring";
import { seal } from "@/lib/crypto/secret-box";
import { getPrisma } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { BatchInput } from "@/lib/redemption/batch-input";
import { generateCode, hashCode, normaliseCode } from "@/lib/redemption/code";

export interface CreateBatchOptions {
  input: BatchInput;
  actorId: string;
  now?: Date;
}

const insertChunk = 1_000;

/** Seal context: the sealed codes open only on their own batch row. */
export function sealContext(batchId: string): string {
  return `redemption-batch:${batchId}`;
}

/**
 * Creates a batch and its codes. The codes are stored as hashes; the plain codes are kept
 * sealed on the batch until its one CSV download (takeBatchCodes) clears them.
 */
export async function createBatch({ input, actorId, now = new Date() }: CreateBatchOptions): Promise<RedemptionBatch> {
  if (input.redeemBy <= now) {
    throw new AppError("VALIDATION", "invalid_input", { fields: { redeemBy: "must_be_future" } });
  }
  const codes = new Set<string>();
  while (codes.size < input.count) codes.add(generateCode());
  const plain = [...codes];
  const prisma = await getPrisma();
  return prisma.$transaction(
    async (tx) => {
      const created = await tx.redemptionBatch.create({
        data: {
          name: input.name,
          category: input.category,
          creditsPerCode: input.creditsPerCode,
          codeCount: input.count,
          redeemBy: input.redeemBy,
          creditValidityDays: input.creditValidityDays,
          perUserLimit: input.perUserLimit,
          createdById: actorId,
        },
      });
      for (let start = 0; start < plain.length; start += insertChunk) {
        await tx.redemptionCode.createMany({
          data: plain
            .slice(start, start + insertChunk)
            .map((code) => ({ batchId: created.id, codeHash: hashCode(normaliseCode(code) ?? "") })),
        });
      }
      const batch = await tx.redemptionBatch.update({
        where: { id: created.id },
        data: { sealedCodes: seal(appKeyring(), plain.join("\n"), sealContext(created.id)) },
      });
      await recordAudit(tx, {
        actorId,
        action: "redemption_batch.create",
        target: batch.id,
        after: {
          name: batch.name,
          category: batch.category,
          creditsPerCode: batch.creditsPerCode,
          codeCount: batch.codeCount,
          redeemBy: batch.redeemBy,
          creditValidityDays: batch.creditValidityDays,
          perUserLimit: batch.perUserLimit,
        },
      });
      return batch;
    },
    { timeout: 60_000 },
  );
}
