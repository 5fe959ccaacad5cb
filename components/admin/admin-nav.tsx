"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useTranslations } from "next-intl";

const items = [
  { href: "/admin", key: "dashboard" },
  { href: "/admin/transactions", key: "transactions" },
  { href: "/admin/reconciliation", key: "reconciliation" },
  { href: "/admin/payment-configs", key: "configs" },
  { href: "/admin/packages", key: "packages" },
  { href: "/admin/users", key: "users" },
  { href: "/admin/redemption-batches", key: "redemption" },
  { href: "/admin/developers", key: "developers" },
  { href: "/admin/audit", key: "audit" },
  { href: "/admin/outbox", key: "outbox" },
  { href: "/admin/settings", key: "settings" },
] as const;

export function AdminNav() {
  const t = useTranslations("console.nav");
  const pathname = usePathname();
  const active = (href: string) => (href === "/admin" ? pathname === href : pathname.startsWith(href));
  return (
    <nav aria-label={t("label")} className="-mx-1 overflow-x-auto">
      <ul className="flex min-w-max gap-1 border-b border-slate-200 px-1">
        {items.map((item) => (
          <li key={item.href}>
            <Link
              href={item.href}
              aria-current={active(item.href) ? "page" : undefined}
              className={`block border-b-2 px-3 py-2 text-sm font-medium ${
                active(item.href)
                  ? "border-brand-600 text-brand-800"
                  : "border-transparent text-slate-600 hover:border-slate-300 hover:text-slate-900"
              }`}
            >
              {t(item.key)}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
