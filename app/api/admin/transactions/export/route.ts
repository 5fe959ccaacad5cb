import { searchParamsObject } from "@/lib/admin/search-params";
import { exportFileName, transactionsCsv } from "@/lib/admin/transactions/export-csv";
import { transactionFiltersSchema } from "@/lib/admin/transactions/filters";
import { recordAudit } from "@/lib/audit/record-audit";
import { requireApiAdmin } from "@/lib/auth/session";
import { getPrisma } from "@/lib/db";
import { handle } from "@/lib/http/respond";
import { parseInput } from "@/lib/http/validate";
import { getDisplayTimeZone } from "@/lib/settings/get-display-time-zone";

/** The filtered orders as CSV, streamed batch by batch (see transactionsCsv). */
export const GET = handle(async (request: Request) => {
  const admin = await requireApiAdmin();
  const filters = parseInput(transactionFiltersSchema, searchParamsObject(new URL(request.url).searchParams));
  const prisma = await getPrisma();
  // Exports carry every customer's email: who took one, and of what, is worth keeping.
  await prisma.$transaction((tx) =>
    recordAudit(tx, { actorId: admin.id, action: "transactions.export", target: "transactions", after: filters }),
  );
  return new Response(transactionsCsv(filters), {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${exportFileName(await getDisplayTimeZone())}"`,
      "cache-control": "no-store",
      "x-content-type-options": "nosniff",
    },
  });
});
