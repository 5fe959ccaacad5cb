/**
 * When each attempt is made, counted from the one before (the first goes at once): about
 * three days in all. Attempt n waits `retryDelaysMs[n - 1]` after attempt n − 1 failed.
 */
export const retryDelaysMs = [
  0,
  5_000,
  5 * 60_000,
  30 * 60_000,
  2 * 3_600_000,
  5 * 3_600_000,
  10 * 3_600_000,
  14 * 3_600_000,
  20 * 3_600_000,
  24 * 3_600_000,
] as const;

export const maxAttempts = retryDelaysMs.length;

/** An endpoint whose every attempt failed for this long is disabled. */
export const failingDisablesAfterMs = 3 * 24 * 3_600_000;

/**
 * The wait before attempt `attempt + 1`, after attempt `attempt` failed; null when it was the
 * last. ±10 % jitter keeps a recovering receiver from being hit by every retry at once;
 * `timeScale` divides it (tests run the three days in seconds).
 */
export function nextRetryDelayMs(attempt: number, timeScale: number, random = Math.random): number | null {
  const base = retryDelaysMs[attempt];
  if (base === undefined) return null;
  return Math.round((base * (0.9 + 0.2 * random())) / timeScale);
}
