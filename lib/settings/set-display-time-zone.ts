import { recordAudit } from "@/lib/audit/record-audit";
import { getPrisma } from "@/lib/db";
import { forgetDisplayTimeZone } from "@/lib/settings/get-display-time-zone";
import { defaultTimeZone } from "@/lib/settings/time-zone";

export interface SetDisplayTimeZoneOptions {
  /** Canonical IANA name (timeZoneField). */
  timeZone: string;
  actorId: string;
}

export async function setDisplayTimeZone({ timeZone, actorId }: SetDisplayTimeZoneOptions): Promise<void> {
  const prisma = await getPrisma();
  await prisma.$transaction(async (tx) => {
    const before = await tx.displaySettings.findUnique({ where: { id: 1 } });
    await tx.displaySettings.upsert({ where: { id: 1 }, create: { id: 1, timeZone }, update: { timeZone } });
    await recordAudit(tx, {
      actorId,
      action: "display_settings.time_zone",
      before: { timeZone: before?.timeZone ?? defaultTimeZone },
      after: { timeZone },
    });
  });
  forgetDisplayTimeZone();
}
