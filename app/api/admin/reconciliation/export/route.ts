import { searchParamsObject } from "@/lib/admin/search-params";
import { recordAudit } from "@/lib/audit/record-audit";
import { requireApiAdmin } from "@/lib/auth/session";
import { differencesCsv } from "@/lib/bills/differences-csv";
import { reconciliationQuerySchema } from "@/lib/bills/list-reconciliation";
import { getPrisma } from "@/lib/db";
import { handle } from "@/lib/http/respond";
import { parseInput } from "@/lib/http/validate";

/** The selected differences as CSV. */
export const GET = handle(async (request: Request) => {
  const admin = await requireApiAdmin();
  const query = parseInput(reconciliationQuerySchema, searchParamsObject(new URL(request.url).searchParams));
  const prisma = await getPrisma();
  await prisma.$transaction((tx) =>
    recordAudit(tx, { actorId: admin.id, action: "reconciliation.export", target: "differences", after: query }),
  );
  return new Response(differencesCsv(query), {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="reconciliation-differences-${query.billDate ?? "all"}.csv"`,
      "cache-control": "no-store",
      "x-content-type-options": "nosniff",
    },
  });
});
