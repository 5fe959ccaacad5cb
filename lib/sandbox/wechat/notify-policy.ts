/** How WeChat Pay decides a notify was received, and when it tries again. */

/** WeChat counts HTTP 200 or 204 as received, whatever the body; anything else is retried. */
export function acknowledged(status: number): boolean {
  return status === 200 || status === 204;
}

const minute = 60;
const hour = 60 * minute;

/** WeChat's intervals after the first attempt: 15s,15s,30s,3m,10m,20m,30m,30m,30m,60m,3h,3h,3h,6h,6h. */
export const retryScheduleSeconds: readonly number[] = Object.freeze([
  15,
  15,
  30,
  3 * minute,
  10 * minute,
  20 * minute,
  30 * minute,
  30 * minute,
  30 * minute,
  60 * minute,
  3 * hour,
  3 * hour,
  3 * hour,
  6 * hour,
  6 * hour,
]);
