import { serveBillFile } from "@/lib/sandbox/alipay/bill-file";
import { sandboxDisabledResponse } from "@/lib/sandbox/guard";

type Context = { params: Promise<{ token: string }> };

/** The sandbox's Alipay bill download (the URL bill.downloadurl.query answers). */
export async function GET(_request: Request, context: Context): Promise<Response> {
  return sandboxDisabledResponse() ?? serveBillFile((await context.params).token);
}
