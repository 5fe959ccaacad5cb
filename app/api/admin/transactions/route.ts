import { NextResponse } from "next/server";
import { searchParamsObject } from "@/lib/admin/search-params";
import { listTransactions, transactionListSchema } from "@/lib/admin/transactions/list-transactions";
import { requireApiAdmin } from "@/lib/auth/session";
import { handle } from "@/lib/http/respond";
import { parseInput } from "@/lib/http/validate";

export const GET = handle(async (request: Request) => {
  await requireApiAdmin();
  const query = parseInput(transactionListSchema, searchParamsObject(new URL(request.url).searchParams));
  return NextResponse.json(await listTransactions(query));
});
