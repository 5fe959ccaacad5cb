import type { Faults } from "@/lib/sandbox/faults";

/** Longer than any caller's timeout, short enough that a test run always ends. */
const hangMs = 30_000;

/**
 * What the gateway does while the "provider down" fault is on: a server error, or silence
 * until the caller gives up. Null when the provider is up.
 */
export async function simulatedOutage(faults: Faults, signal?: AbortSignal): Promise<Response | null> {
  if (faults.providerDown === "error") {
    return new Response("service unavailable", { status: 503, headers: { "content-type": "text/plain" } });
  }
  if (faults.providerDown === "timeout") {
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, hangMs);
      signal?.addEventListener("abort", () => {
        clearTimeout(timer);
        resolve();
      });
    });
    return new Response("gateway timeout", { status: 504, headers: { "content-type": "text/plain" } });
  }
  return null;
}
