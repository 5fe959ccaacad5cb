import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { StatusPage } from "@/components/status-page";

export default async function OrderNotFound() {
  const [t, tOrder] = await Promise.all([getTranslations("errors"), getTranslations("order")]);
  return (
    <StatusPage
      title={t("notFoundTitle")}
      body={t("notFoundBody")}
      action={
        <Link
          href="/orders"
          className="mt-2 rounded-md bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800"
        >
          {tOrder("backToOrders")}
        </Link>
      }
    />
  );
}
