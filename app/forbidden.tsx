import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { StatusPage } from "@/components/status-page";

export default async function Forbidden() {
  const t = await getTranslations("errors");
  return (
    <main id="main" className="px-4 py-10">
      <StatusPage
        title={t("forbiddenTitle")}
        body={t("forbiddenBody")}
        action={
          <Link href="/" className="mt-2 rounded-md bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800">
            {t("backHome")}
          </Link>
        }
      />
    </main>
  );
}
