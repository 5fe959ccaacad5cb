"use client";

import { useRouter } from "next/navigation";
import { useCallback, useRef, useState } from "react";
import { ApiError, createOrder, type Channel, type Provider } from "@/components/recharge/api";
import { createOrderFailure, type CreateOrderFailure } from "@/components/recharge/create-order-failure";
import { newClientKey, preferredChannel } from "@/components/recharge/purchase";

export interface PurchaseChoice {
  packageId: string;
  provider: Provider;
  /** How the payment reaches the payer; by screen size (QR or H5) when not given. */
  channel?: Channel;
  /** Inside Alipay's app: go straight to Alipay's phone page, not via the order page. */
  openProviderPage?: boolean;
}

type Status = { is: "idle" } | { is: "pending" } | { is: "opening" } | { is: "failed"; failure: CreateOrderFailure };

/**
 * Creates an order and opens its page. One client key per purchase attempt: double clicks
 * and retries after a network failure resend it, so the server answers with the same order.
 * A new key only after the server has answered with an error (that attempt is over) or when
 * the caller starts a new attempt (another package or method, "new code").
 * Plain React state, not a TanStack Query mutation: the recharge page then ships no TanStack Query.
 */
export function useCreateOrder() {
  const router = useRouter();
  const attemptKey = useRef<string | null>(null);
  // Set synchronously: a second click arrives before React re-renders the disabled button.
  const inFlight = useRef(false);
  const [status, setStatus] = useState<Status>({ is: "idle" });

  const create = useCallback(
    (choice: PurchaseChoice) => {
      if (inFlight.current) return;
      inFlight.current = true;
      attemptKey.current ??= newClientKey();
      setStatus({ is: "pending" });
      const { openProviderPage, ...request } = choice;
      createOrder({ ...request, channel: choice.channel ?? preferredChannel(), clientKey: attemptKey.current }).then(
        (order) => {
          // Stays in flight: the button keeps saying so while the next page opens.
          setStatus({ is: "opening" });
          // Alipay's page returns the phone to the order page (return_url) when done.
          if (openProviderPage && order.payUrl) window.location.assign(order.payUrl);
          else router.push(`/orders/${order.orderNo}`);
        },
        (error: unknown) => {
          inFlight.current = false;
          if (error instanceof ApiError && error.answered) attemptKey.current = null;
          setStatus({ is: "failed", failure: createOrderFailure(error) });
        },
      );
    },
    [router],
  );
  const newAttempt = useCallback(() => {
    if (inFlight.current) return;
    attemptKey.current = null;
    setStatus({ is: "idle" });
  }, []);

  return {
    create,
    newAttempt,
    busy: status.is === "pending" || status.is === "opening",
    isPending: status.is === "pending",
    isOpening: status.is === "opening",
    failure: status.is === "failed" ? status.failure : null,
  };
}
