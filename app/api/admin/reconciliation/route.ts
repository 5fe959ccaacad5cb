import { NextResponse } from "next/server";
import { searchParamsObject } from "@/lib/admin/search-params";
import { requireApiAdmin } from "@/lib/auth/session";
import { latestRuns, listDifferences, reconciliationQuerySchema } from "@/lib/bills/list-reconciliation";
import { handle } from "@/lib/http/respond";
import { parseInput } from "@/lib/http/validate";

/** The last run per config and the differences the filters select. */
export const GET = handle(async (request: Request) => {
  await requireApiAdmin();
  const query = parseInput(reconciliationQuerySchema, searchParamsObject(new URL(request.url).searchParams));
  const [runs, differences] = await Promise.all([latestRuns(), listDifferences(query)]);
  return NextResponse.json({ runs, differences });
});
