import type { PaymentConfig, RechargeOrder, Refund } from "@prisma/client";
import { refundNotifyUrl } from "@/lib/payment-configs/urls";
import type { RefundInput } from "@/lib/payments/types";

/** The provider request for a refund; the same every time, so a resend is the same refund. */
export function refundRequest(
  order: RechargeOrder,
  refund: Refund,
  config: Pick<PaymentConfig, "id" | "provider">,
): RefundInput {
  return {
    orderNo: order.orderNo,
    refundNo: refund.refundNo,
    refundFen: refund.amountFen,
    totalFen: order.paidAmountFen ?? order.priceFen,
    reason: refund.reason,
    notifyUrl: refundNotifyUrl(config),
  };
}
