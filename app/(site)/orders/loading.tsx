import { getTranslations } from "next-intl/server";
import { Skeleton } from "@/components/orders/skeleton";

export default async function OrdersLoading() {
  const t = await getTranslations("common");
  return (
    <div aria-busy="true" className="flex flex-col gap-5">
      <p className="sr-only" role="status">
        {t("loading")}
      </p>
      <div className="flex flex-col gap-2">
        <Skeleton className="h-8 w-40" />
        <Skeleton className="h-5 w-64" />
      </div>
      {[0, 1, 2, 3, 4].map((n) => (
        <Skeleton key={n} className="h-20" />
      ))}
    </div>
  );
}
