import { requireApiAdmin } from "@/lib/auth/session";
import { handle } from "@/lib/http/respond";
import { takeBatchCodes } from "@/lib/redemption/take-batch-codes";

type Context = { params: Promise<{ id: string }> };

/** The batch's codes as CSV, once. A POST, so no link, prefetch or cross-site image can use up the download. */
export const POST = handle(async (_request: Request, context: Context) => {
  const admin = await requireApiAdmin();
  const file = await takeBatchCodes({ batchId: (await context.params).id, actorId: admin.id });
  return new Response(file.csv, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${file.filename}"`,
      "cache-control": "no-store",
    },
  });
});
