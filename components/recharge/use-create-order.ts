"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useCallback, useRef } from "react";
import { ApiError, createOrder, type Provider } from "@/components/recharge/api";
import { newClientKey, preferredChannel } from "@/components/recharge/purchase";

export interface PurchaseChoice {
  packageId: string;
  provider: Provider;
}

/**
 * Creates an order and opens its page. One client key per purchase attempt: double clicks
 * and retries after a network failure resend it, so the server answers with the same order.
 * A new key only after the server has answered with an error (that attempt is over) or when
 * the caller starts a new attempt (another package or method, "new code").
 */
export function useCreateOrder() {
  const router = useRouter();
  const attemptKey = useRef<string | null>(null);
  // Set synchronously: a second click arrives before React re-renders the disabled button.
  const inFlight = useRef(false);
  const mutation = useMutation({
    mutationFn: (choice: PurchaseChoice) => {
      attemptKey.current ??= newClientKey();
      return createOrder({ ...choice, channel: preferredChannel(), clientKey: attemptKey.current });
    },
    // Stays in flight on success: the button keeps saying so while the order page opens.
    onSuccess: (order) => router.push(`/orders/${order.orderNo}`),
    onError: (error) => {
      inFlight.current = false;
      if (error instanceof ApiError && error.answered) attemptKey.current = null;
    },
  });

  const { mutate, reset } = mutation;
  const create = useCallback(
    (choice: PurchaseChoice) => {
      if (inFlight.current) return;
      inFlight.current = true;
      mutate(choice);
    },
    [mutate],
  );
  const newAttempt = useCallback(() => {
    if (inFlight.current) return;
    attemptKey.current = null;
    reset();
  }, [reset]);

  return {
    create,
    newAttempt,
    busy: mutation.isPending || mutation.isSuccess,
    isPending: mutation.isPending,
    isSuccess: mutation.isSuccess,
    error: mutation.error,
  };
}
