"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";

const intervalMs = 5_000;

/**
 * For server-rendered lists with an order still awaiting payment: re-renders the page now and
 * then (while the tab is visible), so a payment that lands shows up without a reload.
 */
export function RefreshWhilePending() {
  const router = useRouter();
  useEffect(() => {
    const timer = setInterval(() => {
      if (document.visibilityState === "visible") router.refresh();
    }, intervalMs);
    return () => clearInterval(timer);
  }, [router]);
  return null;
}
