"use client";

import { useRouter } from "next/navigation";
import { useCallback, useRef, useState } from "react";
import { AdminApiError } from "@/components/admin/api";

export interface ActionState<T> {
  pending: boolean;
  error: AdminApiError | null;
  result: T | null;
  run: (work: () => Promise<T>) => Promise<T | null>;
  reset: () => void;
}

/**
 * Runs one console action at a time: a second click while one is in flight is ignored (the
 * ref is set before React re-renders the disabled button). On success the page's server data
 * is refreshed, so lists and timelines show the change.
 */
export function useAction<T>(): ActionState<T> {
  const router = useRouter();
  const inFlight = useRef(false);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<AdminApiError | null>(null);
  const [result, setResult] = useState<T | null>(null);

  const run = useCallback(
    async (work: () => Promise<T>) => {
      if (inFlight.current) return null;
      inFlight.current = true;
      setPending(true);
      setError(null);
      setResult(null);
      try {
        const value = await work();
        setResult(value);
        router.refresh();
        return value;
      } catch (failure) {
        setError(failure instanceof AdminApiError ? failure : new AdminApiError(0, "UNKNOWN", String(failure)));
        return null;
      } finally {
        inFlight.current = false;
        setPending(false);
      }
    },
    [router],
  );
  const reset = useCallback(() => {
    setError(null);
    setResult(null);
  }, []);
  return { pending, error, result, run, reset };
}
