import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ChangePasswordForm } from "@/components/account/change-password-form";
import { SignOutEverywhereButton } from "@/components/account/sign-out-everywhere-button";
import { ClientTranslations } from "@/components/client-translations";
import { requirePageUser } from "@/lib/auth/session";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("auth"))("account.title") };
}

const card = "rounded-2xl bg-white p-6 shadow-sm";

export default async function AccountPage() {
  const user = await requirePageUser("/account");
  const t = await getTranslations("auth");
  return (
    <div className="mx-auto flex w-full max-w-lg flex-col gap-6">
      <h1 className="text-2xl font-bold">{t("account.title")}</h1>
      <section aria-labelledby="account-email" className={card}>
        <h2 id="account-email" className="mb-1 font-semibold">
          {t("email")}
        </h2>
        <p className="break-all text-slate-700" data-testid="account-email">
          {user.email}
        </p>
      </section>
      <ClientTranslations namespaces={["auth"]}>
        <section aria-labelledby="account-password" className={card}>
          <h2 id="account-password" className="mb-4 font-semibold">
            {t("account.changePassword")}
          </h2>
          <ChangePasswordForm email={user.email} />
        </section>
        <section aria-labelledby="account-sessions" className={card}>
          <h2 id="account-sessions" className="mb-1 font-semibold">
            {t("account.sessions")}
          </h2>
          <p className="mb-4 text-sm text-slate-600">{t("account.sessionsIntro")}</p>
          <SignOutEverywhereButton />
        </section>
      </ClientTranslations>
    </div>
  );
}
