import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTimeZone, getTranslations } from "next-intl/server";
import { RedeemForm } from "@/components/redeem/redeem-form";
import { requirePageUser } from "@/lib/auth/session";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("redeem"))("title") };
}

const errorKeys = [
  "code_unknown",
  "code_used",
  "batch_expired",
  "batch_disabled",
  "redeem_limit_reached",
  "rate_limited",
  "invalid_input",
  "unknown",
  "network",
] as const;

export default async function RedeemPage() {
  await requirePageUser("/redeem");
  const [t, locale, timeZone] = await Promise.all([getTranslations("redeem"), getLocale(), getTimeZone()]);
  const texts = {
    label: t("label"),
    hint: t("hint"),
    submit: t("submit"),
    submitting: t("submitting"),
    success: t.raw("success") as string,
    successNeverExpires: t.raw("successNeverExpires") as string,
    balance: t.raw("balance") as string,
    errors: Object.fromEntries(errorKeys.map((key) => [key, t(`errors.${key}`)])),
  };

  return (
    <div className="mx-auto flex w-full max-w-xl flex-col gap-5">
      <div>
        <h1 className="text-2xl font-bold">{t("title")}</h1>
        <p className="mt-1 text-slate-600">{t("intro")}</p>
      </div>
      <section className="rounded-2xl bg-white p-6 shadow-sm">
        <RedeemForm texts={texts} locale={locale} timeZone={timeZone} />
      </section>
      <p className="text-sm text-slate-600">
        {t("historyHint")}{" "}
        <Link href="/ledger" className="text-brand-700 underline underline-offset-2">
          {t("historyLink")}
        </Link>
      </p>
    </div>
  );
}
