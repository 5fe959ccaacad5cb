import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { PackageForm } from "@/components/admin/packages/package-form";
import { PageHeader } from "@/components/admin/page-header";
import { Section } from "@/components/admin/section";
import { formatYuan } from "@/lib/admin/yuan";
import { requirePageAdmin } from "@/lib/auth/session";
import { getAdminPackage } from "@/lib/packages/get-package";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("console.packages"))("editTitle") };
}

export default async function EditPackagePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  await requirePageAdmin(`/admin/packages/${encodeURIComponent(id)}`);
  const [t, pkg] = await Promise.all([getTranslations("console.packages"), getAdminPackage(id)]);
  if (!pkg) notFound();

  return (
    <div className="flex flex-col gap-6">
      <Link href="/admin/packages" className="text-sm text-brand-700 hover:underline">
        ← {t("back")}
      </Link>
      <PageHeader title={t("editTitle")} description={pkg.nameEn ? `${pkg.name} / ${pkg.nameEn}` : pkg.name} />
      <Section id="edit-package-title" title={t("details")}>
        <PackageForm
          id={pkg.id}
          initial={{
            name: pkg.name,
            nameEn: pkg.nameEn ?? "",
            priceYuan: formatYuan(pkg.priceFen),
            credits: String(pkg.credits),
            bonusCredits: String(pkg.bonusCredits),
            bonusValidityDays: pkg.bonusValidityDays === null ? "" : String(pkg.bonusValidityDays),
            active: pkg.active,
          }}
        />
      </Section>
    </div>
  );
}
