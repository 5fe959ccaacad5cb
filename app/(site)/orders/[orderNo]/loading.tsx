import { getTranslations } from "next-intl/server";
import { Skeleton } from "@/components/orders/skeleton";

export default async function OrderLoading() {
  const t = await getTranslations("common");
  return (
    <div aria-busy="true" className="flex flex-col gap-6">
      <p className="sr-only" role="status">
        {t("loading")}
      </p>
      <Skeleton className="h-8 w-44" />
      <div className="grid items-start gap-6 md:grid-cols-[minmax(0,1fr)_18rem]">
        <Skeleton className="h-[28rem]" />
        <Skeleton className="h-80" />
      </div>
    </div>
  );
}
