import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { SignInForm } from "@/components/auth/sign-in-form";
import { ClientTranslations } from "@/components/client-translations";
import { currentUser } from "@/lib/auth/session";
import { safeReturnPath } from "@/lib/http/safe-return-path";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("auth"))("signInTitle") };
}

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string }> }) {
  const returnTo = safeReturnPath((await searchParams).callbackUrl);
  if (await currentUser()) redirect(returnTo);
  const t = await getTranslations("auth");
  return (
    <div className="mx-auto w-full max-w-sm rounded-2xl bg-white p-6 shadow-sm">
      <h1 className="mb-4 text-2xl font-bold">{t("signInTitle")}</h1>
      <ClientTranslations namespaces={["auth"]}>
        <SignInForm returnTo={returnTo} />
      </ClientTranslations>
    </div>
  );
}
