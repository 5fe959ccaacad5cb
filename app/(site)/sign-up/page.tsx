import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { SignUpForm } from "@/components/auth/sign-up-form";
import { ClientTranslations } from "@/components/client-translations";
import { currentUser } from "@/lib/auth/session";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("auth"))("signUpTitle") };
}

export default async function SignUpPage() {
  if (await currentUser()) redirect("/");
  const t = await getTranslations("auth");
  return (
    <div className="mx-auto w-full max-w-sm rounded-2xl bg-white p-6 shadow-sm">
      <h1 className="mb-4 text-2xl font-bold">{t("signUpTitle")}</h1>
      <ClientTranslations namespaces={["auth"]}>
        <SignUpForm />
      </ClientTranslations>
    </div>
  );
}
