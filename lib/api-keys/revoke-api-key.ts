import { recordAudit } from "@/lib/audit/record-audit";
import { getPrisma } from "@/lib/db";
import { AppError } from "@/lib/errors";

export interface RevokeApiKeyOptions {
  id: string;
  actorId: string;
}

/** A revoked key is refused from its next request on: every call looks the key up afresh. */
export async function revokeApiKey({ id, actorId }: RevokeApiKeyOptions): Promise<void> {
  const prisma = await getPrisma();
  await prisma.$transaction(async (tx) => {
    const revoked = await tx.apiKey.updateMany({
      where: { id, revokedAt: null },
      data: { revokedAt: new Date() },
    });
    if (revoked.count === 0) {
      const exists = await tx.apiKey.findUnique({ where: { id }, select: { id: true } });
      if (!exists) throw new AppError("NOT_FOUND", "api_key_not_found");
      return;
    }
    await recordAudit(tx, { actorId, action: "api_key.revoke", target: id });
  });
}
