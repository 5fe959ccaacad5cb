import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Badge } from "@/components/admin/badges";
import { PageHeader } from "@/components/admin/page-header";
import { BatchForm } from "@/components/admin/redemption/batch-form";
import { DisableButton, DownloadButton } from "@/components/admin/redemption/batch-actions";
import { Section } from "@/components/admin/section";
import { EmptyRow, Table, Td, Th } from "@/components/admin/table";
import { Time } from "@/components/admin/time";
import { requirePageAdmin } from "@/lib/auth/session";
import { listBatches, type BatchView } from "@/lib/redemption/list-batches";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("console.redemption"))("title") };
}

function BatchStatus({ batch, now }: { batch: BatchView; now: number }) {
  return <StatusBadge state={batch.disabledAt ? "disabled" : Date.parse(batch.redeemBy) <= now ? "expired" : "open"} />;
}

async function StatusBadge({ state }: { state: "open" | "disabled" | "expired" }) {
  const t = await getTranslations("console.redemption");
  const tone = state === "open" ? "green" : state === "disabled" ? "red" : "slate";
  return <Badge tone={tone}>{t(state)}</Badge>;
}

// Read with the batches, outside render: whether a batch is past its deadline depends on it.
async function loadBatches() {
  return { batches: await listBatches(), readAt: Date.now() };
}

export default async function RedemptionBatchesPage() {
  await requirePageAdmin("/admin/redemption-batches");
  const [t, tWallet, { batches, readAt: now }] = await Promise.all([
    getTranslations("console.redemption"),
    getTranslations("console.wallet"),
    loadBatches(),
  ]);

  return (
    <div className="flex flex-col gap-6">
      <PageHeader title={t("title")} description={t("intro")} />
      <Section id="new-batch-title" title={t("createTitle")}>
        <BatchForm />
      </Section>
      <Section id="batches-title" title={t("listTitle", { count: batches.length })} padded={false}>
        <Table caption={t("listTitle", { count: batches.length })}>
          <thead>
            <tr>
              <Th>{t("name")}</Th>
              <Th>{t("category")}</Th>
              <Th className="text-right">{t("creditsPerCode")}</Th>
              <Th className="text-right">{t("redeemed")}</Th>
              <Th>{t("redeemBy")}</Th>
              <Th>{t("validity")}</Th>
              <Th className="text-right">{t("perUserLimit")}</Th>
              <Th>{t("status")}</Th>
              <Th>{t("actions")}</Th>
            </tr>
          </thead>
          <tbody>
            {batches.map((batch) => (
              <tr key={batch.id} data-testid="batch-row">
                <Td>
                  <span className="font-medium">{batch.name}</span>
                  <span className="block text-xs text-slate-500">
                    <Time iso={batch.createdAt} />
                  </span>
                </Td>
                <Td>{tWallet(`categories.${batch.category}`)}</Td>
                <Td className="text-right tabular-nums">{batch.creditsPerCode}</Td>
                <Td className="text-right tabular-nums" data-testid="batch-redeemed">
                  {batch.redeemedCount} / {batch.codeCount}
                </Td>
                <Td className="text-xs">
                  <Time iso={batch.redeemBy} />
                </Td>
                <Td className="text-xs">
                  {batch.creditValidityDays === null
                    ? t("validityNever")
                    : t("validityDays", { days: batch.creditValidityDays })}
                </Td>
                <Td className="text-right tabular-nums">{batch.perUserLimit}</Td>
                <Td>
                  <BatchStatus batch={batch} now={now} />
                </Td>
                <Td>
                  <div className="flex flex-col gap-1.5">
                    {batch.downloadable ? (
                      <DownloadButton batchId={batch.id} />
                    ) : (
                      <span className="text-xs text-slate-500">
                        {t("downloaded")} <Time iso={batch.codesDownloadedAt} />
                      </span>
                    )}
                    {!batch.disabledAt && <DisableButton batchId={batch.id} name={batch.name} />}
                  </div>
                </Td>
              </tr>
            ))}
            {!batches.length && <EmptyRow colSpan={9}>{t("empty")}</EmptyRow>}
          </tbody>
        </Table>
      </Section>
    </div>
  );
}
