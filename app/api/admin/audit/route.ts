import { NextResponse } from "next/server";
import { auditQuerySchema, listAuditLog } from "@/lib/admin/audit/list-audit-log";
import { searchParamsObject } from "@/lib/admin/search-params";
import { requireApiAdmin } from "@/lib/auth/session";
import { handle } from "@/lib/http/respond";
import { parseInput } from "@/lib/http/validate";

export const GET = handle(async (request: Request) => {
  await requireApiAdmin();
  const query = parseInput(auditQuerySchema, searchParamsObject(new URL(request.url).searchParams));
  return NextResponse.json(await listAuditLog(query));
});
