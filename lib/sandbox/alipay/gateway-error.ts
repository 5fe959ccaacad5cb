import type { TradeRefusal } from "@/lib/sandbox/trades";

/**
 * Alipay's gateway codes: 10000 success, 20000 service unavailable, 40001 a missing common
 * param, 40002 an invalid one (signature, app id, timestamp, method), 40004 a business refusal
 * whose sub_code (ACQ.…) names the reason. Every refusal the sandbox gives is one of these.
 */
export type GatewayCode = "20000" | "40001" | "40002" | "40004";

const messages: Record<GatewayCode, string> = {
  "20000": "Service Currently Unavailable",
  "40001": "Missing Required Arguments",
  "40002": "Invalid Arguments",
  "40004": "Business Failed",
};

export class GatewayError extends Error {
  constructor(
    readonly code: GatewayCode,
    readonly subCode: string,
    readonly subMsg: string,
  ) {
    super(`${code} ${subCode}: ${subMsg}`);
    this.name = "GatewayError";
  }

  /** The common response fields of this error, as Alipay writes them. */
  get fields(): Record<string, string> {
    return { code: this.code, msg: messages[this.code], sub_code: this.subCode, sub_msg: this.subMsg };
  }
}

export const missingParam = (subCode: string, subMsg: string) => new GatewayError("40001", subCode, subMsg);
export const invalidParam = (subCode: string, subMsg: string) => new GatewayError("40002", subCode, subMsg);
export const businessError = (subCode: string, subMsg: string) => new GatewayError("40004", subCode, subMsg);
export const unavailable = () => new GatewayError("20000", "isp.unknow-error", "服务暂不可用（业务系统不可用）");

export const tradeNotExist = () => businessError("ACQ.TRADE_NOT_EXIST", "交易不存在");

/** What Alipay answers the operation the shared trade store refused. */
export function refusalError(reason: TradeRefusal, operation: "create" | "close" | "refund"): GatewayError {
  switch (reason) {
    case "TRADE_NOT_FOUND":
      return tradeNotExist();
    case "OUT_TRADE_NO_USED":
      return businessError("ACQ.CONTEXT_INCONSISTENT", "交易信息被篡改");
    case "TRADE_PAID":
      // Placing a paid order again is "already paid"; closing it is a state error.
      return operation === "create"
        ? businessError("ACQ.TRADE_HAS_SUCCESS", "交易已被支付")
        : businessError("ACQ.TRADE_STATUS_ERROR", "交易状态不合法");
    case "TRADE_CLOSED":
    case "TRADE_EXPIRED":
      return businessError("ACQ.TRADE_HAS_CLOSE", "交易已经关闭");
    case "TRADE_NOT_PAID":
      return businessError("ACQ.TRADE_STATUS_ERROR", "交易状态不合法");
    case "REFUND_EXCEEDS_PAID":
      return businessError("ACQ.REFUND_AMT_NOT_EQUAL_TOTAL", "退款金额超限");
    case "REFUND_NO_USED":
      return businessError("ACQ.DISCORDANT_REPEAT_REQUEST", "不一致的请求");
  }
}
