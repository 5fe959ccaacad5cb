/**
 * How Alipay treats the merchant's answer to a notify: only the plain-text body "success" stops
 * the retries (surrounding whitespace tolerated); any other body, any non-200 status, or no
 * answer at all means "try again".
 */
export function acknowledged(status: number, body: string): boolean {
  return status === 200 && body.trim() === "success";
}

/**
 * Alipay's retry intervals after the first attempt: 4m, 10m, 10m, 1h, 2h, 6h, 15h — eight
 * notifies in all over about 25 hours, then it gives up.
 */
export const retryScheduleSeconds: readonly number[] = [4 * 60, 10 * 60, 10 * 60, 3600, 2 * 3600, 6 * 3600, 15 * 3600];
