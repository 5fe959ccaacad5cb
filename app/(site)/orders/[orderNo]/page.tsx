import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { ClientTranslations } from "@/components/client-translations";
import { OrderLive } from "@/components/orders/order-live";
import { QueryProvider } from "@/components/query-provider";
import { requirePageUser } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { getOwnOrder } from "@/lib/recharge/get-own-order";
import { orderView } from "@/lib/recharge/order-view";

type Params = { params: Promise<{ orderNo: string }> };
type PageProps = Params & { searchParams: Promise<{ wechatAuth?: string }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  return { title: (await getTranslations("order"))("metaTitle", { orderNo: (await params).orderNo }) };
}

/** The order, and when it was read: the countdown starts from the server's clock, not the browser's. */
async function ownOrder(userId: string, orderNo: string) {
  try {
    const order = await getOwnOrder(userId, orderNo);
    return { order, readAt: Date.now() };
  } catch (error) {
    // Someone else's order and no order look the same.
    if (error instanceof AppError && error.code === "NOT_FOUND") notFound();
    throw error;
  }
}

/** One order on its own URL: a closed tab, a shared link or the phone's return all land here and see the truth. */
export default async function OrderPage({ params, searchParams }: PageProps) {
  const { orderNo } = await params;
  const wechatAuthFailed = (await searchParams).wechatAuth === "failed";
  const user = await requirePageUser(`/orders/${encodeURIComponent(orderNo)}`);
  const [t, { order, readAt }] = await Promise.all([getTranslations("order"), ownOrder(user.id, orderNo)]);

  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="text-2xl font-bold">{t("title")}</h1>
        <Link href="/orders" className="rounded text-sm font-medium text-brand-700 underline underline-offset-2">
          {t("backToOrders")}
        </Link>
      </div>
      {/* The live panel formats times, counts and plurals as the order changes: it translates in the browser. */}
      <ClientTranslations namespaces={["order", "providers", "common", "recharge"]}>
        <QueryProvider>
          <OrderLive
            initial={{ order: orderView(order, new Date(readAt)), balance: user.balance }}
            packageId={order.packageId}
            serverNow={readAt}
            wechatAuthFailed={wechatAuthFailed}
          />
        </QueryProvider>
      </ClientTranslations>
    </div>
  );
}
