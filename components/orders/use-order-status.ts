"use client";

import { useQuery, useQueryClient, type QueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { fetchOrder, orderEventsUrl, type OrderSnapshot } from "@/components/recharge/api";
import { isSettled, newer } from "@/components/orders/order-state";
import type { OrderView } from "@/lib/recharge/order-view";

export const orderQueryKey = (orderNo: string) => ["order", orderNo] as const;

/** Fallback polling while the live stream is down: often while payable, rarely once closed (late payments). */
const pollMs = { pending: 3_000, closed: 15_000 };

/** Puts an order returned by a button (check, cancel) into the cache, keeping the newer state. */
export function storeOrder(queryClient: QueryClient, order: OrderView) {
  queryClient.setQueryData<OrderSnapshot>(orderQueryKey(order.orderNo), (previous) =>
    previous ? newer(previous, { ...previous, order }) : previous,
  );
  // The buttons' answers carry no balance: fetch it (a paid order changed it).
  void queryClient.invalidateQueries({ queryKey: orderQueryKey(order.orderNo) });
}

/**
 * The order's live state: server-sent events push every change; while the stream is down
 * (the browser keeps reconnecting on its own) TanStack Query polls the order instead.
 * Once money has moved, the stream is closed: nothing on this page can change any more.
 */
export function useOrderStatus(initial: OrderSnapshot) {
  const orderNo = initial.order.orderNo;
  const queryClient = useQueryClient();
  const [streamDown, setStreamDown] = useState(false);

  const query = useQuery({
    queryKey: orderQueryKey(orderNo),
    queryFn: () => fetchOrder(orderNo),
    initialData: initial,
    structuralSharing: (previous, next) => newer(previous as OrderSnapshot | undefined, next as OrderSnapshot),
    refetchInterval: (current) => {
      const status = current.state.data?.order.status;
      if (!streamDown || !status || isSettled(status)) return false;
      return status === "PENDING" ? pollMs.pending : pollMs.closed;
    },
  });

  const settled = isSettled(query.data.order.status);
  useEffect(() => {
    if (settled) return;
    const source = new EventSource(orderEventsUrl(orderNo));
    source.addEventListener("order", (event) => {
      const snapshot = JSON.parse((event as MessageEvent<string>).data) as OrderSnapshot;
      queryClient.setQueryData<OrderSnapshot>(orderQueryKey(orderNo), (previous) => newer(previous, snapshot));
      setStreamDown(false);
    });
    source.addEventListener("error", () => setStreamDown(true));
    return () => source.close();
  }, [orderNo, settled, queryClient]);

  return {
    snapshot: query.data,
    streamDown,
    // Only worth showing when polling is what keeps the page current.
    refreshFailed: streamDown && query.isError,
    retry: () => void query.refetch(),
  };
}
