import Link from "next/link";
import { getLocale, getTimeZone, getTranslations } from "next-intl/server";
import type { CSSProperties, ReactNode } from "react";
import { AdminNav } from "@/components/admin/admin-nav";
import { ClientTranslations } from "@/components/client-translations";
import { currentUser, isAdmin } from "@/lib/auth/session";
import { offsetLabel } from "@/lib/settings/time-zone";

// Tables need more room than the site's reading width: widen to the viewport (up to 88rem)
// without overflowing it, and never narrower than the site column on small screens.
const wide: CSSProperties = {
  width: "max(100%, min(100vw - 4rem, 88rem))",
  marginInline: "calc((100% - max(100%, min(100vw - 4rem, 88rem))) / 2)",
};

/**
 * Frame of the console. It only draws the navigation for admins; the access check itself is
 * in every page and route handler, because a layout does not guard the pages under it.
 */
export default async function AdminLayout({ children }: { children: ReactNode }) {
  const [user, t, timeZone, locale] = await Promise.all([
    currentUser(),
    getTranslations("console.nav"),
    getTimeZone(),
    getLocale(),
  ]);
  const now = new Date();
  const zoneName =
    new Intl.DateTimeFormat(locale, { timeZone, timeZoneName: "long" })
      .formatToParts(now)
      .find((part) => part.type === "timeZoneName")?.value ?? timeZone;
  return (
    <ClientTranslations namespaces={["console"]}>
      <div style={wide} className="flex flex-col gap-6">
        {isAdmin(user) && (
          <>
            <AdminNav />
            <p className="-mt-3 text-xs text-slate-600" data-testid="console-time-zone">
              {t("timeZone", { name: zoneName, zone: timeZone, offset: offsetLabel(timeZone, now) })}{" "}
              <Link href="/admin/settings" className="font-medium text-brand-700 underline">
                {t("changeTimeZone")}
              </Link>
            </p>
          </>
        )}
        {children}
      </div>
    </ClientTranslations>
  );
}
