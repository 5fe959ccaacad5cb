import type { Refund } from "@prisma/client";
import type { z } from "zod";
import { yuanToFenField } from "@/lib/admin/yuan";
import { createRefund, createRefundSchema } from "@/lib/refunds/create-refund";

/** The console's refund form: the amount is typed in yuan and becomes exact fen. */
export const refundFormSchema = createRefundSchema
  .omit({ amountFen: true })
  .extend({ amountYuan: yuanToFenField({ positive: true }) });

export type RefundFormInput = z.infer<typeof refundFormSchema>;

/** A full or partial refund of a paid order, through the existing refund use case. */
export function refundOrder(orderNo: string, input: RefundFormInput, actorId: string): Promise<Refund> {
  return createRefund({
    orderNo,
    actorId,
    amountFen: input.amountYuan,
    reason: input.reason,
    allowNegativeBalance: input.allowNegativeBalance,
  });
}
