import { getFormatter, getTranslations } from "next-intl/server";
import { getBalance } from "@/lib/wallet/get-balance";

const noticeWindowMs = 7 * 24 * 60 * 60 * 1000;

/** The user's soonest expiry, when it falls within the notice window; read outside render. */
async function dueSoon(userId: string): Promise<{ at: Date; amount: number } | null> {
  const { nextExpiry } = await getBalance(userId);
  if (!nextExpiry) return null;
  const at = new Date(nextExpiry.at);
  return at.getTime() - Date.now() > noticeWindowMs ? null : { at, amount: nextExpiry.amount };
}

/** "N credits expire on <date>", when the user's soonest-expiring credits go within 7 days. */
export async function ExpiryNotice({ userId, tone = "light" }: { userId: string; tone?: "light" | "dark" }) {
  const due = await dueSoon(userId);
  if (!due) return null;
  const { at } = due;
  const [t, format] = await Promise.all([getTranslations("wallet"), getFormatter()]);
  const date = format.dateTime(at, { dateStyle: "medium", timeStyle: "short" });
  return (
    <p
      role="status"
      data-testid="expiry-notice"
      className={`rounded-lg px-3 py-2 text-sm font-medium ${
        tone === "dark" ? "bg-white/15 text-white" : "bg-amber-50 text-amber-900"
      }`}
    >
      {t("expiryNotice", { count: due.amount, date })}
    </p>
  );
}
