import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Badge } from "@/components/admin/badges";
import { PackageForm } from "@/components/admin/packages/package-form";
import { PackageRowActions } from "@/components/admin/packages/package-row-actions";
import { PageHeader } from "@/components/admin/page-header";
import { Section } from "@/components/admin/section";
import { EmptyRow, Table, Td, Th } from "@/components/admin/table";
import { Time } from "@/components/admin/time";
import { requirePageAdmin } from "@/lib/auth/session";
import { formatFen } from "@/lib/format/money";
import { listAllPackages } from "@/lib/packages/list-all-packages";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("console.packages"))("title") };
}

export default async function PackagesPage() {
  await requirePageAdmin("/admin/packages");
  const [t, packages] = await Promise.all([getTranslations("console.packages"), listAllPackages()]);
  const order = packages.map((pkg) => pkg.id);

  return (
    <div className="flex flex-col gap-6">
      <PageHeader title={t("title")} description={t("intro")} />
      <Section id="packages-title" title={t("listTitle", { count: packages.length })} padded={false}>
        <Table caption={t("listTitle", { count: packages.length })}>
          <thead>
            <tr>
              <Th>#</Th>
              <Th>{t("name")}</Th>
              <Th className="text-right">{t("price")}</Th>
              <Th className="text-right">{t("credits")}</Th>
              <Th className="text-right">{t("bonus")}</Th>
              <Th>{t("status")}</Th>
              <Th>{t("updated")}</Th>
              <Th>{t("actions")}</Th>
            </tr>
          </thead>
          <tbody>
            {packages.map((pkg, index) => (
              <tr key={pkg.id} data-testid="package-row">
                <Td className="tabular-nums text-slate-500">{index + 1}</Td>
                <Td>
                  <span className="font-medium">{pkg.name}</span>
                  {pkg.nameEn && <span className="block text-xs text-slate-500">{pkg.nameEn}</span>}
                </Td>
                <Td className="text-right tabular-nums">{formatFen(pkg.priceFen)}</Td>
                <Td className="text-right tabular-nums">{pkg.credits}</Td>
                <Td className="text-right tabular-nums">
                  {pkg.bonusCredits}
                  {pkg.bonusCredits > 0 && (
                    <span className="block text-xs text-slate-500">
                      {pkg.bonusValidityDays === null
                        ? t("bonusValidityNever")
                        : t("bonusValidityDaysShort", { days: pkg.bonusValidityDays })}
                    </span>
                  )}
                </Td>
                <Td>
                  {pkg.active ? <Badge tone="green">{t("active")}</Badge> : <Badge tone="slate">{t("inactive")}</Badge>}
                </Td>
                <Td className="text-xs">
                  <Time iso={pkg.updatedAt} />
                </Td>
                <Td>
                  <PackageRowActions id={pkg.id} name={pkg.name} active={pkg.active} order={order} />
                </Td>
              </tr>
            ))}
            {!packages.length && <EmptyRow colSpan={8}>{t("empty")}</EmptyRow>}
          </tbody>
        </Table>
      </Section>
      <Section id="new-package-title" title={t("createTitle")}>
        <PackageForm
          initial={{
            name: "",
            nameEn: "",
            priceYuan: "",
            credits: "",
            bonusCredits: "0",
            bonusValidityDays: "",
            active: true,
          }}
        />
      </Section>
    </div>
  );
}
