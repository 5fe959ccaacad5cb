import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { adminOverview } from "@/lib/admin/overview";
import { requirePageAdmin } from "@/lib/auth/session";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("admin"))("title") };
}

export default async function AdminPage() {
  await requirePageAdmin("/admin");
  const [t, locale, overview] = await Promise.all([getTranslations("admin"), getLocale(), adminOverview()]);
  const number = new Intl.NumberFormat(locale === "zh" ? "zh-CN" : "en-US");
  const date = new Intl.DateTimeFormat(locale === "zh" ? "zh-CN" : "en-US", {
    dateStyle: "medium",
    timeStyle: "short",
    timeZone: "Asia/Shanghai",
  });
  const stats = [
    { label: t("users"), value: overview.userCount },
    { label: t("packages"), value: overview.activePackageCount },
    { label: t("creditsOutstanding"), value: overview.creditsOutstanding },
  ];

  return (
    <div className="flex flex-col gap-6">
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      <section aria-label={t("overview")} className="grid grid-cols-1 gap-4 sm:grid-cols-3">
        {stats.map((stat) => (
          <div key={stat.label} className="rounded-xl border border-slate-200 bg-white p-4">
            <p className="text-sm text-slate-600">{stat.label}</p>
            <p className="mt-1 text-2xl font-semibold">{number.format(stat.value)}</p>
          </div>
        ))}
      </section>
      <section aria-labelledby="recent-users" className="rounded-xl border border-slate-200 bg-white">
        <h2 id="recent-users" className="border-b border-slate-200 px-4 py-3 font-semibold">
          {t("recentUsers")}
        </h2>
        <div className="overflow-x-auto">
          <table className="w-full text-left text-sm">
            <thead className="bg-slate-50 text-slate-600">
              <tr>
                <th scope="col" className="px-4 py-2 font-medium">{t("email")}</th>
                <th scope="col" className="px-4 py-2 font-medium">{t("role")}</th>
                <th scope="col" className="px-4 py-2 text-right font-medium">{t("balance")}</th>
                <th scope="col" className="px-4 py-2 font-medium">{t("joined")}</th>
              </tr>
            </thead>
            <tbody>
              {overview.newestUsers.map((user) => (
                <tr key={user.id} className="border-t border-slate-100">
                  <td className="px-4 py-2">{user.email}</td>
                  <td className="px-4 py-2">{user.role}</td>
                  <td className="px-4 py-2 text-right tabular-nums">{number.format(user.balance)}</td>
                  <td className="px-4 py-2 whitespace-nowrap">{date.format(user.createdAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </div>
  );
}
