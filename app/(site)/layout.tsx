import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { ErrorTextProvider } from "@/components/error-text";
import { SiteHeader } from "@/components/site-header";

export default async function SiteLayout({ children }: { children: ReactNode }) {
  const t = await getTranslations("errors");
  return (
    <>
      <SiteHeader />
      <main id="main" className="mx-auto w-full max-w-5xl px-4 py-6 sm:py-10">
        <ErrorTextProvider text={{ title: t("genericTitle"), body: t("genericBody"), retry: t("retry") }}>
          {children}
        </ErrorTextProvider>
      </main>
    </>
  );
}
