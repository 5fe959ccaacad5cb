import type { Metadata, Viewport } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { DemoBanner } from "@/components/demo-banner";
import "./globals.css";

// Every page depends on the visitor (session, language): nothing is prerendered at build time,
// so a build never opens the database.
export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("app");
  return {
    title: { default: t("name"), template: `%s · ${t("name")}` },
    description: t("tagline"),
    icons: { icon: [{ url: "/favicon.svg", type: "image/svg+xml" }], apple: "/icon.svg" },
  };
}

export const viewport: Viewport = { width: "device-width", initialScale: 1, themeColor: "#0f8a4c" };

export default async function RootLayout({ children }: { children: ReactNode }) {
  const locale = await getLocale();
  // No NextIntlClientProvider here: it would ship every message and the ICU runtime to every page.
  // Client components get their words as props, or from a ClientTranslations around them.
  return (
    <html lang={locale === "zh" ? "zh-CN" : "en"}>
      <body className="min-h-screen">
        <DemoBanner />
        {children}
      </body>
    </html>
  );
}
