import { getTranslations } from "next-intl/server";
import type { CSSProperties, ReactNode } from "react";
import { AdminNav } from "@/components/admin/admin-nav";
import { ClientTranslations } from "@/components/client-translations";
import { currentUser, isAdmin } from "@/lib/auth/session";

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
  const [user, t] = await Promise.all([currentUser(), getTranslations("console.nav")]);
  return (
    <ClientTranslations namespaces={["console"]}>
      <div style={wide} className="flex flex-col gap-6">
        {isAdmin(user) && (
          <>
            <AdminNav />
            <p className="-mt-3 text-xs text-slate-600" data-testid="console-time-zone">
              {t("timeZone")}
            </p>
          </>
        )}
        {children}
      </div>
    </ClientTranslations>
  );
}
