import { z } from "zod";
import { env } from "@/lib/env";
import { readBiz } from "@/lib/sandbox/alipay/biz-content";
import { businessError, unavailable } from "@/lib/sandbox/alipay/gateway-error";
import type { ApiMethod } from "@/lib/sandbox/alipay/methods/call";
import { billToken, sandboxBill } from "@/lib/sandbox/bills";

const billBiz = z.object({
  bill_type: z.literal("trade"),
  bill_date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
});

/**
 * alipay.data.dataservice.bill.downloadurl.query: a short-lived URL of the day's bill ZIP, a
 * plain GET with no signature. No trades that day is isp.bill_not_exist, as Alipay answers.
 */
export const billDownloadUrl: ApiMethod = async ({ keys, biz, now }) => {
  const { bill_date: billDate } = readBiz(billBiz, biz);
  const bill = await sandboxBill(keys.merchant, billDate);
  if (bill.state === "NOT_READY") throw unavailable();
  if (bill.state === "EMPTY") throw businessError("isp.bill_not_exist", "账单不存在");
  const token = billToken(keys.merchant, billDate, now);
  return { bill_download_url: `${env().APP_URL}/sandbox/alipay/bills/${encodeURIComponent(token)}` };
};
