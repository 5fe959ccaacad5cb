import { getPrisma } from "@/lib/db";
import { billTokenValid, readBillToken, sandboxBill } from "@/lib/sandbox/bills";

/** GET <APP_URL>/sandbox/alipay/bills/<token>: the bill ZIP the download URL promised. */
export async function serveBillFile(token: string, now = new Date()): Promise<Response> {
  const read = readBillToken(token);
  const prisma = await getPrisma();
  const merchant = read ? await prisma.sandboxMerchant.findUnique({ where: { id: read.merchantId } }) : null;
  if (!read || !merchant || merchant.provider !== "ALIPAY" || !billTokenValid(merchant, read, now)) {
    return new Response("link expired", { status: 404, headers: { "content-type": "text/plain" } });
  }
  const bill = await sandboxBill(merchant, read.billDate);
  if (bill.state !== "READY")
    return new Response("no bill", { status: 404, headers: { "content-type": "text/plain" } });
  return new Response(new Uint8Array(bill.bytes), {
    headers: {
      "content-type": "application/zip",
      "content-disposition": `attachment; filename="${merchant.merchantId}0156_${read.billDate.replaceAll("-", "")}.csv.zip"`,
    },
  });
}
