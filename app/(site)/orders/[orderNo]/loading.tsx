import { LoadingRegion, Skeleton } from "@/components/orders/skeleton";

export default function OrderLoading() {
  return (
    <LoadingRegion className="flex flex-col gap-6">
      <Skeleton className="h-8 w-44" />
      <div className="grid items-start gap-6 md:grid-cols-[minmax(0,1fr)_18rem]">
        <Skeleton className="h-[28rem]" />
        <Skeleton className="h-80" />
      </div>
    </LoadingRegion>
  );
}
