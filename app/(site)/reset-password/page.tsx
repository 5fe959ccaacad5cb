import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { FormAlert } from "@/components/auth/form-alert";
import { ResetPasswordForm } from "@/components/auth/reset-password-form";
import { ClientTranslations } from "@/components/client-translations";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("auth"))("reset.title"), referrer: "no-referrer" };
}

export default async function ResetPasswordPage({ searchParams }: { searchParams: Promise<{ token?: string }> }) {
  const { token } = await searchParams;
  const t = await getTranslations("auth");
  return (
    <div className="mx-auto w-full max-w-sm rounded-2xl bg-white p-6 shadow-sm">
      <h1 className="mb-4 text-2xl font-bold">{t("reset.title")}</h1>
      {typeof token === "string" && token ? (
        <ClientTranslations namespaces={["auth"]}>
          <ResetPasswordForm token={token} />
        </ClientTranslations>
      ) : (
        <FormAlert>
          {t("errors.invalid_link")}{" "}
          <Link href="/forgot-password" className="font-medium underline">
            {t("forgot.again")}
          </Link>
        </FormAlert>
      )}
    </div>
  );
}
