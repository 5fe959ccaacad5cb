import { z } from "zod";
import { getPrisma } from "@/lib/db";

export const outboxQuerySchema = z.object({
  to: z.string().trim().toLowerCase().max(254).optional(),
});

export type OutboxQuery = z.infer<typeof outboxQuerySchema>;

export interface OutboxEntry {
  id: string;
  to: string;
  subject: string;
  text: string;
  createdAt: Date;
}

/** The newest mails of the dev outbox (lib/mail/send-mail.ts), optionally for one recipient. */
export async function listOutbox({ to }: OutboxQuery, limit = 50): Promise<OutboxEntry[]> {
  const prisma = await getPrisma();
  return prisma.outboxMail.findMany({
    where: to ? { to } : {},
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit,
  });
}
