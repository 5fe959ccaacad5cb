import { NextResponse } from "next/server";
import { refundFormSchema, refundOrder } from "@/lib/admin/refund-order";
import { requireApiAdmin } from "@/lib/auth/session";
import { handle, readJson } from "@/lib/http/respond";
import { parseInput } from "@/lib/http/validate";

type Context = { params: Promise<{ orderNo: string }> };

export const POST = handle(async (request: Request, context: Context) => {
  const admin = await requireApiAdmin();
  const input = parseInput(refundFormSchema, await readJson(request));
  const refund = await refundOrder((await context.params).orderNo, input, admin.id);
  return NextResponse.json(
    {
      refund: {
        refundNo: refund.refundNo,
        status: refund.status,
        amountFen: refund.amountFen,
        credits: refund.credits,
      },
    },
    { status: 201 },
  );
});
