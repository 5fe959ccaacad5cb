import nodemailer, { type Transporter } from "nodemailer";
import { getPrisma } from "@/lib/db";
import { env } from "@/lib/env";
import { logger } from "@/lib/log/logger";

export interface SendMailOptions {
  to: string;
  subject: string;
  text: string;
}

let transport: Transporter | undefined;

function smtp(url: string): Transporter {
  transport ??= nodemailer.createTransport(url);
  return transport;
}

/**
 * Sends a mail through SMTP_URL; without it, keeps the mail in the dev outbox (a table admins
 * read at /admin/outbox), so accounts work on a machine with no mail server. Mails carry
 * single-use links: the log names the recipient's mail by id, never its text.
 */
export async function sendMail({ to, subject, text }: SendMailOptions): Promise<void> {
  const settings = env();
  if (settings.SMTP_URL) {
    await smtp(settings.SMTP_URL).sendMail({ from: settings.MAIL_FROM, to, subject, text });
    logger.info("mail sent", { subject });
    return;
  }
  const prisma = await getPrisma();
  const kept = await prisma.outboxMail.create({ data: { to, subject, text }, select: { id: true } });
  logger.info("no SMTP_URL: mail kept in the dev outbox, read it at /admin/outbox", { mailId: kept.id, subject });
}
