import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { orderState } from "@/components/orders/order-state";
import { OrdersTable } from "@/components/orders/orders-table";
import { Pagination } from "@/components/orders/pagination";
import { RefreshWhilePending } from "@/components/orders/refresh-while-pending";
import { requirePageUser } from "@/lib/auth/session";
import { listOwnOrders } from "@/lib/recharge/list-own-orders";

const pageSize = 10;
const pageParam = z.coerce.number().int().min(1).max(10_000).catch(1);

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("orders"))("title") };
}

export default async function OrdersPage({ searchParams }: { searchParams: Promise<{ page?: string }> }) {
  const user = await requirePageUser("/orders");
  const page = pageParam.parse((await searchParams).page ?? 1);
  const [t, list] = await Promise.all([getTranslations("orders"), listOwnOrders({ userId: user.id, page, pageSize })]);

  const lastPage = Math.max(1, Math.ceil(list.total / pageSize));
  if (page > lastPage) redirect(`/orders?page=${lastPage}`);

  return (
    <div className="flex flex-col gap-5">
      <div>
        <h1 className="text-2xl font-bold">{t("title")}</h1>
        <p className="mt-1 text-slate-600">
          {t("intro")} {list.total > 0 && t("count", { count: list.total })}
        </p>
      </div>
      {list.orders.length === 0 ? (
        <div className="flex flex-col items-start gap-3 rounded-xl bg-white p-6 shadow-sm">
          <p className="text-slate-700">{t("empty")}</p>
          <Link
            href="/recharge"
            className="rounded-lg bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800"
          >
            {t("startRecharge")}
          </Link>
        </div>
      ) : (
        <OrdersTable orders={list.orders} />
      )}
      <Pagination path="/orders" page={page} pageSize={pageSize} total={list.total} />
      {list.orders.some((order) => orderState(order) === "waiting") && <RefreshWhilePending />}
    </div>
  );
}
