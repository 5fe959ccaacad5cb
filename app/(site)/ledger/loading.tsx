import { LoadingRegion, Skeleton } from "@/components/orders/skeleton";

export default function LedgerLoading() {
  return (
    <LoadingRegion className="flex flex-col gap-5">
      <div className="flex flex-col gap-2">
        <Skeleton className="h-8 w-40" />
        <Skeleton className="h-5 w-64" />
      </div>
      {[0, 1, 2, 3, 4].map((n) => (
        <Skeleton key={n} className="h-20" />
      ))}
    </LoadingRegion>
  );
}
