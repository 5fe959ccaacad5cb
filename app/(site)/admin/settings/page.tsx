import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/admin/page-header";
import { Section } from "@/components/admin/section";
import { TimeZoneForm } from "@/components/admin/settings/time-zone-form";
import { VoidSandboxCredits } from "@/components/admin/settings/void-sandbox-credits";
import { requirePageAdmin } from "@/lib/auth/session";
import { getDisplayTimeZone } from "@/lib/settings/get-display-time-zone";
import { offsetLabel, timeZoneNames } from "@/lib/settings/time-zone";
import { sandboxCreditsLeft } from "@/lib/wallet/sandbox-credits-left";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("console.settings"))("title") };
}

export default async function SettingsPage() {
  await requirePageAdmin("/admin/settings");
  const [t, current, left] = await Promise.all([
    getTranslations("console.settings"),
    getDisplayTimeZone(),
    sandboxCreditsLeft(),
  ]);
  const now = new Date();
  const zones = timeZoneNames().map((name) => ({ name, offset: offsetLabel(name, now) }));
  return (
    <div className="flex flex-col gap-6">
      <PageHeader title={t("title")} description={t("intro")} />
      <Section id="time-zone-title" title={t("timeZoneTitle")}>
        <TimeZoneForm current={current} zones={zones} />
      </Section>
      <Section id="sandbox-credits-title" title={t("sandboxTitle")}>
        <VoidSandboxCredits left={left} />
      </Section>
    </div>
  );
}
