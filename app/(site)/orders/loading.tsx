import { ListPageSkeleton } from "@/components/orders/skeleton";

export default function OrdersLoading() {
  return <ListPageSkeleton />;
}
