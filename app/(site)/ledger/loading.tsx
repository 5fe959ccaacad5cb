import { ListPageSkeleton } from "@/components/orders/skeleton";

export default function LedgerLoading() {
  return <ListPageSkeleton />;
}
