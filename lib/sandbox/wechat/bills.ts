/**
 * WeChat's two bill steps: `GET /v3/bill/tradebill` answers (signed) where to fetch the file and
 * its SHA1; `GET /v3/billdownload/file?token=…` answers the gzipped file itself, unsigned.
 */
import { createHash } from "node:crypto";
import { gzipSync } from "node:zlib";
import { env } from "@/lib/env";
import { billToken, billTokenValid, readBillToken, sandboxBill } from "@/lib/sandbox/bills";
import { paramError, WechatApiError } from "./api-error";
import type { Answer, CallContext } from "./call";

const BILL_DATE = /^\d{4}-\d{2}-\d{2}$/;

async function gzippedBill(ctx: CallContext, billDate: string): Promise<Buffer> {
  const bill = await sandboxBill(ctx.keys.merchant, billDate);
  if (bill.state === "NOT_READY") throw new WechatApiError(400, "STATEMENT_CREATING", "账单生成中，请稍后再试");
  if (bill.state === "EMPTY") throw new WechatApiError(400, "NO_STATEMENT_EXIST", "账单文件不存在");
  // mtime 0 in the gzip header: the same bill gzips to the same bytes every time.
  return gzipSync(bill.bytes);
}

export async function applyTradeBill(ctx: CallContext): Promise<Answer> {
  const billDate = ctx.query.get("bill_date") ?? "";
  if (!BILL_DATE.test(billDate)) throw paramError("bill_date");
  const type = ctx.query.get("bill_type") ?? "ALL";
  if (type !== "ALL") throw paramError("bill_type: the sandbox makes ALL bills only");
  const bytes = await gzippedBill(ctx, billDate);
  const token = billToken(ctx.keys.merchant, billDate, ctx.now);
  return {
    status: 200,
    json: {
      hash_type: "SHA1",
      hash_value: createHash("sha1").update(bytes).digest("hex"),
      download_url: `${env().APP_URL}/sandbox/wechat/v3/billdownload/file?token=${encodeURIComponent(token)}`,
    },
  };
}

export async function downloadBill(ctx: CallContext): Promise<Answer> {
  const token = readBillToken(ctx.query.get("token") ?? "");
  if (!token || token.merchantId !== ctx.keys.merchant.id || !billTokenValid(ctx.keys.merchant, token, ctx.now)) {
    throw new WechatApiError(400, "INVALID_REQUEST", "下载链接无效或已过期");
  }
  return { status: 200, file: await gzippedBill(ctx, token.billDate) };
}
