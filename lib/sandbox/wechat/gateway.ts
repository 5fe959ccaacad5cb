/**
 * The sandbox's WeChat Pay v3 gateway: authenticate the merchant, apply the "provider down"
 * fault, run the operation, answer signed. Nothing escapes as a bare 500: unexpected failures
 * are logged and answered as WeChat's SYSTEM_ERROR.
 */
import { z } from "zod";
import { logger } from "@/lib/log/logger";
import { faultsFor } from "@/lib/sandbox/faults";
import { simulatedOutage } from "@/lib/sandbox/outage";
import type { MerchantKeys } from "@/lib/sandbox/types";
import { WechatApiError, signError, systemError } from "./api-error";
import { checkAuthorization, claimedMerchant } from "./authenticate";
import type { Answer, CallContext } from "./call";
import { closeOrder, createOrder, queryOrder } from "./orders";
import { createRefund, queryRefund } from "./refunds";
import { applyTradeBill, downloadBill } from "./bills";
import { answerResponse, errorResponse } from "./reply";
import { MAX_REQUEST_BYTES, readBodyCapped } from "./request-body";
import { matchRoute, type Route } from "./routes";

const bodyTradeNoSchema = z.object({ out_trade_no: z.string().max(64) });

/** The order a request is about, so faults scoped to one trade apply to its API calls too. */
function tradeNoOf(route: Route | null, body: string): string | undefined {
  if (route?.kind === "query" || route?.kind === "close") return route.outTradeNo;
  if (route?.kind !== "create" && route?.kind !== "refund") return undefined;
  try {
    const parsed = bodyTradeNoSchema.safeParse(JSON.parse(body));
    return parsed.success ? parsed.data.out_trade_no : undefined;
  } catch {
    return undefined;
  }
}

function run(route: Route, ctx: CallContext): Promise<Answer> {
  switch (route.kind) {
    case "create":
      return createOrder(ctx, route.channel);
    case "query":
      return queryOrder(ctx, route.outTradeNo);
    case "close":
      return closeOrder(ctx, route.outTradeNo);
    case "refund":
      return createRefund(ctx);
    case "refundQuery":
      return queryRefund(ctx, route.outRefundNo);
    case "tradeBill":
      return applyTradeBill(ctx);
    case "billDownload":
      return downloadBill(ctx);
  }
}

async function serve(request: Request, path: readonly string[], keys: MerchantKeys): Promise<Response> {
  const now = new Date();
  const body = await readBodyCapped(request);
  if (body === null) throw new WechatApiError(413, "INVALID_REQUEST", `请求体超过 ${MAX_REQUEST_BYTES} 字节`);
  const rejected = checkAuthorization(request, keys, body, now.getTime());
  if (rejected) throw rejected;

  const route = matchRoute(request.method, path);
  const faults = await faultsFor(keys.merchant.id, tradeNoOf(route, body));
  const outage = await simulatedOutage(faults, request.signal);
  if (outage) return outage;
  if (!route) throw new WechatApiError(404, "NOT_FOUND", "请求的资源不存在");

  const ctx: CallContext = { keys, body, query: new URL(request.url).searchParams, faults, now };
  return answerResponse(await run(route, ctx), keys);
}

/** Signed when the merchant is known and its key loads; unsigned otherwise, as a last resort. */
function failure(error: WechatApiError, keys: MerchantKeys | null): Response {
  try {
    return errorResponse(error, keys);
  } catch {
    return errorResponse(error, null);
  }
}

/** `path`: the decoded segments after the mount prefix, e.g. ["v3", "pay", "transactions", "native"]. */
export async function handleGatewayRequest(request: Request, path: readonly string[]): Promise<Response> {
  let keys: MerchantKeys | null = null;
  try {
    keys = await claimedMerchant(request);
    // Without a known merchant there is no key to verify with, nor one to sign the answer.
    if (!keys) return errorResponse(signError("Authorization 头缺失、格式错误或商户号不存在"), null);
    return await serve(request, path, keys);
  } catch (error) {
    if (error instanceof WechatApiError) return failure(error, keys);
    logger.error("wechat sandbox gateway failed", { method: request.method, path: path.join("/"), error });
    return failure(systemError(), keys);
  }
}
