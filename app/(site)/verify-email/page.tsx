import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { FormAlert } from "@/components/auth/form-alert";
import { VerifyEmailForm } from "@/components/auth/verify-email-form";
import { ClientTranslations } from "@/components/client-translations";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("auth"))("verify.title"), referrer: "no-referrer" };
}

export default async function VerifyEmailPage({ searchParams }: { searchParams: Promise<{ token?: string }> }) {
  const { token } = await searchParams;
  const t = await getTranslations("auth");
  return (
    <div className="mx-auto w-full max-w-sm rounded-2xl bg-white p-6 shadow-sm">
      <h1 className="mb-4 text-2xl font-bold">{t("verify.title")}</h1>
      {typeof token === "string" && token ? (
        <ClientTranslations namespaces={["auth"]}>
          <VerifyEmailForm token={token} />
        </ClientTranslations>
      ) : (
        <FormAlert>{t("errors.invalid_link")}</FormAlert>
      )}
    </div>
  );
}
