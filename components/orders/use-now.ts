"use client";

import { useEffect, useRef, useState } from "react";

/**
 * The server's clock, ticking every second while `running`. Starts at the server's render
 * time (so the first client render matches the HTML), then follows the browser's clock
 * corrected by the difference seen at load: a phone set a few minutes wrong still counts
 * down to the server's expiry.
 */
export function useServerNow(serverNow: number, running: boolean): number {
  const [now, setNow] = useState(serverNow);
  const offset = useRef<number | null>(null);
  useEffect(() => {
    offset.current ??= serverNow - Date.now();
    if (!running) return;
    const skew = offset.current;
    const tick = () => setNow(Date.now() + skew);
    const first = setTimeout(tick, 0);
    const timer = setInterval(tick, 1_000);
    return () => {
      clearTimeout(first);
      clearInterval(timer);
    };
  }, [serverNow, running]);
  return now;
}
