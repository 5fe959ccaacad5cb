import { getTranslations } from "next-intl/server";
import { logger } from "@/lib/log/logger";
import { demoModeOffered } from "@/lib/payment-configs/offered-configs";

async function offered(): Promise<boolean> {
  try {
    return await demoModeOffered();
  } catch (error) {
    // A page must not fail for its banner; the checkout it warns about reads the same rows.
    logger.warn("could not tell whether demo payments are offered", { error });
    return false;
  }
}

/** On every page while users are offered sandbox payments, so nobody mistakes them for real ones. */
export async function DemoBanner() {
  if (!(await offered())) return null;
  const t = await getTranslations("demo");
  return (
    <div role="note" data-testid="demo-banner" className="bg-amber-100 px-4 py-2 text-center text-sm text-amber-950">
      <strong className="font-semibold">{t("title")}</strong> {t("body")}
    </div>
  );
}
