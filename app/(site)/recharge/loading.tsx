import { getTranslations } from "next-intl/server";
import { Skeleton } from "@/components/orders/skeleton";

export default async function RechargeLoading() {
  const t = await getTranslations("common");
  return (
    <div aria-busy="true" className="flex flex-col gap-6">
      <p className="sr-only" role="status">
        {t("loading")}
      </p>
      <div className="flex flex-col gap-2">
        <Skeleton className="h-8 w-48" />
        <Skeleton className="h-5 w-full max-w-md" />
      </div>
      <div className="grid items-start gap-6 lg:grid-cols-[minmax(0,1fr)_20rem]">
        <div className="grid grid-cols-2 gap-3 sm:gap-4">
          {[0, 1, 2, 3].map((n) => (
            <Skeleton key={n} className="h-32" />
          ))}
        </div>
        <Skeleton className="h-72" />
      </div>
    </div>
  );
}
